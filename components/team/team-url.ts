import { DEFAULT_PERIOD, PERIOD_KINDS, dayNumberOf, type PeriodChoice, type PeriodKind } from '../../lib/domain/team-period';
import type { TeamFilter } from '../../lib/domain/team-kpis';

/**
 * The team page's view in its query string, so a link opens the same view for a colleague:
 * `?period=4weeks&owner=Sato&owner=&source=Web&campaign=…` (an empty value is "none": people without one),
 * `period=custom&from=2026-04-01&to=2026-06-30`, and `print=1` for the review pack.
 */
export type TeamView = { period: PeriodChoice; filter: TeamFilter; print: boolean };

const FILTER_PARAMS = [
  ['owner', 'owners'],
  ['source', 'sources'],
  ['campaign', 'campaigns'],
] as const;

export function parseTeamView(search: string): TeamView {
  const q = new URLSearchParams(search);
  const kind = q.get('period');
  let period: PeriodChoice = { kind: DEFAULT_PERIOD };
  if (kind === 'custom') {
    const from = q.get('from') ?? '';
    const to = q.get('to') ?? '';
    if (dayNumberOf(from) !== null && dayNumberOf(to) !== null) period = { kind: 'custom', from, to };
  } else if ((PERIOD_KINDS as readonly string[]).includes(kind ?? '')) {
    period = { kind: kind as Exclude<PeriodKind, 'custom'> };
  }
  const filter: TeamFilter = {};
  for (const [param, key] of FILTER_PARAMS) {
    const values = q.getAll(param);
    if (values.length) filter[key] = [...new Set(values)].slice(0, 1000).map((v) => (v === '' ? null : v));
  }
  return { period, filter, print: q.get('print') === '1' };
}

export function teamViewSearch(view: TeamView): string {
  const q = new URLSearchParams();
  q.set('period', view.period.kind);
  if (view.period.kind === 'custom') {
    q.set('from', view.period.from);
    q.set('to', view.period.to);
  }
  for (const [param, key] of FILTER_PARAMS) for (const v of view.filter[key] ?? []) q.append(param, v ?? '');
  if (view.print) q.set('print', '1');
  return `?${q.toString()}`;
}
