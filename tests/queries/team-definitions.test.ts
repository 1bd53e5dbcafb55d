import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { readTeamDefinitions } from '../../lib/queries/team-definitions';
import type { BatonDb } from '../../lib/store/db';
import { saveDefinitions } from '../../lib/store/definitions-repo';
import { writeSyncState, type SnapshotScope } from '../../lib/store/snapshot-repo';
import { freshDb } from '../store/lead-context-fixture';

const NOW = Date.UTC(2026, 10, 25, 5, 17);
const state = (scope: SnapshotScope) => ({ scope, period: { from: NOW - 1, to: NOW }, cursor: null, inFlight: null, lastCompleteAt: NOW, callsUsed: 0, callsLastRun: 0 });
const DEMO: SnapshotScope = { system: 'demo', instance: 'sfa', kind: 'team' };

describe('the definitions the team figures judge by', () => {
  let db: BatonDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('are the demo team’s v1 and v2 when the figures read the demo and the team stored none of its own', async () => {
    await writeSyncState(db, state(DEMO));
    const { versions, source } = await readTeamDefinitions(db, NOW);
    expect(source).toBe('demo');
    expect(versions.map((v) => [v.id, v.version])).toEqual([['baton-demo', 1], ['baton-demo', 2]]);
  });

  it('are the built-in defaults for a real team without stored definitions, and the team’s own once stored', async () => {
    await writeSyncState(db, state(DEMO));
    await writeSyncState(db, state({ system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' }));
    expect(await readTeamDefinitions(db, NOW)).toEqual({ versions: [DEFAULT_DEFINITIONS], source: 'default' });
    const own = { ...DEFAULT_DEFINITIONS, id: 'acme', version: 3 };
    await saveDefinitions(db, { definitions: own, source: 'url', sourceUrl: 'https://acme.example/defs.json', fetchedAt: NOW });
    const read = await readTeamDefinitions(db, NOW);
    expect(read.source).toBe('team');
    expect(read.versions.map((v) => v.id)).toEqual(['acme']);
  });

  it('never take a failed first fetch (the defaults stored as "default") for the team’s own', async () => {
    await writeSyncState(db, state(DEMO));
    await saveDefinitions(db, { definitions: DEFAULT_DEFINITIONS, source: 'default', fetchedAt: NOW, lastError: 'timeout' });
    expect((await readTeamDefinitions(db, NOW)).source).toBe('demo');
  });
});
