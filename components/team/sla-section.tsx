import type { Markish } from '@observablehq/plot';
import { useMemo } from 'react';
import { FIRST_TOUCH_BOUNDS, type WeekFigures } from '../../lib/domain/team-details';
import type { TeamSplit } from '../../lib/domain/team-kpis';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { DataTable, type Column } from './data-table';
import { COLORS, PlotChart, type ChartOptions } from './plot-chart';
import { weekAxis } from './week-axis';
import { PeopleList } from './people-list';
import { pct, versionChanges, type TeamData } from './team-data';

/** SLA compliance: met rate by week, first touch in business time, by owner, and the open breaches. */
export function SlaSection({ data }: { data: TeamData }) {
  const { t, number, date, duration, monthDay } = useI18n();
  const { kpis, previous, detail } = data;
  const percent = (rate: number | null | undefined) => (pct(rate) === null ? '–' : `${number(pct(rate)!, 1)}%`);
  const minutes = (m: number | null) => (m === null ? '–' : duration(m));
  const none = t('teamPage.none');
  const weeks = detail?.weeks ?? [];
  const changes = versionChanges(data);

  const weekColumns: Column<WeekFigures>[] = [
    { header: t('teamPage.week'), cell: (w) => ({ value: date(w.from) }) },
    {
      header: t('teamPage.sla.handedOff'),
      numeric: true,
      cell: (w) => ({ value: w.handedOff, text: number(w.handedOff), drill: { path: ['sla', 'handedOff'], range: w, label: t('teamPage.drill.handedOffWeek', { week: date(w.from), n: w.handedOff }) } }),
    },
    {
      header: t('teamPage.sla.met'),
      numeric: true,
      cell: (w) => ({ value: w.met, text: number(w.met), drill: { path: ['sla', 'met'], range: w, label: t('teamPage.drill.metWeek', { week: date(w.from), n: w.met }) } }),
    },
    { header: t('teamPage.sla.metRate'), numeric: true, cell: (w) => ({ value: pct(w.metRate), text: percent(w.metRate) }) },
  ];
  const weekOptions = useMemo<ChartOptions>(() => (Plot) => {
    const points = weeks.filter((w) => w.metRate !== null).map((w) => ({ at: new Date(w.from), rate: w.metRate! }));
    return {
      height: 200,
      x: weekAxis(weeks, monthDay),
      y: { label: t('teamPage.sla.metRate'), percent: true, domain: [0, 100], grid: true },
      marks: [
        Plot.lineY(points, { x: 'at', y: 'rate', stroke: COLORS.current }),
        Plot.dot(points, { x: 'at', y: 'rate', fill: COLORS.current, symbol: 'circle' }),
        ...versionMarks(Plot, changes, t('teamPage.versionMark', { version: '{v}' })),
      ],
    };
  }, [weeks, changes.length, t, monthDay]); // eslint-disable-line react-hooks/exhaustive-deps -- changes follow data.range

  const bucketLabel = (i: number) =>
    i === 0
      ? t('teamPage.sla.under', { m: duration(FIRST_TOUCH_BOUNDS[0]) })
      : i === FIRST_TOUCH_BOUNDS.length
        ? t('teamPage.sla.orMore', { m: duration(FIRST_TOUCH_BOUNDS[i - 1]!) })
        : `${duration(FIRST_TOUCH_BOUNDS[i - 1]!)}–${duration(FIRST_TOUCH_BOUNDS[i]!)}`;
  const buckets = (detail?.firstTouch ?? []).map((count, i) => ({ i, label: bucketLabel(i), count }));
  const bucketColumns: Column<(typeof buckets)[number]>[] = [
    { header: t('teamPage.sla.firstTouch'), cell: (b) => ({ value: b.label }) },
    { header: t('teamPage.people'), numeric: true, cell: (b) => ({ value: b.count, text: number(b.count), drill: { path: ['firstTouch', String(b.i)], label: t('teamPage.drill.firstTouch', { bucket: b.label, n: b.count }) } }) },
  ];
  const bucketOptions = useMemo<ChartOptions>(
    // Bars across, the buckets' names on the left: six names side by side under upright bars overlapped at 360 px.
    () => (Plot) => ({
      marginLeft: 100,
      marginRight: 40,
      height: 40 + 26 * buckets.length,
      // At least 0–1, so a period with no touched lead draws empty bars, not full ones.
      x: { label: t('teamPage.people'), grid: true, nice: true, domain: [0, Math.max(1, ...buckets.map((b) => b.count))] },
      y: { label: null, domain: buckets.map((b) => b.label) },
      marks: [
        Plot.barX(buckets, { y: 'label', x: 'count', fill: COLORS.current }),
        Plot.text(buckets, { y: 'label', x: 'count', text: (b) => number(b.count), dx: 4, textAnchor: 'start' }),
        Plot.ruleX([0]),
      ],
    }),
    [detail, t, number], // eslint-disable-line react-hooks/exhaustive-deps -- buckets derive from detail
  );

  const ownerColumns: Column<TeamSplit>[] = [
    { header: t('teamPage.split.byOwner'), cell: (r) => ({ value: r.key ?? none }) },
    ...(['handedOff', 'met', 'metLate', 'breachedOpen', 'open'] as const).map(
      (k): Column<TeamSplit> => ({
        header: t(`teamPage.sla.${k}`),
        numeric: true,
        cell: (r) => ({ value: r.sla[k], text: number(r.sla[k]), drill: { path: ['byOwner', r.key, 'sla', k], label: t('teamPage.drill.slaOf', { key: r.key ?? none, what: t(`teamPage.sla.${k}`), n: r.sla[k] }) } }),
      }),
    ),
    { header: t('teamPage.sla.metRate'), numeric: true, cell: (r) => ({ value: pct(r.sla.metRate), text: percent(r.sla.metRate) }) },
    { header: t('teamPage.sla.p50'), numeric: true, cell: (r) => ({ value: r.sla.firstTouchMinutes.p50, text: minutes(r.sla.firstTouchMinutes.p50) }) },
  ];

  const summary = t('teamPage.sla.summary', {
    rate: percent(kpis.sla.metRate),
    previous: percent(previous?.sla.metRate),
    p50: minutes(kpis.sla.firstTouchMinutes.p50),
    p90: minutes(kpis.sla.firstTouchMinutes.p90),
    breached: number(kpis.sla.breachedOpen),
  });

  return (
    <Card title={t('teamPage.sla.title')}>
      <p className="team-summary" data-testid="sla-summary">
        {summary}
      </p>
      <PlotChart options={weekOptions} summary={t('teamPage.sla.weekChart', { rate: percent(kpis.sla.metRate) })} />
      <DataTable caption={t('teamPage.sla.weekTable')} columns={weekColumns} rows={weeks} rowKey={(w) => String(w.from)} file="sla-by-week" />
      <PlotChart options={bucketOptions} summary={t('teamPage.sla.touchChart', { p50: minutes(kpis.sla.firstTouchMinutes.p50), p90: minutes(kpis.sla.firstTouchMinutes.p90) })} />
      <DataTable caption={t('teamPage.sla.touchTable')} columns={bucketColumns} rows={buckets} rowKey={(b) => String(b.i)} file="first-touch" />
      <DataTable caption={t('teamPage.sla.ownerTable')} columns={ownerColumns} rows={kpis.byOwner} rowKey={(r) => r.key ?? '\u0000'} file="sla-by-owner" />
      <h3>{t('teamPage.sla.breaches', { n: number(kpis.sla.breachedOpen) })}</h3>
      {kpis.sla.breachedOpen > 0 ? <PeopleList path={['sla', 'breachedOpen']} limit={20} /> : <p className="small muted">{t('teamPage.sla.noBreaches')}</p>}
    </Card>
  );
}

/** The definitions' version changes as labelled rules: a line and its words ("v2"), never colour alone. */
export function versionMarks(Plot: Parameters<ChartOptions>[0], changes: { at: Date; version: number }[], label: string): Markish[] {
  if (!changes.length) return [];
  return [
    Plot.ruleX(changes, { x: 'at', stroke: COLORS.rule, strokeDasharray: '4,3' }),
    Plot.text(changes, { x: 'at', text: (c: { version: number }) => label.replace('{v}', String(c.version)), frameAnchor: 'top', dy: -2, dx: 3, textAnchor: 'start', fill: COLORS.rule }),
  ];
}
