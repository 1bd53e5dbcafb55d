import { z } from 'zod';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import { parseDefinitions } from '../domain/definitions/parse-definitions';
import type { DefinitionsRecord } from '../store/definitions-repo';
import { summarizeIssues } from './definitions-errors';
import { loadDefinitionsFromUrl } from './load-from-url';

/** The part of `browser.storage.managed` we use; injected so tests pass a fake. */
export interface ManagedStorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
}

/**
 * What IT admins may push (public/managed-schema.json declares the same keys): a team URL, or the whole
 * document as JSON/YAML text. https://developer.chrome.com/docs/extensions/reference/manifest/storage
 */
export const managedConfigSchema = z.object({
  definitionsUrl: z.string().min(1).optional(),
  definitionsJson: z.string().min(1).optional(),
});
export type ManagedConfig = z.infer<typeof managedConfigSchema>;

export async function readManagedConfig(storageArea: ManagedStorageArea): Promise<ManagedConfig | undefined> {
  let raw: Record<string, unknown>;
  try {
    raw = await storageArea.get(['definitionsUrl', 'definitionsJson']);
  } catch {
    // Firefox throws when no policy is installed; Chrome returns {}. Both mean: nothing managed.
    return undefined;
  }
  const parsed = managedConfigSchema.safeParse(raw);
  if (!parsed.success || (!parsed.data.definitionsUrl && !parsed.data.definitionsJson)) return undefined;
  return parsed.data;
}

/**
 * The definitions pushed by the organisation, or undefined when none are configured. An inline document wins
 * over a URL. Like the URL loader it never throws: an invalid managed document keeps `previous` in force with
 * `lastError` set (the built-in defaults stand in when there is no previous version).
 */
export async function readManagedDefinitions(
  storageArea: ManagedStorageArea,
  previous?: DefinitionsRecord,
  fetchImpl: typeof fetch = fetch,
  now: number = Date.now(),
): Promise<DefinitionsRecord | undefined> {
  const config = await readManagedConfig(storageArea);
  if (!config) return undefined;
  return definitionsFromManagedConfig(config, previous, fetchImpl, now);
}

/** `readManagedDefinitions` once the configuration is read (the background reads it to choose what to do). */
export async function definitionsFromManagedConfig(
  config: ManagedConfig,
  previous: DefinitionsRecord | undefined,
  fetchImpl: typeof fetch = fetch,
  now: number = Date.now(),
): Promise<DefinitionsRecord> {
  if (config.definitionsJson) {
    const parsed = parseDefinitions(config.definitionsJson);
    if (parsed.ok) return { definitions: parsed.definitions, source: 'managed', fetchedAt: now };
    const error = `The definitions pushed by your administrator (definitionsJson) are invalid; ask IT to fix them.\n${summarizeIssues(parsed.errors)}`;
    return previous
      ? { ...previous, lastError: error }
      : { definitions: DEFAULT_DEFINITIONS, source: 'default', fetchedAt: now, lastError: error };
  }
  const url = config.definitionsUrl!;
  const record = await loadDefinitionsFromUrl(url, previous, fetchImpl, now);
  // Fetched fresh from the managed URL (or revalidated with a 304): say so, so the options page and the
  // panel show it as set by the organisation.
  return record.source === 'url' && record.sourceUrl === url && !record.lastError ? { ...record, source: 'managed' } : record;
}
