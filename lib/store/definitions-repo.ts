import { definitionsSchema, type Definitions } from '../domain/definitions/schema';
import { definitionsVersionKey } from '../domain/definitions/version-in-force';
import type { BatonDb, DefinitionsRow } from './db';

/**
 * The shared MQL/SQL definitions as this browser knows them: the version in force and every version seen
 * before it, so a lead can be judged by the version in force at its handoff.
 */
export interface DefinitionsRecord {
  definitions: Definitions;
  source: 'default' | 'url' | 'managed' | 'file';
  sourceUrl?: string;
  etag?: string;
  fetchedAt: number;
  lastError?: string;
}

export interface StoredDefinitions {
  /** The most recently fetched or imported version: the one in force here. */
  current: DefinitionsRecord | undefined;
  /** Every distinct version kept, oldest `effectiveFrom` first. */
  versions: Definitions[];
}

function toRecord(row: DefinitionsRow): DefinitionsRecord | undefined {
  const parsed = definitionsSchema.safeParse(row.definitions);
  // A row a later schema cannot read is skipped (kept on disk), not allowed to break the panel.
  if (!parsed.success) return undefined;
  return {
    definitions: parsed.data,
    source: row.source,
    ...(row.sourceUrl !== undefined ? { sourceUrl: row.sourceUrl } : {}),
    ...(row.etag !== undefined ? { etag: row.etag } : {}),
    fetchedAt: row.fetchedAt,
    ...(row.lastError !== undefined ? { lastError: row.lastError } : {}),
  };
}

/**
 * Keep a version. The same id@version saved again (re-fetched, re-imported) refreshes its metadata and
 * becomes current; it is not duplicated in the history. A record saved without `lastError` clears the one
 * stored before (the update worked); one saved with it (a first fetch that failed, so the defaults stand in)
 * keeps it for the options page and the panel to show.
 */
export async function saveDefinitions(db: BatonDb, record: DefinitionsRecord): Promise<void> {
  const definitions = definitionsSchema.parse(record.definitions);
  const versionKey = definitionsVersionKey(definitions);
  await db.transaction('rw', db.definitions, async () => {
    const existing = await db.definitions.where('versionKey').equals(versionKey).first();
    // "In force" is the latest `fetchedAt`; two saves within the same millisecond (the options page, then the
    // background re-applying IT's version) must still leave the one saved last in force.
    const latest = await db.definitions.orderBy('fetchedAt').last();
    const fetchedAt =
      latest && latest.versionKey !== versionKey && latest.fetchedAt >= record.fetchedAt ? latest.fetchedAt + 1 : record.fetchedAt;
    const row: DefinitionsRow = {
      ...(existing?.seq !== undefined ? { seq: existing.seq } : {}),
      versionKey,
      definitions,
      source: record.source,
      ...(record.sourceUrl !== undefined ? { sourceUrl: record.sourceUrl } : {}),
      ...(record.etag !== undefined ? { etag: record.etag } : {}),
      fetchedAt,
      ...(record.lastError !== undefined ? { lastError: record.lastError } : {}),
    };
    await db.definitions.put(row);
  });
}

/** A refresh failed: keep the version in force and say why it could not be updated. */
export async function recordDefinitionsError(db: BatonDb, message: string): Promise<void> {
  await db.transaction('rw', db.definitions, async () => {
    const current = await db.definitions.orderBy('fetchedAt').last();
    if (current?.seq !== undefined) await db.definitions.update(current.seq, { lastError: message });
  });
}

export async function readDefinitions(db: BatonDb): Promise<StoredDefinitions> {
  const rows = await db.definitions.orderBy('fetchedAt').toArray();
  const records = rows.map(toRecord).filter((r): r is DefinitionsRecord => r !== undefined);
  const versions = records
    .map((r) => r.definitions)
    .sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom) || a.version - b.version);
  return { current: records.at(-1), versions };
}

/**
 * The most recent version this browser's user chose themselves (a team URL, a file or the defaults), skipping
 * what IT pushed through managed storage. When the organisation stops pushing, the background goes back to the
 * user's own team URL from here.
 */
export async function readOwnDefinitions(db: BatonDb): Promise<DefinitionsRecord | undefined> {
  const rows = await db.definitions.orderBy('fetchedAt').reverse().toArray();
  for (const row of rows) {
    if (row.source === 'managed') continue;
    const record = toRecord(row);
    if (record) return record;
  }
  return undefined;
}
