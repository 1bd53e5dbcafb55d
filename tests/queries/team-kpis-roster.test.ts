import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { teamDetail } from '../../lib/domain/team-details';
import { computeTeamKpis, countTeam, judgeTeam } from '../../lib/domain/team-kpis';
import { createTeamKpisClient } from '../../lib/queries/team-kpis-client';
import { makeTeamContexts, TEAM_NOW } from '../../scripts/bench/team-data';
import { inProcessWorker } from './in-process-worker';

const D = 86_400_000;
const RANGE = { from: TEAM_NOW - 60 * D, to: TEAM_NOW };

function clientOver(contexts: ReturnType<typeof makeTeamContexts>) {
  return createTeamKpisClient(inProcessWorker(contexts));
}

describe('team KPIs worker: the page detail and the people behind a figure', () => {
  const contexts = makeTeamContexts(300);
  const request = { range: RANGE, now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] };

  it('answers the detail the domain gives, over structured clones', async () => {
    const client = clientOver(contexts);
    const weeks = [{ from: RANGE.from, to: RANGE.from + 30 * D }, { from: RANGE.from + 30 * D, to: RANGE.to }];
    const team = judgeTeam(contexts, [DEFAULT_DEFINITIONS], TEAM_NOW);
    expect(await client.detail({ ...request, weeks })).toEqual(structuredClone(teamDetail(team, countTeam(team, RANGE), weeks)));
    client.close();
  });

  it('lists the people behind a figure (within a week too), at most `limit` of them with the total', async () => {
    const client = clientOver(contexts);
    const expected = computeTeamKpis(contexts, [DEFAULT_DEFINITIONS], RANGE, TEAM_NOW).peopleFor(['funnel', 'reached', 'mql']);
    expect(expected.length).toBeGreaterThan(3);
    const roster = await client.roster({ ...request, path: ['funnel', 'reached', 'mql'], limit: 3 });
    expect(roster.total).toBe(expected.length);
    expect(roster.people.map((p) => p.key)).toEqual(expected.slice(0, 3));
    const week = { from: RANGE.to - 7 * D, to: RANGE.to };
    const inWeek = computeTeamKpis(contexts, [DEFAULT_DEFINITIONS], week, TEAM_NOW).peopleFor(['sla', 'handedOff']);
    expect((await client.roster({ ...request, range: week, path: ['sla', 'handedOff'], limit: 5000 })).people.map((p) => p.key)).toEqual(inWeek);
    await expect(client.roster({ ...request, path: ['no', 'such'], limit: 10 })).rejects.toThrow(/not one of the team figures/);
    client.close();
  });
});
