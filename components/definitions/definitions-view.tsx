import { WEEKDAYS, type Definitions } from '../../lib/domain/definitions/schema';
import { useDefinitions } from '../../lib/queries/use-definitions';
import { definitionsVersionKey } from '../../lib/domain/definitions/version-in-force';
import { useI18n } from '../i18n/i18n-context';
import { GuardedCard } from '../ui/card-boundary';
import { DefinitionsSourceLine } from './definitions-source-line';
import { VERDICT_ICONS } from '../feedback/feedback-list';
import { Icon } from '../ui/icon';

/** Source and fetch time of the version shown, when it is the one in force here (or the built-in defaults). */
function InForceLine({ definitions }: { definitions: Definitions }) {
  const { current, loaded } = useDefinitions();
  if (!loaded) return null;
  if (current && definitionsVersionKey(current.definitions) !== definitionsVersionKey(definitions)) return null;
  return <DefinitionsSourceLine record={current} />;
}

/** The whole agreement, readable in the panel, so nobody argues from memory about what an MQL is. */
export function DefinitionsView({ definitions: d }: { definitions: Definitions }) {
  const { t, l, date, duration, number, locale } = useI18n();
  const list = (items: string[]) => items.join(locale === 'ja' ? '、' : ', ');
  const cal = d.calendar;
  return (
    <div className="stack definitions">
      <GuardedCard title={t('def.heading')}>
        {() => (
          <>
            <p>
              <strong>{l(d.name)}</strong>
            </p>
            <p className="small">
              {t('def.version', { version: d.version })} · {t('def.effective', { date: date(Date.parse(d.effectiveFrom)) })}
            </p>
            <InForceLine definitions={d} />
            <p className="small muted">
              {t('def.approvedBy', { name: list(d.approvedBy.map((a) => (a.role ? `${a.name}（${l(a.role)}）` : a.name))) })}
            </p>
          </>
        )}
      </GuardedCard>

      <GuardedCard title={t('def.stages')}>
        {() => (
          <>
            <dl className="facts">
              {d.stages.map((s) => (
                <div key={s.id} style={{ display: 'contents' }}>
                  <dt>{l(s.label)}</dt>
                  <dd>{l(s.description)}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
      </GuardedCard>

      <GuardedCard title={t('def.bands')}>
        {() => (
          <>
            <ul className="plain">
              {(['hot', 'warm', 'cool'] as const).map((b) => (
                <li key={b}>
                  <strong>{t(`band.${b}`)}</strong>: {t('def.bandRow', { min: number(d.temperature.bands[b]) })}
                </li>
              ))}
              <li>
                <strong>{t('band.cold')}</strong>: {t('def.bandBelow', { max: number(d.temperature.bands.cool) })}
              </li>
            </ul>
          </>
        )}
      </GuardedCard>

      <GuardedCard title={t('def.mql')}>
        {() => (
          <>
            <ul>
              <li>{t('def.mqlMinScore', { score: number(d.qualification.mql.minScore) })}</li>
              <li>{t('def.mqlMinGrade', { grade: d.qualification.mql.minFitGrade })}</li>
              {d.qualification.mql.requiredFields.length > 0 && (
                <li>{t('def.mqlRequired', { fields: list(d.qualification.mql.requiredFields) })}</li>
              )}
              {d.qualification.mql.rejectExclusions && <li>{t('def.mqlExclusions')}</li>}
            </ul>
          </>
        )}
      </GuardedCard>

      <GuardedCard title={t('def.sql')}>
        {() => (
          <>
            <ul>
              {d.qualification.sql.checklist.map((c) => (
                <li key={c.id}>
                  {l(c.label)}
                  {c.description && <div className="small muted">{l(c.description)}</div>}
                </li>
              ))}
            </ul>
          </>
        )}
      </GuardedCard>

      <GuardedCard title={t('def.sla')}>
        {() => (
          <>
            <table className="simple">
              <thead>
                <tr>
                  <th scope="col">{t('def.slaPolicy')}</th>
                  <th scope="col">{t('def.slaBands')}</th>
                  <th scope="col">{t('def.slaLimit')}</th>
                </tr>
              </thead>
              <tbody>
                {d.sla.policies.map((p) => (
                  <tr key={p.id}>
                    <td>{l(p.label)}</td>
                    <td>{list(p.bands.map((b) => t(`band.${b}`)))}</td>
                    <td>{t('def.slaBudget', { duration: duration(p.budgetMinutes) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="small">{t('def.slaWarn', { percent: number(d.sla.warnAtFraction * 100) })}</p>
            <p className="small">{t('def.slaTouch', { types: list(d.sla.touchTypes.map((x) => t(`activity.${x}`))) })}</p>
            <p className="small">{t('def.handoffStages', { stages: list(d.sla.handoffStages.map((s) => t(`stage.${s}`))) })}</p>
          </>
        )}
      </GuardedCard>

      <GuardedCard title={t('def.calendar')}>
        {() => (
          <>
            <p className="small">{t('def.timeZone', { zone: cal.timeZone })}</p>
            <h3>{t('def.hours')}</h3>
            <dl className="facts small">
              {WEEKDAYS.map((w, i) => {
                const hours = cal.weeklyHours[w];
                return (
                  <div key={w} style={{ display: 'contents' }}>
                    <dt>{t(`weekday.${i}` as 'weekday.0')}</dt>
                    <dd>{hours.length === 0 ? t('def.closed') : hours.map((h) => `${h.start}–${h.end}`).join(', ')}</dd>
                  </div>
                );
              })}
            </dl>
            <p className="small">{t(cal.nationalHolidays === 'jp' ? 'def.holidays.jp' : 'def.holidays.none')}</p>
            <h3>{t('def.closedDays')}</h3>
            {cal.closedDays.length === 0 ? (
              <p className="small muted">{t('def.none')}</p>
            ) : (
              <ul className="small">
                {cal.closedDays.map((c) => (
                  <li key={`${c.from}-${c.to}`}>
                    {c.from} – {c.to}: {l(c.label)}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('def.extraDays')}</h3>
            {cal.extraWorkingDays.length === 0 ? (
              <p className="small muted">{t('def.none')}</p>
            ) : (
              <ul className="small">
                {cal.extraWorkingDays.map((x) => (
                  <li key={x.date}>
                    {x.date}: {l(x.label)}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </GuardedCard>

      <GuardedCard title={t('def.reasons')}>
        {() => (
          <>
            {(['good', 'bad'] as const).map((verdict) => (
              <div key={verdict}>
                <h3>
                      <Icon icon={VERDICT_ICONS[verdict]} /> {verdict === 'good' ? t('fb.good') : t('fb.bad')}
                    </h3>
                <ul className="small">
                  {d.feedbackReasons
                    .filter((r) => r.verdict === verdict)
                    .map((r) => (
                      <li key={r.code}>{l(r.label)}</li>
                    ))}
                </ul>
              </div>
            ))}
          </>
        )}
      </GuardedCard>

      <GuardedCard title={t('def.changelog')}>
        {() => (
          <>
            <ul className="plain stack small">
              {[...d.changeLog]
                .sort((a, b) => b.version - a.version)
                .map((c) => (
                  <li key={c.version}>
                    <strong>v{c.version}</strong> <span className="muted">{c.date}</span> — {l(c.summary)}
                  </li>
                ))}
            </ul>
          </>
        )}
      </GuardedCard>
    </div>
  );
}
