import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { BatonDb } from '../../lib/store/db';
import { readDefinitions, recordDefinitionsError, saveDefinitions } from '../../lib/store/definitions-repo';
import { freshDb, T0 } from './lead-context-fixture';

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

const v2 = { ...DEFAULT_DEFINITIONS, version: DEFAULT_DEFINITIONS.version + 1, effectiveFrom: '2030-01-01T00:00:00Z' };

describe('definitions repository', () => {
  it('keeps every version, in force = the latest saved', async () => {
    db = freshDb();
    await saveDefinitions(db, { definitions: DEFAULT_DEFINITIONS, source: 'default', fetchedAt: T0 });
    await saveDefinitions(db, { definitions: v2, source: 'url', sourceUrl: 'https://example.co.jp/defs.yaml', etag: '"abc"', fetchedAt: T0 + 1 });
    const stored = await readDefinitions(db);
    expect(stored.current).toMatchObject({ source: 'url', etag: '"abc"', definitions: { version: v2.version } });
    expect(stored.versions.map((d) => d.version)).toEqual([DEFAULT_DEFINITIONS.version, v2.version]);
  });

  it('does not duplicate a version fetched again, and keeps the last refresh error', async () => {
    db = freshDb();
    await saveDefinitions(db, { definitions: v2, source: 'url', fetchedAt: T0 });
    await saveDefinitions(db, { definitions: v2, source: 'url', fetchedAt: T0 + 60_000 });
    await recordDefinitionsError(db, 'HTTP 404 from https://example.co.jp/defs.yaml');
    const stored = await readDefinitions(db);
    expect(stored.versions).toHaveLength(1);
    expect(stored.current?.fetchedAt).toBe(T0 + 60_000);
    expect(stored.current?.lastError).toMatch(/404/);
  });

  it('refuses definitions that do not pass the schema', async () => {
    db = freshDb();
    await expect(saveDefinitions(db, { definitions: { ...v2, version: -1 }, source: 'file', fetchedAt: T0 })).rejects.toThrow();
    expect((await readDefinitions(db)).current).toBeUndefined();
  });
});
