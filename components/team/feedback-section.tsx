import { useMemo, useState } from 'react';
import type { TeamSplit } from '../../lib/domain/team-kpis';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { DataTable, type Column } from './data-table';
import { COLORS, PlotChart, type ChartOptions } from './plot-chart';
import { weekAxis } from './week-axis';
import { versionMarks } from './sla-section';
import { versionChanges, type TeamData } from './team-data';

const TOP = 10;

/** The feedback loop: good / bad by campaign and source, top reasons, the weekly trend, recent comments. */
export function FeedbackSection({ data }: { data: TeamData }) {
  const { t, l, number, date, dateTime, monthDay } = useI18n();
  const { kpis, previous, detail, definitions } = data;
  const [split, setSplit] = useState<'byCampaign' | 'bySource'>('byCampaign');
  const none = t('teamPage.none');
  const reasonLabel = (code: string) => {
    const reason = definitions.feedbackReasons.find((r) => r.code === code);
    return reason ? l(reason.label) : code;
  };

  const rows = kpis[split].filter((r) => r.feedback.good + r.feedback.bad > 0).sort((a, b) => b.feedback.good + b.feedback.bad - (a.feedback.good + a.feedback.bad));
  const columns: Column<TeamSplit>[] = [
    { header: t(`teamPage.split.${split}`), cell: (r) => ({ value: r.key ?? none }) },
    ...(['good', 'bad'] as const).map(
      (v): Column<TeamSplit> => ({
        header: t(`teamPage.feedback.${v}`),
        numeric: true,
        cell: (r) => ({ value: r.feedback[v], text: number(r.feedback[v]), drill: { path: [split, r.key, 'feedback', v], label: t('teamPage.drill.feedbackOf', { key: r.key ?? none, verdict: t(`teamPage.feedback.${v}`), n: r.feedback[v] }) } }),
      }),
    ),
  ];
  const chartRows = rows.slice(0, TOP).flatMap((r) => [
    { key: r.key ?? none, verdict: t('teamPage.feedback.good'), n: r.feedback.good, color: COLORS.good },
    { key: r.key ?? none, verdict: t('teamPage.feedback.bad'), n: r.feedback.bad, color: COLORS.bad },
  ]);
  const splitOptions = useMemo<ChartOptions>(
    () => (Plot) => ({
      marginLeft: 140,
      height: 40 + 28 * Math.max(1, chartRows.length / 2),
      x: { label: t('teamPage.feedback.count'), grid: true },
      y: { label: null, domain: [...new Set(chartRows.map((r) => r.key))] },
      marks: [
        Plot.barX(chartRows, Plot.stackX({ y: 'key', x: 'n', fill: 'color', stroke: 'white' })),
        // Each segment says what it is in words ("Good 5"), so the colours are a second cue only.
        Plot.text(chartRows.filter((r) => r.n > 0), Plot.stackX({ y: 'key', x: 'n', text: (r: { verdict: string; n: number }) => `${r.verdict} ${number(r.n)}`, fill: 'white', fontWeight: 'bold' })),
        Plot.ruleX([0]),
      ],
    }),
    [kpis, split, t, number], // eslint-disable-line react-hooks/exhaustive-deps -- rows derive from kpis and split
  );

  const reasons = Object.entries(kpis.feedback.byReason)
    .map(([code, n]) => ({ code, n, before: previous?.feedback.byReason[code] ?? 0 }))
    .sort((a, b) => b.n - a.n);
  const reasonColumns: Column<(typeof reasons)[number]>[] = [
    { header: t('teamPage.feedback.reason'), cell: (r) => ({ value: reasonLabel(r.code) }) },
    { header: t('teamPage.thisPeriod'), numeric: true, cell: (r) => ({ value: r.n, text: number(r.n), drill: { path: ['feedback', 'byReason', r.code], label: t('teamPage.drill.reason', { reason: reasonLabel(r.code), n: r.n }) } }) },
    { header: t('teamPage.previousPeriod'), numeric: true, cell: (r) => ({ value: r.before, text: number(r.before), drill: { path: ['feedback', 'byReason', r.code], range: data.previousRange, label: t('teamPage.drill.reasonPrevious', { reason: reasonLabel(r.code), n: r.before }) } }) },
  ];

  const weeks = detail?.weeks ?? [];
  const changes = versionChanges(data);
  const trend = weeks.flatMap((w) => [
    { at: new Date(w.from), verdict: t('teamPage.feedback.good'), n: w.good },
    { at: new Date(w.from), verdict: t('teamPage.feedback.bad'), n: w.bad },
  ]);
  const trendOptions = useMemo<ChartOptions>(
    () => (Plot) => ({
      height: 200,
      x: weekAxis(weeks, monthDay),
      y: { label: t('teamPage.feedback.count'), grid: true },
      color: { domain: [t('teamPage.feedback.good'), t('teamPage.feedback.bad')], range: [COLORS.good, COLORS.bad], legend: true },
      symbol: { domain: [t('teamPage.feedback.good'), t('teamPage.feedback.bad')], range: ['circle', 'times'] },
      marks: [
        // Good solid, bad dashed, with different symbols: the lines differ by more than colour.
        Plot.lineY(trend.filter((d) => d.verdict === t('teamPage.feedback.good')), { x: 'at', y: 'n', stroke: 'verdict' }),
        Plot.lineY(trend.filter((d) => d.verdict === t('teamPage.feedback.bad')), { x: 'at', y: 'n', stroke: 'verdict', strokeDasharray: '5,3' }),
        Plot.dot(trend, { x: 'at', y: 'n', stroke: 'verdict', symbol: 'verdict' }),
        ...versionMarks(Plot, changes, t('teamPage.versionMark', { version: '{v}' })),
      ],
    }),
    [weeks, changes.length, t, monthDay], // eslint-disable-line react-hooks/exhaustive-deps -- trend derives from weeks
  );
  const trendColumns: Column<(typeof weeks)[number]>[] = [
    { header: t('teamPage.week'), cell: (w) => ({ value: date(w.from) }) },
    ...(['good', 'bad'] as const).map(
      (v): Column<(typeof weeks)[number]> => ({
        header: t(`teamPage.feedback.${v}`),
        numeric: true,
        cell: (w) => ({ value: w[v], text: number(w[v]), drill: { path: ['feedback', v], range: w, label: t('teamPage.drill.feedbackWeek', { week: date(w.from), verdict: t(`teamPage.feedback.${v}`), n: w[v] }) } }),
      }),
    ),
  ];

  const top = reasons[0];
  const summary = t('teamPage.feedback.summary', {
    good: number(kpis.feedback.good),
    bad: number(kpis.feedback.bad),
    previousGood: number(previous?.feedback.good ?? 0),
    previousBad: number(previous?.feedback.bad ?? 0),
    reason: top ? reasonLabel(top.code) : '–',
  });

  return (
    <Card title={t('teamPage.feedback.title')}>
      <p className="team-summary" data-testid="feedback-summary">
        {summary}
      </p>
      <div className="field no-print">
        <label htmlFor="feedback-split">{t('teamPage.splitBy')}</label>
        <select id="feedback-split" value={split} onChange={(e) => setSplit(e.target.value as typeof split)}>
          <option value="byCampaign">{t('teamPage.split.byCampaign')}</option>
          <option value="bySource">{t('teamPage.split.bySource')}</option>
        </select>
      </div>
      <PlotChart options={splitOptions} summary={t('teamPage.feedback.splitChart', { split: t(`teamPage.split.${split}`), n: TOP })} />
      <DataTable caption={t('teamPage.feedback.splitTable', { split: t(`teamPage.split.${split}`) })} columns={columns} rows={rows} rowKey={(r) => r.key ?? '\u0000'} file={`feedback-${split}`} />
      <DataTable caption={t('teamPage.feedback.reasons')} columns={reasonColumns} rows={reasons} rowKey={(r) => r.code} file="feedback-reasons" />
      <PlotChart options={trendOptions} summary={t('teamPage.feedback.trendChart')} />
      <DataTable caption={t('teamPage.feedback.trendTable')} columns={trendColumns} rows={weeks} rowKey={(w) => String(w.from)} file="feedback-by-week" />
      <h3>{t('teamPage.feedback.comments')}</h3>
      {detail?.recentComments.length ? (
        <ul className="plain team-comments">
          {detail.recentComments.map((c, i) => (
            <li key={`${c.personKey}|${c.at}|${i}`}>
              <p className="small">
                <strong>{t(`teamPage.feedback.${c.verdict}`)}</strong> · {c.name} · {c.by} · {dateTime(c.at)}
                {c.reasonCodes.length ? ` · ${c.reasonCodes.map(reasonLabel).join(', ')}` : ''}
              </p>
              <blockquote>{c.comment}</blockquote>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('teamPage.feedback.noComments')}</p>
      )}
    </Card>
  );
}
