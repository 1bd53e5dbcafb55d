import { useMemo, useState } from 'react';
import type { TeamSplit } from '../../lib/domain/team-kpis';
import type { ConversionName } from '../../lib/domain/stage-entries';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { DataTable, type Column } from './data-table';
import { COLORS, PlotChart, type ChartOptions } from './plot-chart';
import { pct, type TeamData } from './team-data';

const FUNNEL_STAGES = ['mql', 'sql', 'opportunity', 'won'] as const;
const CONVERSION_NAMES: ConversionName[] = ['mqlToSql', 'sqlToOpportunity', 'opportunityToWon'];
export const SPLITS = ['bySource', 'byCampaign', 'byOwner'] as const;
export type SplitName = (typeof SPLITS)[number];

/** Funnel and conversion: MQL → SQL → opportunity → won, this period beside the previous, and rates by split. */
export function FunnelSection({ data }: { data: TeamData }) {
  const { t, number } = useI18n();
  const { kpis, previous } = data;
  const [split, setSplit] = useState<SplitName>('bySource');
  const percent = (rate: number | null | undefined) => (pct(rate) === null ? '–' : `${number(pct(rate)!, 1)}%`);
  const none = t('teamPage.none');

  type StageRow = { stage: (typeof FUNNEL_STAGES)[number]; now: number; before: number | null };
  const stageRows: StageRow[] = FUNNEL_STAGES.map((stage) => ({ stage, now: kpis.funnel.reached[stage], before: previous?.funnel.reached[stage] ?? null }));
  const stageColumns: Column<(typeof stageRows)[number]>[] = [
    { header: t('teamPage.stage'), cell: (r) => ({ value: t(`stage.${r.stage}`) }) },
    {
      header: t('teamPage.thisPeriod'),
      numeric: true,
      cell: (r) => ({ value: r.now, text: number(r.now), drill: { path: ['funnel', 'reached', r.stage], label: t('teamPage.drill.reached', { stage: t(`stage.${r.stage}`), n: r.now }) } }),
    },
    {
      header: t('teamPage.previousPeriod'),
      numeric: true,
      cell: (r) => ({
        value: r.before,
        text: r.before === null ? '–' : number(r.before),
        drill: { path: ['funnel', 'reached', r.stage], range: data.previousRange, label: t('teamPage.drill.reachedPrevious', { stage: t(`stage.${r.stage}`), n: r.before ?? 0 }) },
      }),
    },
  ];

  const splitRows: TeamSplit[] = kpis[split];
  const keyText = (key: string | null) => key ?? none;
  const splitColumns: Column<TeamSplit>[] = [
    { header: t(`teamPage.split.${split}`), cell: (r) => ({ value: keyText(r.key) }) },
    {
      header: t('teamPage.leads'),
      numeric: true,
      cell: (r) => ({ value: r.leads, text: number(r.leads), drill: { path: [split, r.key, 'leads'], label: t('teamPage.drill.leadsOf', { key: keyText(r.key), n: r.leads }) } }),
    },
    ...FUNNEL_STAGES.map(
      (stage): Column<TeamSplit> => ({
        header: t(`stage.${stage}`),
        numeric: true,
        cell: (r) => ({
          value: r.funnel.reached[stage],
          text: number(r.funnel.reached[stage]),
          drill: { path: [split, r.key, 'funnel', 'reached', stage], label: t('teamPage.drill.reachedOf', { key: keyText(r.key), stage: t(`stage.${stage}`), n: r.funnel.reached[stage] }) },
        }),
      }),
    ),
    ...CONVERSION_NAMES.map(
      (name): Column<TeamSplit> => ({
        header: t(`teamPage.conversion.${name}`),
        numeric: true,
        cell: (r) => ({
          value: pct(r.funnel.conversion[name]),
          text: percent(r.funnel.conversion[name]),
          drill: { path: [split, r.key, 'funnel', 'conversion', name], label: t('teamPage.drill.convertedOf', { key: keyText(r.key), conversion: t(`teamPage.conversion.${name}`) }) },
        }),
      }),
    ),
  ];

  const stageOptions = useMemo<ChartOptions>(
    () => (Plot) => ({
      marginLeft: 90,
      // Room for the count printed after the longest bar.
      marginRight: 44,
      height: 170,
      // At least 0–1: with no one in the period, Plot's scale over [0, 0] would draw every bar full width.
      x: { label: t('teamPage.people'), grid: true, nice: true, domain: [0, Math.max(1, ...stageRows.map((r) => Math.max(r.now, r.before ?? 0)))] },
      y: { label: null, domain: FUNNEL_STAGES.map((s) => t(`stage.${s}`)) },
      marks: [
        Plot.barX(stageRows, { y: (r: StageRow) => t(`stage.${r.stage}`), x: 'now', fill: COLORS.current }),
        // The previous period as a black tick: a shape, not only a colour, tells it apart.
        Plot.tickX(stageRows.filter((r) => r.before !== null), { y: (r: StageRow) => t(`stage.${r.stage}`), x: 'before', stroke: COLORS.previous, strokeWidth: 3 }),
        Plot.text(stageRows, { y: (r: StageRow) => t(`stage.${r.stage}`), x: 'now', text: (r) => number(r.now), dx: 4, textAnchor: 'start' }),
        Plot.ruleX([0]),
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows are derived from kpis/previous
    [kpis, previous, t, number],
  );
  const rateRows = splitRows.slice(0, 12).filter((r) => r.funnel.conversion.mqlToSql !== null);
  const rateOptions = useMemo<ChartOptions>(
    () => (Plot) => ({
      marginLeft: 140,
      height: 40 + 26 * Math.max(1, rateRows.length),
      x: { label: t('teamPage.conversion.mqlToSql'), percent: true, domain: [0, 100], grid: true },
      y: { label: null },
      marks: [
        Plot.barX(rateRows, { y: (r) => keyText(r.key), x: (r) => r.funnel.conversion.mqlToSql, fill: COLORS.current, sort: { y: '-x' } }),
        Plot.text(rateRows, { y: (r) => keyText(r.key), x: (r) => r.funnel.conversion.mqlToSql, text: (r) => percent(r.funnel.conversion.mqlToSql), dx: 4, textAnchor: 'start' }),
        Plot.ruleX([0]),
      ],
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rows are derived from kpis and the split
    [kpis, split, t, number],
  );

  const summary = t('teamPage.funnel.summary', {
    mql: number(kpis.funnel.reached.mql),
    sql: number(kpis.funnel.reached.sql),
    won: number(kpis.funnel.reached.won),
    rate: percent(kpis.funnel.conversion.mqlToSql),
    previous: percent(previous?.funnel.conversion.mqlToSql),
  });

  return (
    <Card title={t('teamPage.funnel.title')}>
      <p className="team-summary" data-testid="funnel-summary">
        {summary}
      </p>
      <PlotChart options={stageOptions} summary={t('teamPage.funnel.chart', { previous: t('teamPage.previousPeriod') })} />
      <DataTable caption={t('teamPage.funnel.table')} columns={stageColumns} rows={stageRows} rowKey={(r) => r.stage} file="funnel" />
      <div className="field no-print">
        <label htmlFor="funnel-split">{t('teamPage.splitBy')}</label>
        <select id="funnel-split" value={split} onChange={(e) => setSplit(e.target.value as SplitName)}>
          {SPLITS.map((s) => (
            <option key={s} value={s}>
              {t(`teamPage.split.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <PlotChart options={rateOptions} summary={t('teamPage.funnel.rateChart', { split: t(`teamPage.split.${split}`) })} />
      <DataTable caption={t('teamPage.funnel.splitTable', { split: t(`teamPage.split.${split}`) })} columns={splitColumns} rows={splitRows} rowKey={(r) => r.key ?? '\u0000'} file={`conversion-${split}`} />
    </Card>
  );
}
