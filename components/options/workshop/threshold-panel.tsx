import { lazy, Suspense } from 'react';
import type { Definitions } from '../../../lib/domain/definitions/schema';
import { useSuggestedThreshold } from '../../../lib/queries/use-workshop';
import { useI18n } from '../../i18n/i18n-context';
import { rate } from './what-if-panel';

const ThresholdChart = lazy(() => import('./threshold-chart'));

/**
 * The suggested MQL threshold from results (suggest-threshold.ts): a sentence that says it, the precision/recall
 * curve with the suggestion marked (Observable Plot, loaded on demand), and under it, folded, the table of every
 * threshold with the suggested row marked.
 */
export function ThresholdPanel({ versions, now, current, onUse }: { versions: Definitions[] | undefined; now: number; current: unknown; onUse: (threshold: number) => void }) {
  const { t } = useI18n();
  const query = useSuggestedThreshold(versions, now);
  const s = query.data;
  // One sentence, said on the page and given to the chart as its screen-reader summary.
  const summary = s?.ok
    ? t('ws.suggest.summary', {
        threshold: s.threshold,
        precision: rate(s.point.precision),
        recall: rate(s.point.recall),
        total: s.outcomes.total,
        good: s.outcomes.good,
        bad: s.outcomes.bad,
      })
    : '';
  return (
    <section className="ws-panel" aria-labelledby="ws-threshold-title">
      <h3 id="ws-threshold-title">{t('ws.suggest.title')}</h3>
      {query.isError && <p className="error-text">{t('ws.whatIf.failed', { error: query.error.message })}</p>}
      {!s && !query.isError && <p aria-busy="true">{t('app.loading')}</p>}
      {s && !s.ok && (
        <p className="small">
          {s.reason === 'too-few-outcomes'
            ? t('ws.suggest.tooFew', { total: s.outcomes.total, needed: s.needed.total })
            : t('ws.suggest.oneSided', { good: s.outcomes.good, bad: s.outcomes.bad, each: s.needed.each })}
        </p>
      )}
      {s?.ok && (
        <>
          <p>{summary}</p>
          <p className="small muted">{t('ws.suggest.criterion')}</p>
          <button type="button" disabled={current === s.threshold} onClick={() => onUse(s.threshold)}>
            {t('ws.suggest.use', { threshold: s.threshold })}
          </button>
          <Suspense fallback={null}>
            <ThresholdChart
              curve={s.curve}
              threshold={s.threshold}
              summary={summary}
            />
          </Suspense>
          <details>
            <summary className="small">{t('ws.suggest.caption')}</summary>
            <table className="ws-table">
              <caption className="small muted">{t('ws.suggest.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ws.suggest.threshold')}</th>
                  <th scope="col">{t('ws.suggest.mql')}</th>
                  <th scope="col">{t('ws.suggest.precision')}</th>
                  <th scope="col">{t('ws.suggest.recall')}</th>
                  <th scope="col">F1</th>
                </tr>
              </thead>
              <tbody>
                {s.curve.map((p) => (
                  <tr key={p.threshold} aria-current={p.threshold === s.threshold ? 'true' : undefined} className={p.threshold === s.threshold ? 'ws-suggested' : undefined}>
                    <th scope="row">
                      {p.threshold}
                      {p.threshold === s.threshold ? ` (${t('ws.suggest.marked')})` : ''}
                    </th>
                    <td>{p.mql}</td>
                    <td>{rate(p.precision)}</td>
                    <td>{rate(p.recall)}</td>
                    <td>{p.f1 === null ? '—' : p.f1.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
