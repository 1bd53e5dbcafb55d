import { useId } from 'react';
import { PERIOD_KINDS, isoDateOf, type PeriodKind } from '../../lib/domain/team-period';
import type { TeamFilter } from '../../lib/domain/team-kpis';
import type { TeamDetail } from '../../lib/domain/team-details';
import { useI18n } from '../i18n/i18n-context';
import type { TeamView } from './team-url';

/** The option for people without a value (not a name any system can give: names are trimmed). */
const NONE = ' none';
const ALL = '';
const FILTERS = [
  ['owners', 'owner'],
  ['sources', 'source'],
  ['campaigns', 'campaign'],
] as const;

/** Period and filters; every change goes to the URL (see use-team-view), so the address is a link to this view. */
export function TeamControls({ view, onChange, options, today }: { view: TeamView; onChange: (next: TeamView) => void; options: TeamDetail['options'] | undefined; today: number }) {
  const { t } = useI18n();
  const id = useId();
  const setKind = (kind: PeriodKind) => {
    if (kind === 'custom') {
      const to = isoDateOf(today);
      onChange({ ...view, period: { kind, from: isoDateOf(today - 27), to } });
    } else {
      onChange({ ...view, period: { kind } });
    }
  };
  const setFilter = (key: keyof TeamFilter, value: string) => {
    const filter = { ...view.filter };
    if (value === ALL) delete filter[key];
    else filter[key] = [value === NONE ? null : value];
    onChange({ ...view, filter });
  };
  return (
    <form className="team-controls no-print" onSubmit={(e) => e.preventDefault()} aria-label={t('teamPage.controls')}>
      <div className="field">
        <label htmlFor={`${id}-period`}>{t('teamPage.period')}</label>
        <select id={`${id}-period`} value={view.period.kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`teamPage.period.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {view.period.kind === 'custom' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('teamPage.from')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={view.period.from}
              onChange={(e) => e.target.value && view.period.kind === 'custom' && onChange({ ...view, period: { ...view.period, from: e.target.value } })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('teamPage.to')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={view.period.to}
              onChange={(e) => e.target.value && view.period.kind === 'custom' && onChange({ ...view, period: { ...view.period, to: e.target.value } })}
            />
          </div>
        </>
      ) : null}
      {FILTERS.map(([key, word]) => {
        const chosen = view.filter[key]?.[0];
        const value = chosen === undefined ? ALL : chosen === null ? NONE : chosen;
        const names = options?.[key] ?? [];
        return (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${word}`}>{t(`teamPage.filter.${word}`)}</label>
            <select id={`${id}-${word}`} value={value} onChange={(e) => setFilter(key, e.target.value)}>
              <option value={ALL}>{t('teamPage.filter.all')}</option>
              {names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
              {/* A value from a shared link that this snapshot does not hold stays selectable (and visible). */}
              {chosen !== undefined && chosen !== null && !names.includes(chosen) ? <option value={chosen}>{chosen}</option> : null}
              <option value={NONE}>{t('teamPage.none')}</option>
            </select>
          </div>
        );
      })}
    </form>
  );
}
