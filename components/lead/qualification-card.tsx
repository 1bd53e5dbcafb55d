import type { Qualification } from '../../lib/domain/qualification';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { Check, Square, SquareCheck, X } from 'lucide-react';
import { Icon } from '../ui/icon';

/** A check or a cross for criteria the lead meets or not; a ticked or empty box for checklist items sales has or has not confirmed yet. */
function Mark({ passed, yes, no, neutral = false }: { passed: boolean; yes: string; no: string; neutral?: boolean }) {
  const symbol = neutral ? (passed ? SquareCheck : Square) : passed ? Check : X;
  return (
    <span className={`mark ${passed ? 'pass' : neutral ? 'open' : 'fail'}`} role="img" aria-label={passed ? yes : no}>
      <Icon icon={symbol} />
    </span>
  );
}

/** The engine states requirements in symbols and two words; the words are said in the user's language. */
const REQUIRED_WORDS = { present: 'qual.requiredPresent', none: 'qual.requiredNone' } as const;

/** The lead against the MQL numbers and the SQL checklist of the definitions version that applies to it. */
export function QualificationCard({ qualification }: { qualification: Qualification }) {
  const { t, l, date, number } = useI18n();
  const { mql, sql } = qualification;
  const confirmed = sql.items.filter((i) => i.confirmed).length;
  const actual = (v: string | number | null) => (v === null || v === '' ? t('qual.none') : typeof v === 'number' ? number(v, 1) : v);
  return (
    <Card title={t('qual.heading')} className="qualification">
      <p className="muted small">
        {t('qual.version', { version: qualification.version, date: date(Date.parse(qualification.effectiveFrom)) })}
      </p>
      <h3>{t('qual.mql')}</h3>
      <p className={mql.passed ? 'sla-met' : 'sla-breached'}>
        <strong>
          <Icon icon={mql.passed ? Check : X} />{' '}
          {mql.passed ? t('qual.mqlPassed') : t('qual.mqlFailed')}
        </strong>
      </p>
      <ul className="plain criteria">
        {mql.criteria.map((c) => (
          <li key={c.id}>
            <Mark passed={c.passed} yes={t('qual.pass')} no={t('qual.fail')} />
            <span>{l(c.label)}</span>
            <span className="values">
              {t('qual.actual', { actual: actual(c.actual) })} ／ {t('qual.required', { required: c.required in REQUIRED_WORDS ? t(REQUIRED_WORDS[c.required as keyof typeof REQUIRED_WORDS]) : c.required })}
            </span>
          </li>
        ))}
      </ul>
      <h3>
        {t('qual.sql')} <span className="small">({t('qual.sqlProgress', { done: confirmed, total: sql.items.length })})</span>
      </h3>
      <ul className="plain criteria">
        {sql.items.map((i) => (
          <li key={i.id}>
            <Mark passed={i.confirmed} yes={t('qual.confirmed')} no={t('qual.unconfirmed')} neutral />
            <span>{l(i.label)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
