import { demoAnchor } from '../connectors/demo/demo-anchor';
import { assessLead, type Assessment } from '../domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import type { Definitions } from '../domain/definitions/schema';
import { identityFor, ANONYMOUS_USER, type Identities } from '../domain/identity';
import type { Feedback, LeadContext, RecordRef, SystemId } from '../domain/model';
import { SYSTEMS } from '../domain/model-values';
import type { LanguageSetting } from '../i18n/locale';
import { readFirstPaintRows, type FirstPaintRows, type FirstPaintSource } from '../store/first-paint-read';
import { judgingVersions } from './judging-versions';

/**
 * The side panel's first paint (issue 16): a cached lead judged and ready to draw, from a raw read of the store
 * (lib/store/first-paint-read.ts) with no Dexie, no zod and no connector, so it shows before the app's code has
 * loaded. Every value is what the full app's hooks would give from the same rows when they are valid; the full app
 * reads them again, validated, and takes the panel over (entrypoints/sidepanel/main.tsx).
 */
export interface FirstPaint {
  ref: RecordRef;
  context: LeadContext;
  assessment: Assessment;
  fetchedAt: number;
  sources: SystemId[];
  /** use-lead-context's status before its query has answered: fresh inside the freshness window, else stale. */
  status: 'fresh' | 'stale' | 'offline';
  feedback: Feedback[];
  currentUser: string;
  /** The definitions in force (the definitions tab, the team calendar's zone). */
  definitions: Definitions;
  language: LanguageSetting;
  defaultRole: 'auto' | 'sales' | 'marketing';
}

const oneOf = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/**
 * The settings the first paint needs, each falling back to its default on its own as `settingsSchema` does (a
 * test holds the two together); the full app reads them through the schema.
 */
export function firstPaintSettings(value: unknown): Pick<FirstPaint, 'language' | 'defaultRole'> & { freshnessMinutes: number } {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const minutes = raw.freshnessMinutes;
  return {
    language: oneOf(raw.language, ['auto', 'ja', 'en'], 'auto'),
    defaultRole: oneOf(raw.defaultRole, ['auto', 'sales', 'marketing'], 'auto'),
    freshnessMinutes: typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 24 * 60 ? minutes : 5,
  };
}

const isDefinitions = (value: unknown): value is Definitions =>
  typeof value === 'object' && value !== null && typeof (value as Definitions).effectiveFrom === 'string' && typeof (value as Definitions).version === 'number';

/**
 * The cached lead of `ref`, judged as the panel judges it; null when nothing is cached (the full app paints then).
 * `early` is the same read begun by the warm-up script (lib/queries/first-paint-prefetch.ts), when it was for `ref`.
 */
export async function readFirstPaint(
  ref: RecordRef,
  now: number,
  online: boolean,
  source?: FirstPaintSource,
  early?: Promise<FirstPaintRows | null>,
): Promise<FirstPaint | null> {
  const rows = await (early ?? readFirstPaintRows(ref, source));
  if (!rows) return null;
  const settings = firstPaintSettings(rows.settings);

  // readDefinitions: rows in fetch order, the last one in force, versions by their start.
  const records = rows.definitions.filter((row) => isDefinitions(row.definitions));
  const versions = records
    .map((row) => row.definitions as Definitions)
    .sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom) || a.version - b.version);
  const current = records.at(-1);
  const judging = judgingVersions({ ...(current ? { current } : {}), versions }, ref.system === 'demo', demoAnchor(now)).versions;

  const identities: Identities = {};
  for (const identity of rows.identities as { system?: unknown; name?: unknown }[]) {
    if (SYSTEMS.includes(identity?.system as SystemId) && typeof identity.name === 'string' && identity.name) {
      identities[identity.system as SystemId] = identity as Identities[SystemId] & object;
    }
  }

  const { cached } = rows;
  const stale = now - cached.fetchedAt >= settings.freshnessMinutes * 60_000;
  return {
    ref,
    context: cached.context,
    assessment: assessLead(cached.context, judging, now),
    fetchedAt: cached.fetchedAt,
    sources: cached.sources,
    status: stale ? (online ? 'stale' : 'offline') : 'fresh',
    feedback: rows.feedback,
    currentUser: identityFor(ref.system, identities)?.name ?? ANONYMOUS_USER,
    definitions: (current?.definitions as Definitions | undefined) ?? DEFAULT_DEFINITIONS,
    language: settings.language,
    defaultRole: settings.defaultRole,
  };
}
