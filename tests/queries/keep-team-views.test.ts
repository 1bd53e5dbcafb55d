import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { PERIOD_KINDS } from '../../lib/domain/team-period';
import { keepTeamViews, keepTeamViewsAfterSync, teamPeriodView } from '../../lib/queries/keep-team-views';
import { createTeamKpisClient, type TeamKpisClient } from '../../lib/queries/team-kpis-client';
import { readKeptView } from '../../lib/queries/use-team-kpis';
import type { BatonDb } from '../../lib/store/db';
import { readTeamSnapshot, writeSnapshotPage, writeSyncState, type SnapshotScope } from '../../lib/store/snapshot-repo';
import { makeTeamContexts, TEAM_NOW } from '../../scripts/bench/team-data';
import { freshDb } from '../store/lead-context-fixture';
import { inProcessWorker } from './in-process-worker';

const SCOPE: SnapshotScope = { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' };
const MINUTE = 60_000;
const ZONE = DEFAULT_DEFINITIONS.calendar.timeZone;

describe('the team page views kept after a sync', () => {
  let db: BatonDb;
  let client: TeamKpisClient;
  beforeEach(async () => {
    db = freshDb();
    client = createTeamKpisClient(inProcessWorker(() => readTeamSnapshot(db)));
    await writeSnapshotPage(db, SCOPE, { contexts: makeTeamContexts(400), deleted: [] });
    await writeSyncState(db, { scope: SCOPE, period: { from: TEAM_NOW - 180 * 86_400_000, to: TEAM_NOW }, cursor: null, inFlight: null, lastCompleteAt: TEAM_NOW, callsUsed: 0, callsLastRun: 0 });
  });
  afterEach(async () => {
    client.close();
    await db.delete();
  });

  it("are, for every fixed period, exactly what the page's worker answers for that view", async () => {
    const now = TEAM_NOW + 17_000;
    const kept = await keepTeamViews(db, now);
    expect(kept?.people).toBe(400);
    const minute = Math.floor(now / MINUTE) * MINUTE;
    const versions = [DEFAULT_DEFINITIONS];
    for (const kind of PERIOD_KINDS.filter((k) => k !== 'custom')) {
      const view = teamPeriodView({ kind }, minute, ZONE, versions);
      const shown = await readKeptView(db, view);
      const ask = { filter: {}, now: minute, versions };
      const current = await client.compute({ ...ask, range: view.range });
      expect(current.kpis.leads).toBeGreaterThan(0);
      expect(shown).toEqual({
        now: minute,
        computedAt: expect.any(Number),
        kpis: current.kpis,
        previous: (await client.compute({ ...ask, range: view.previous, splits: false })).kpis,
        detail: await client.detail({ ...ask, range: view.range, weeks: view.weeks }),
      });
    }
  });

  it('are kept after a sync of a scope the figures read, not after one they do not (the demo beside a real team)', async () => {
    const onError = vi.fn();
    await keepTeamViewsAfterSync(db, onError, 'demo');
    expect(await db.teamAnswers.count()).toBe(0);
    await keepTeamViewsAfterSync(db, onError, 'salesforce');
    // Three periods, three answers each.
    expect(await db.teamAnswers.count()).toBe(9);
    expect(onError).not.toHaveBeenCalled();
  });

  it('are never shown once the snapshot changed, and nothing is kept without a snapshot', async () => {
    await keepTeamViews(db, TEAM_NOW);
    const view = teamPeriodView({ kind: '4weeks' }, TEAM_NOW, ZONE, [DEFAULT_DEFINITIONS]);
    expect(await readKeptView(db, view)).not.toBeNull();
    // A later sync wrote a page: the kept figures were worked out from the snapshot before it.
    await writeSnapshotPage(db, SCOPE, { contexts: makeTeamContexts(3, 10, 99), deleted: [] });
    expect(await readKeptView(db, view)).toBeNull();
    await db.snapshotPacks.clear();
    expect(await keepTeamViews(db, TEAM_NOW)).toBeNull();
  });
});
