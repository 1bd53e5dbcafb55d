import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { periodRange, previousPeriodRange, weekBuckets } from '../../lib/domain/team-period';
import { createTeamKpisService } from '../../lib/queries/team-kpis-service';
import { makeTeamContexts, TEAM_NOW } from './team-data';
import { TEAM_FULL_SCALE } from './team-bench-core';

/**
 * What the team page asks the worker for, in Node over 100,000 people: the first paint's three answers (this
 * period, the previous one, the detail with a quarter's 13 weeks; the read is excluded, it is Chromium's figure in
 * team-chromium), then a filter change (the same three for another owner), p50 / p95 over 20 changes. The page's
 * drawing is not in these figures. Run: BATON_BENCH=team-page npm run bench
 */
export async function runTeamPageNodeBench(people = TEAM_FULL_SCALE.people): Promise<void> {
  const contexts = makeTeamContexts(people);
  const service = createTeamKpisService(async () => contexts);
  const zone = DEFAULT_DEFINITIONS.calendar.timeZone;
  const range = periodRange({ kind: 'quarter' }, TEAM_NOW, zone);
  const previous = previousPeriodRange({ kind: 'quarter' }, TEAM_NOW, zone);
  const weeks = weekBuckets(range, zone);
  const base = { now: TEAM_NOW, versions: [DEFAULT_DEFINITIONS] };
  let id = 1;
  // The worker answers in the order asked: the page's figures (this period) arrive first, the detail last.
  const ask = async (filter: Record<string, (string | null)[]>) => {
    const t0 = performance.now();
    const current = await service.handle({ type: 'compute', id: id++, range, filter, ...base });
    const figures = performance.now() - t0;
    const rest = await Promise.all([service.handle({ type: 'compute', id: id++, range: previous, filter, splits: false, ...base }), service.handle({ type: 'detail', id: id++, range, filter, weeks, ...base })]);
    for (const a of [current, ...rest]) if (a?.type === 'error') throw new Error(a.message);
    return { current, figures, all: performance.now() - t0 };
  };
  const first = await ask({});
  const owners = first.current?.type === 'kpis' ? first.current.kpis.byOwner.map((o) => o.key) : [];
  const figures: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < 20; i++) {
    const answer = await ask({ owners: [owners[i % owners.length] ?? null] });
    figures.push(answer.figures);
    all.push(answer.all);
  }
  const at = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(p * list.length) - 1)]!.toFixed(0);
  console.log(`[team page, Node ${process.version}] ${people.toLocaleString('en-US')} people, a quarter (${weeks.length} weeks)`);
  console.log(`  first answers: this period (judging every lead once) ${first.figures.toFixed(0)} ms; with the previous period and the detail ${first.all.toFixed(0)} ms`);
  console.log(`  filter change, 20 owners: this period p50 ${at(figures, 0.5)} ms, p95 ${at(figures, 0.95)} ms; with previous + detail p50 ${at(all, 0.5)} ms, p95 ${at(all, 0.95)} ms`);
}
