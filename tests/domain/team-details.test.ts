import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { detailPeople, FIRST_TOUCH_BOUNDS, teamDetail, teamPeople, weekMembers } from '../../lib/domain/team-details';
import { countTeam, judgeTeam, selectTeam } from '../../lib/domain/team-kpis';
import { STAGES } from '../../lib/domain/model';
import { makeTeamContexts, TEAM_NOW } from '../../scripts/bench/team-data';

const D = 86_400_000;
const RANGE = { from: TEAM_NOW - 91 * D, to: TEAM_NOW };
const weeks = Array.from({ length: 13 }, (_, i) => ({ from: RANGE.from + i * 7 * D, to: RANGE.from + (i + 1) * 7 * D }));
// Built in a hook, not at import: work done at import runs before Stryker starts counting which test reaches
// which line, so the mutants it reaches would look untested (docs/mutation.md).
let contexts: ReturnType<typeof makeTeamContexts>;
let team: ReturnType<typeof judgeTeam>;
let kpis: ReturnType<typeof countTeam>;
let detail: ReturnType<typeof teamDetail>;

beforeAll(() => {
  contexts = makeTeamContexts(600);
  team = judgeTeam(contexts, [DEFAULT_DEFINITIONS], TEAM_NOW);
  kpis = countTeam(team, RANGE);
  detail = teamDetail(team, kpis, weeks);
});

describe("the team page's detail, read from the same judgement", () => {

  it('weekly figures are countTeam of each week, and add up to the period where the figure is additive', () => {
    expect(detail.weeks).toHaveLength(13);
    for (const [i, w] of detail.weeks.entries()) {
      const k = countTeam(team, weeks[i]!);
      expect(w).toMatchObject({ handedOff: k.sla.handedOff, met: k.sla.met, metRate: k.sla.metRate, good: k.feedback.good, bad: k.feedback.bad, mql: k.funnel.reached.mql, sql: k.funnel.reached.sql });
    }
    expect(detail.weeks.reduce((s, w) => s + w.handedOff, 0)).toBe(kpis.sla.handedOff);
    expect(detail.weeks.reduce((s, w) => s + w.good + w.bad, 0)).toBe(kpis.feedback.good + kpis.feedback.bad);
  });

  it('first-touch buckets hold every touched handoff once, and drill down to the people counted', () => {
    const touched = kpis.peopleFor(['sla', 'firstTouchMinutes', 'p50']);
    expect(touched.length).toBeGreaterThan(0);
    expect(detail.firstTouch).toHaveLength(FIRST_TOUCH_BOUNDS.length + 1);
    expect(detail.firstTouch.reduce((s, n) => s + n, 0)).toBe(touched.length);
    const drilled = detail.firstTouch.flatMap((n, i) => {
      const keys = detailPeople(team, kpis, ['firstTouch', String(i)]);
      expect(keys).toHaveLength(n);
      return keys;
    });
    expect(new Set(drilled)).toEqual(new Set(touched));
  });

  it('open pipeline per campaign counts each open deal once, and drills down to people with an open deal there', () => {
    expect(detail.pipelineByCampaign.length).toBeGreaterThan(0);
    const top = detail.pipelineByCampaign[0]!;
    const people = detailPeople(team, kpis, ['pipeline', top.campaign]);
    const byKey = new Map(contexts.map((c) => [c.person.key, c]));
    const deals = new Map<string, number>();
    for (const key of people) for (const o of byKey.get(key)!.opportunities) if (!o.isClosed) deals.set(o.id, o.amount ?? 0);
    expect(top.openDeals).toBe(deals.size);
    expect(top.openAmount).toBe([...deals.values()].reduce((s, a) => s + a, 0));
  });

  it('narrows with the filter like the figures do', () => {
    const owner = kpis.byOwner[0]!.key!;
    const filtered = countTeam(team, RANGE, { owners: [owner] });
    const d = teamDetail(team, filtered, weeks, { owners: [owner] });
    expect(d.weeks.reduce((s, w) => s + w.handedOff, 0)).toBe(filtered.sla.handedOff);
    for (const [i, w] of d.weeks.entries()) {
      const k = countTeam(team, weeks[i]!, { owners: [owner] });
      expect(w).toMatchObject({ handedOff: k.sla.handedOff, met: k.sla.met, metRate: k.sla.metRate, good: k.feedback.good, bad: k.feedback.bad, mql: k.funnel.reached.mql, sql: k.funnel.reached.sql });
    }
    expect(d.firstTouch.reduce((s, n) => s + n, 0)).toBe(filtered.peopleFor(['sla', 'firstTouchMinutes', 'p50']).length);
    // Open pipeline and comments are the filtered people's: the same as judging only them.
    const own = team.contexts.filter((c) => c.person.owner === owner);
    const alone = judgeTeam(own, [DEFAULT_DEFINITIONS], TEAM_NOW);
    const theirs = teamDetail(alone, countTeam(alone, RANGE), weeks);
    expect(d.pipelineByCampaign).toEqual(theirs.pipelineByCampaign);
    expect(d.recentComments).toEqual(theirs.recentComments);
  });

  it('names the people behind a figure with their owner, stage and record links, in the order given', () => {
    const keys = kpis.peopleFor(['sla', 'met']).slice(0, 3);
    const people = teamPeople(team, keys);
    expect(people.map((p) => p.key)).toEqual(keys);
    const first = contexts.find((c) => c.person.key === keys[0])!;
    expect(people[0]).toMatchObject({ name: first.person.name, stage: first.person.stage, links: first.person.links.map((l) => expect.objectContaining({ system: l.ref.system, instance: l.ref.instance })) });
  });

  it("a week's members (one pass) hold everyone countTeam counts in that week, and no one twice", () => {
    const members = weekMembers(team, selectTeam(team), weeks);
    for (const [i, week] of weeks.entries()) {
      const k = countTeam(team, week);
      const counted = new Set([
        ...k.peopleFor(['sla', 'handedOff']),
        ...k.peopleFor(['feedback', 'good']),
        ...k.peopleFor(['feedback', 'bad']),
        ...k.peopleFor(['revenue', 'wonAmount']),
        ...STAGES.flatMap((stage) => k.peopleFor(['funnel', 'reached', stage])),
      ]);
      const keys = members[i]!.map((p) => team.contexts[p]!.person.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of counted) expect(keys).toContain(key);
    }
  });
});
