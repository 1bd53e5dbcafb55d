import { useMemo } from 'react';
import type { ThresholdPoint } from '../../../lib/domain/definitions/suggest-threshold';
import { useI18n } from '../../i18n/i18n-context';
import { COLORS, PlotChart, type ChartOptions } from '../../team/plot-chart';

type Row = { threshold: number; measure: string; value: number };

/**
 * Precision and recall at each MQL score threshold, with the suggested one marked. Loaded on demand (React.lazy) so
 * the options page does not carry the chart library until the workshop shows a suggestion. Precision is a solid
 * line, recall a dashed one, each labelled at its end: colour never tells them apart alone. The table under it
 * carries every number.
 */
export default function ThresholdChart({ curve, threshold, summary }: { curve: readonly ThresholdPoint[]; threshold: number; summary: string }) {
  const { t } = useI18n();
  const options = useMemo<ChartOptions>(() => (Plot) => {
    const precision = t('ws.suggest.precision');
    const recall = t('ws.suggest.recall');
    const rows: Row[] = curve.flatMap((p) => [
      ...(p.precision === null ? [] : [{ threshold: p.threshold, measure: precision, value: p.precision * 100 }]),
      ...(p.recall === null ? [] : [{ threshold: p.threshold, measure: recall, value: p.recall * 100 }]),
    ]);
    const last = (measure: string) => rows.filter((r) => r.measure === measure).slice(-1);
    return {
      height: 220,
      marginRight: 70,
      x: { label: t('ws.suggest.threshold'), grid: true },
      y: { label: '%', domain: [0, 100], grid: true },
      marks: [
        Plot.line(rows.filter((r) => r.measure === precision), { x: 'threshold', y: 'value', stroke: COLORS.current, strokeWidth: 2 }),
        Plot.line(rows.filter((r) => r.measure === recall), { x: 'threshold', y: 'value', stroke: COLORS.open, strokeWidth: 2, strokeDasharray: '6,3' }),
        Plot.text([...last(precision), ...last(recall)], { x: 'threshold', y: 'value', text: 'measure', dx: 6, textAnchor: 'start' }),
        Plot.ruleX([threshold], { stroke: COLORS.rule, strokeWidth: 2 }),
        Plot.text([threshold], { x: (d: number) => d, frameAnchor: 'top', text: () => `${t('ws.suggest.marked')} ${threshold}`, dy: -4, fill: COLORS.rule }),
      ],
    };
  }, [curve, threshold, t]);
  return <PlotChart options={options} summary={summary} />;
}
