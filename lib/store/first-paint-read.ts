import type { Feedback, RecordRef } from '../domain/model';
import { SYSTEMS } from '../domain/model-values';
import { recordKey } from '../domain/record-ref';
import type { CachedContext } from './context-repo';
import type {
  ActivityRow,
  DefinitionsRow,
  EventRow,
  FeedbackRow,
  OpportunityRow,
  PersonRow,
  RecordRow,
  RemoteFeedbackRow,
  SettingsRow,
  StageChangeRow,
  SyncRow,
} from './db';
import { cachedContextFromRows, without } from './context-rows';
import { DB_NAME } from './db-name';

/**
 * What the side panel's first paint draws from, read with plain IndexedDB in one read-only transaction: no Dexie and
 * no zod (their code and zod's schema building were most of a cold open's time before anything showed, issue 16).
 * The same rows `readContext`, `useFeedbackFor`, `readSettings`, `readDefinitions` and `readIdentities` read, as
 * stored: nothing here is validated. The full app reads them again through the repos, validated, and replaces the
 * first paint; where a row does not pass, it shows what the repos make of it.
 */
export interface FirstPaintRows {
  cached: CachedContext;
  /** Local clicks (the outbox) and the vendor's copies, merged as `useFeedbackFor` does, newest first. */
  feedback: Feedback[];
  /** The settings row's value, unvalidated. */
  settings: unknown;
  /** Every stored definitions row, oldest fetch first (`readDefinitions`' order), unvalidated. */
  definitions: DefinitionsRow[];
  /** The `identity|<system>` rows' values, unvalidated. */
  identities: unknown[];
}

/** Where to read: the app database of this extension page unless a test names another. */
export interface FirstPaintSource {
  idb?: IDBFactory;
  name?: string;
  /** A connection begun earlier (`openFirstPaintStore`), used and then closed by the read. */
  opened?: Promise<IDBDatabase | null>;
}

const STORES = ['records', 'people', 'events', 'activities', 'stageChanges', 'opportunities', 'remoteFeedback', 'sync', 'feedback', 'settings', 'definitions'];

function ask<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Opens the existing database at whatever version it has; never creates or upgrades it (null then). The panel's
 * warm-up begins it before the worker has said which record to read (lib/queries/first-paint-prefetch.ts): the
 * open then runs beside that question, not after it. A newer schema's upgrade is never held up by it.
 */
export function openFirstPaintStore(source: Omit<FirstPaintSource, 'opened'> = {}): Promise<IDBDatabase | null> {
  const idb = source.idb ?? globalThis.indexedDB;
  if (!idb) return Promise.resolve(null);
  return openExisting(idb, source.name ?? DB_NAME).then((db) => {
    if (db) db.onversionchange = () => db.close();
    return db;
  });
}

function openExisting(idb: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(name);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => {
      // No database yet: Dexie creates it with its schema. Not here.
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => resolve(null);
  });
}

/**
 * The cached context of `ref` and what the panel draws beside it, or null when nothing is cached (or the database is
 * missing, older than this build's schema, or unreadable): the full app paints then.
 */
export async function readFirstPaintRows(ref: RecordRef, source: FirstPaintSource = {}): Promise<FirstPaintRows | null> {
  const db = await (source.opened ?? openFirstPaintStore(source));
  if (!db) return null;
  try {
    if (STORES.some((name) => !db.objectStoreNames.contains(name))) return null;
    const tx = db.transaction(STORES, 'readonly');
    const key = recordKey(ref);
    const store = (name: string) => tx.objectStore(name);
    const record = await ask<RecordRow | undefined>(store('records').get(key));
    const personKey = record?.personKey ?? (await ask<PersonRow | undefined>(store('people').index('linkKeys').get(key)))?.key;
    if (personKey === undefined) return null;
    // Dexie.minKey / maxKey: -Infinity sorts before every number, an array after every number and string.
    const range = IDBKeyRange.bound([personKey, -Infinity], [personKey, [[]]]);
    const [personRow, sync, eventRows, activityRows, stageRows, opportunityRows, remoteRows, remoteOfRecord, localRows, settings, definitions, identities] = await Promise.all([
      ask<PersonRow | undefined>(store('people').get(personKey)),
      ask<SyncRow | undefined>(store('sync').get(key)),
      ask<EventRow[]>(store('events').getAll(range)),
      ask<ActivityRow[]>(store('activities').index('[personKey+occurredAt]').getAll(range)),
      ask<StageChangeRow[]>(store('stageChanges').index('[personKey+at]').getAll(range)),
      ask<OpportunityRow[]>(store('opportunities').index('personKey').getAll(personKey)),
      ask<RemoteFeedbackRow[]>(store('remoteFeedback').index('personKey').getAll(personKey)),
      // useFeedbackFor lists the vendor's copies by the record when the record itself is not stored.
      record ? null : ask<RemoteFeedbackRow[]>(store('remoteFeedback').index('recordKey').getAll(key)),
      ask<FeedbackRow[]>(store('feedback').index('recordKey').getAll(key)),
      ask<SettingsRow | undefined>(store('settings').get('settings')),
      ask<DefinitionsRow[]>(store('definitions').index('fetchedAt').getAll()),
      Promise.all(SYSTEMS.map((system) => ask<SyncRow | undefined>(store('sync').get(`identity|${system}`)))),
    ]);
    if (!personRow) return null;
    const cached = cachedContextFromRows(ref, { personRow, record, sync, eventRows, activityRows, stageRows, opportunityRows, remoteRows });
    // useFeedbackFor: the vendor's copies of the person's feedback, then our own rows, which know the delivery state.
    const byId = new Map<string, Feedback>();
    for (const row of remoteOfRecord ?? remoteRows) byId.set(row.id, without(row, 'recordKey'));
    for (const row of localRows) {
      const { recordKey: _r, claimId: _c, authFailures: _a, lastErrorKind: _k, op: _o, ...feedback } = row;
      byId.set(row.id, feedback);
    }
    return {
      cached,
      feedback: [...byId.values()].sort((a, b) => b.at - a.at),
      settings: settings?.value,
      definitions,
      identities: identities.map((row) => row?.identity).filter((identity) => identity !== undefined),
    };
  } finally {
    db.close();
  }
}
