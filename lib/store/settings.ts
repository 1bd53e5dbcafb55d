import { z } from 'zod';
import type { BatonDb } from './db';

/**
 * User settings: one row in Dexie, validated on the way in and out. Each field falls back to its default on
 * its own, so a row written by an older or newer build never locks anyone out of the panel.
 */
export const settingsSchema = z.object({
  language: z.enum(['auto', 'ja', 'en']).catch('auto'),
  defaultRole: z.enum(['auto', 'sales', 'marketing']).catch('auto'),
  /** How old cached vendor data may be before the panel quietly refreshes it. */
  freshnessMinutes: z.number().int().min(1).max(24 * 60).catch(5),
  /** How much cached vendor data to keep before evicting least recently viewed people (feedback is kept). */
  cacheBudgetMb: z.number().int().min(5).max(10_000).catch(200),
  /** Notifications for my queue (at risk, breached, hot lead handed to me): off until the person turns them on. */
  queueAlerts: z.boolean().catch(false),
  /** Also outside the team calendar's business hours. */
  queueAlertsAfterHours: z.boolean().catch(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** Strict version for saving: a bad value is refused with the field named, rather than silently replaced. */
const settingsPatchSchema = z
  .object({
    language: z.enum(['auto', 'ja', 'en']),
    defaultRole: z.enum(['auto', 'sales', 'marketing']),
    freshnessMinutes: z.number().int().min(1).max(24 * 60),
    cacheBudgetMb: z.number().int().min(5).max(10_000),
    queueAlerts: z.boolean(),
    queueAlertsAfterHours: z.boolean(),
  })
  .partial()
  .strict();

const SETTINGS_KEY = 'settings';

export function parseSettings(value: unknown): Settings {
  return settingsSchema.parse(value && typeof value === 'object' ? value : {});
}

export async function readSettings(db: BatonDb): Promise<Settings> {
  const row = await db.settings.get(SETTINGS_KEY);
  return parseSettings(row?.value);
}

export class SettingsError extends Error {
  readonly fields: string[];
  constructor(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    const fields = issues.map((issue) => issue.path.map(String).join('.') || '(root)');
    super(`Invalid settings: ${issues.map((issue, i) => `${fields[i]}: ${issue.message}`).join('; ')}`);
    this.name = 'SettingsError';
    this.fields = fields;
  }
}

/** Merge `patch` into the stored settings. Throws `SettingsError` naming the field when a value is out of range. */
export async function saveSettings(db: BatonDb, patch: Partial<Settings>): Promise<Settings> {
  const checked = settingsPatchSchema.safeParse(patch);
  if (!checked.success) throw new SettingsError(checked.error.issues);
  return db.transaction('rw', db.settings, async () => {
    const next = parseSettings({ ...(await readSettings(db)), ...checked.data });
    await db.settings.put({ key: SETTINGS_KEY, value: next });
    return next;
  });
}
