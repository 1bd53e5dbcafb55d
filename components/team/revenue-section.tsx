import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { DataTable, type Column } from './data-table';
import { COLORS, PlotChart, type ChartOptions } from './plot-chart';
import type { TeamData } from './team-data';

const TOP = 10;

type Row = { campaign: string; leads: number; sql: number; won: number; wonAmount: number; openDeals: number; openAmount: number };

/** Revenue by campaign: won amount in the period and open pipeline now, per campaign (a campaign gets every deal of every person it touched). */
export function RevenueSection({ data }: { data: TeamData }) {
  const { t, number } = useI18n();
  const { kpis, previous, detail } = data;
  const pipeline = new Map((detail?.pipelineByCampaign ?? []).map((p) => [p.campaign, p]));
  const rows: Row[] = kpis.revenue.byCampaign.map((c) => ({ ...c, openDeals: pipeline.get(c.campaign)?.openDeals ?? 0, openAmount: pipeline.get(c.campaign)?.openAmount ?? 0 }));
  const money = (n: number) => number(n, 0);
  const columns: Column<Row>[] = [
    { header: t('teamPage.split.byCampaign'), cell: (r) => ({ value: r.campaign }) },
    { header: t('teamPage.leads'), numeric: true, cell: (r) => ({ value: r.leads, text: number(r.leads), drill: { path: ['revenue', 'byCampaign', r.campaign, 'leads'], label: t('teamPage.drill.leadsOf', { key: r.campaign, n: r.leads }) } }) },
    { header: t('stage.sql'), numeric: true, cell: (r) => ({ value: r.sql, text: number(r.sql), drill: { path: ['revenue', 'byCampaign', r.campaign, 'sql'], label: t('teamPage.drill.reachedOf', { key: r.campaign, stage: t('stage.sql'), n: r.sql }) } }) },
    { header: t('teamPage.revenue.wonPeople'), numeric: true, cell: (r) => ({ value: r.won, text: number(r.won), drill: { path: ['revenue', 'byCampaign', r.campaign, 'won'], label: t('teamPage.drill.wonOf', { key: r.campaign, n: r.won }) } }) },
    { header: t('teamPage.revenue.wonAmount'), numeric: true, cell: (r) => ({ value: r.wonAmount, text: money(r.wonAmount), drill: { path: ['revenue', 'byCampaign', r.campaign, 'wonAmount'], label: t('teamPage.drill.wonOf', { key: r.campaign, n: r.won }) } }) },
    { header: t('teamPage.revenue.openDeals'), numeric: true, cell: (r) => ({ value: r.openDeals, text: number(r.openDeals), drill: { path: ['pipeline', r.campaign], label: t('teamPage.drill.pipelineOf', { key: r.campaign }) } }) },
    { header: t('teamPage.revenue.openAmount'), numeric: true, cell: (r) => ({ value: r.openAmount, text: money(r.openAmount), drill: { path: ['pipeline', r.campaign], label: t('teamPage.drill.pipelineOf', { key: r.campaign }) } }) },
  ];
  const top = rows.filter((r) => r.wonAmount > 0 || r.openAmount > 0).slice(0, TOP);
  const chartRows = top.flatMap((r) => [
    { campaign: r.campaign, measure: t('teamPage.revenue.wonAmount'), amount: r.wonAmount, color: COLORS.won },
    { campaign: r.campaign, measure: t('teamPage.revenue.openAmount'), amount: r.openAmount, color: COLORS.open },
  ]);
  const options = useMemo<ChartOptions>(
    () => (Plot) => ({
      marginLeft: 150,
      height: 50 + 44 * Math.max(1, top.length),
      x: { label: t('teamPage.revenue.amount'), grid: true, nice: true, domain: [0, Math.max(1, ...chartRows.map((d) => d.amount))], tickFormat: (n: number) => number(n, 0) },
      fy: { label: null, domain: top.map((r) => r.campaign) },
      y: { label: null, axis: null },
      marks: [
        // Won deals solid, open pipeline hatched-looking (outlined, dashed), each labelled in words.
        Plot.barX(chartRows.filter((d) => d.color === COLORS.won), { fy: 'campaign', y: 'measure', x: 'amount', fill: COLORS.won }),
        Plot.barX(chartRows.filter((d) => d.color === COLORS.open), { fy: 'campaign', y: 'measure', x: 'amount', fill: 'white', stroke: COLORS.open, strokeDasharray: '4,2' }),
        Plot.text(chartRows, { fy: 'campaign', y: 'measure', x: 'amount', text: (d: { measure: string; amount: number }) => `${d.measure} ${number(d.amount, 0)}`, dx: 4, textAnchor: 'start' }),
        Plot.ruleX([0]),
      ],
    }),
    [kpis, detail, t, number], // eslint-disable-line react-hooks/exhaustive-deps -- rows derive from kpis and detail
  );
  const openTotal = [...pipeline.values()].reduce((s, p) => s + p.openAmount, 0);
  const summary = t('teamPage.revenue.summary', {
    won: money(kpis.revenue.wonAmount),
    previous: money(previous?.revenue.wonAmount ?? 0),
    campaign: rows[0] && rows[0].wonAmount > 0 ? rows[0].campaign : '–',
    open: money(openTotal),
  });
  return (
    <Card title={t('teamPage.revenue.title')}>
      <p className="team-summary" data-testid="revenue-summary">
        {summary}
      </p>
      <p className="small muted">{t('teamPage.revenue.overlap')}</p>
      <PlotChart options={options} summary={t('teamPage.revenue.chart', { n: TOP })} />
      <DataTable caption={t('teamPage.revenue.table')} columns={columns} rows={rows} rowKey={(r) => r.campaign} file="revenue-by-campaign" />
    </Card>
  );
}
