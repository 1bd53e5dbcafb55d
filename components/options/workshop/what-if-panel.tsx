import { useState } from 'react';
import type { Definitions } from '../../../lib/domain/definitions/schema';
import type { WhatIfSide } from '../../../lib/domain/definitions/what-if';
import { useWhatIf } from '../../../lib/queries/use-workshop';
import { useI18n } from '../../i18n/i18n-context';

const PERIODS = [30, 90, 180] as const;
const DAY = 86_400_000;

export function rate(r: number | null): string {
  return r === null ? '—' : `${Math.round(r * 1000) / 10}%`;
}

/** The draft against the version in force over a chosen period of the team snapshot (what-if.ts, in the worker). */
/** `versions`: the team's judging versions (undefined while read). */
export function WhatIfPanel({ draft, versions, now }: { draft: Definitions | null; versions: Definitions[] | undefined; now: number }) {
  const { t } = useI18n();
  const [days, setDays] = useState<number>(90);
  const range = { from: now - days * DAY, to: now };
  const query = useWhatIf(draft, versions, range, now);
  const result = query.data?.result;
  const rows: { key: string; label: string; value: (s: WhatIfSide) => string }[] = [
    { key: 'people', label: t('ws.whatIf.people'), value: (s) => String(s.people) },
    { key: 'mql', label: t('ws.whatIf.mql'), value: (s) => String(s.mql) },
    { key: 'mqlToSql', label: t('ws.whatIf.mqlToSql'), value: (s) => rate(s.mqlToSql) },
    { key: 'good', label: t('ws.whatIf.goodRate'), value: (s) => rate(s.goodFeedbackRate) },
    { key: 'sla', label: t('ws.whatIf.slaMet'), value: (s) => rate(s.slaMetRate) },
  ];
  return (
    <section className="ws-panel" aria-labelledby="ws-what-if-title">
      <h3 id="ws-what-if-title">{t('ws.whatIf.title')}</h3>
      <label>
        {t('ws.whatIf.period')}{' '}
        <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              {t('team.periodDays', { days: d })}
            </option>
          ))}
        </select>
      </label>
      {draft === null && <p className="small muted">{t('ws.whatIf.invalid')}</p>}
      {query.isError && <p className="error-text">{t('ws.whatIf.failed', { error: query.error.message })}</p>}
      {draft !== null && !result && !query.isError && <p aria-busy="true">{t('app.loading')}</p>}
      {result && (
        <div aria-busy={query.isFetching}>
          {result.inForce.people === 0 && <p className="small muted">{t('ws.whatIf.noData')}</p>}
          <table className="ws-table">
            <caption className="small muted">{t('ws.whatIf.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('ws.whatIf.inForce', { version: result.inForce.definitions.version })}</th>
                <th scope="col">{t('ws.whatIf.draft')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-figure={row.key}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value(result.inForce)}</td>
                  <td>{row.value(result.draft)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>{t('ws.whatIf.bandChanges', { count: result.bandChangesTotal })}</h4>
          {result.bandChanges.length > 0 && (
            <ul className="ws-band-changes">
              {result.bandChanges.map((c) => (
                <li key={c.personKey}>
                  {t('ws.whatIf.bandChange', { name: c.name, from: t(`band.${c.from}`), to: t(`band.${c.to}`) })}
                </li>
              ))}
            </ul>
          )}
          {result.bandChangesTotal > result.bandChanges.length && <p className="small muted">{t('ws.whatIf.more', { count: result.bandChangesTotal - result.bandChanges.length })}</p>}
        </div>
      )}
    </section>
  );
}
