import { browser } from 'wxt/browser';
import { definitionsFromManagedConfig, readManagedConfig, type ManagedStorageArea } from '../definitions/managed-definitions';
import { DEFINITIONS_REFRESH_MINUTES, isDefinitionsRefreshDue, loadDefinitionsFromUrl } from '../definitions/load-from-url';
import type { BatonDb } from '../store/db';
import {
  readDefinitions,
  readOwnDefinitions,
  recordDefinitionsError,
  saveDefinitions,
  type DefinitionsRecord,
} from '../store/definitions-repo';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import { definitionsVersionKey } from '../domain/definitions/version-in-force';
import { definitionsRefreshSchema, type DefinitionsRefreshResult } from './messages';
import { ensurePeriodicAlarm } from './periodic-alarm';
import { isFromExtensionPage, type MessageSender } from './senders';

export const DEFINITIONS_ALARM = 'baton-definitions-refresh';

/** Managed-storage keys that carry definitions (public/managed-schema.json). */
const MANAGED_KEYS = ['definitionsUrl', 'definitionsJson'] as const;

export interface DefinitionsSyncDeps {
  db: BatonDb;
  /** `browser.storage` or a fake: only the managed area is read here. */
  storage: { managed: ManagedStorageArea };
  fetchImpl?: typeof fetch;
  now?: () => number;
}

export interface DefinitionsSync {
  /**
   * Re-reads the definitions and saves what comes back. `force: false` (a browser start) skips a URL fetched
   * within the last DEFINITIONS_REFRESH_MINUTES; the alarm, a managed push and "refresh now" always ask.
   * Runs one at a time: a call made while one runs waits for it.
   */
  refresh: (options?: { force?: boolean }) => Promise<DefinitionsRefreshResult>;
  /** Handles one runtime message; undefined when it is not a valid refresh request from an extension page. */
  handleMessage: (raw: unknown, sender: MessageSender) => Promise<DefinitionsRefreshResult> | undefined;
}

function resultFor(record: DefinitionsRecord | undefined, changed: boolean, error?: string): DefinitionsRefreshResult {
  const definitions = record?.definitions ?? DEFAULT_DEFINITIONS;
  return {
    ok: error === undefined,
    changed,
    source: record?.source ?? 'default',
    id: definitions.id,
    version: definitions.version,
    ...(record ? { fetchedAt: record.fetchedAt } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

function sameVersion(a: DefinitionsRecord | undefined, b: DefinitionsRecord | undefined): boolean {
  if (!a || !b) return a === b;
  return definitionsVersionKey(a.definitions) === definitionsVersionKey(b.definitions) && a.source === b.source;
}

/**
 * Precedence, highest first:
 *  1. What IT pushes through managed storage (`definitionsJson`, else `definitionsUrl`): an organisation's
 *     policy wins over anything a user picked, and is re-applied on every refresh, so a user's own URL or file
 *     stands only until the next one.
 *  2. The user's own team URL (the URL of the latest version they fetched in the options page). When IT stops
 *     pushing, the background goes back to it.
 *  3. Otherwise (a file import, or the defaults) nothing is fetched: what is stored stays in force. The last
 *     document IT pushed also stays when the policy is removed and the user has no URL of their own.
 * A failure never replaces what is in force: it is kept with `lastError` saying why.
 * Host access: a user's team URL was granted (optional host permission) by the click in the options page that
 * first fetched it. A managed URL has no such click: the IT server must answer with CORS headers
 * (Access-Control-Allow-Origin) unless the user granted its host; otherwise `lastError` says it was unreachable.
 */
async function refreshOnce(deps: Required<DefinitionsSyncDeps>, force: boolean): Promise<DefinitionsRefreshResult> {
  const now = deps.now();
  const { current } = await readDefinitions(deps.db);
  const config = await readManagedConfig(deps.storage.managed);

  let next: DefinitionsRecord;
  if (config) {
    const managedUrlFresh =
      !config.definitionsJson &&
      current?.source === 'managed' &&
      current.sourceUrl === config.definitionsUrl &&
      !current.lastError &&
      !isDefinitionsRefreshDue(current, now);
    if (!force && managedUrlFresh) return resultFor(current, false);
    next = await definitionsFromManagedConfig(config, current, deps.fetchImpl, now);
  } else {
    const own = current?.source === 'managed' ? await readOwnDefinitions(deps.db) : current;
    const teamUrl = own?.source === 'url' ? own.sourceUrl : undefined;
    if (!teamUrl) return resultFor(current, false, current?.lastError);
    if (!force && current && own === current && !current.lastError && !isDefinitionsRefreshDue(current, now)) return resultFor(current, false);
    next = await loadDefinitionsFromUrl(teamUrl, own, deps.fetchImpl, now);
  }

  if (next.lastError && current) {
    // What is in force stays; only the reason it could not be updated is recorded.
    await recordDefinitionsError(deps.db, next.lastError);
  } else {
    await saveDefinitions(deps.db, next);
  }
  const after = (await readDefinitions(deps.db)).current;
  return resultFor(after, !sameVersion(current, after), next.lastError);
}

/**
 * Background side of the shared definitions (issue 3 item 6): keeps the document in force the one the team or
 * the organisation publishes. Runs on browser start and install, every DEFINITIONS_REFRESH_MINUTES on an alarm
 * (a conditional request: an unchanged document costs one 304), at once when IT changes the managed
 * configuration, and when the options page asks ("refresh now").
 * Managed storage: https://developer.chrome.com/docs/extensions/reference/api/storage#property-managed
 */
export function startDefinitionsSync(deps: DefinitionsSyncDeps): DefinitionsSync {
  const full: Required<DefinitionsSyncDeps> = {
    fetchImpl: (input, init) => fetch(input, init),
    now: Date.now,
    ...deps,
  };
  let queue: Promise<unknown> = Promise.resolve();

  const refresh = ({ force = false }: { force?: boolean } = {}): Promise<DefinitionsRefreshResult> => {
    const run = queue.then(() =>
      refreshOnce(full, force).catch((error: unknown) => {
        console.warn('Baton: definitions refresh failed; the alarm will try again', error);
        return resultFor(undefined, false, error instanceof Error ? error.message : String(error));
      }),
    );
    queue = run;
    return run;
  };

  const handleMessage = (raw: unknown, sender: MessageSender) => {
    if (!isFromExtensionPage(sender) || !definitionsRefreshSchema.safeParse(raw).success) return undefined;
    return refresh({ force: true });
  };

  // Every listener is registered synchronously, so the event that woke the worker is heard. Each returns its
  // work (never rejecting): browsers ignore the value, and whoever dispatched the event can wait for the result.
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === DEFINITIONS_ALARM ? refresh({ force: true }) : undefined));
  browser.storage.onChanged.addListener((changes, areaName) =>
    areaName === 'managed' && MANAGED_KEYS.some((key) => key in changes) ? refresh({ force: true }) : undefined,
  );
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    if ((message as { type?: unknown } | null)?.type !== 'baton/definitions-refresh') return undefined;
    // Returning the promise is the reply in Firefox and in Chrome ≥ 99 alike.
    return handleMessage(message, sender);
  });
  browser.runtime.onStartup.addListener(() => refresh());
  browser.runtime.onInstalled.addListener(() => refresh());
  void ensurePeriodicAlarm(DEFINITIONS_ALARM, DEFINITIONS_REFRESH_MINUTES);

  return { refresh, handleMessage };
}
