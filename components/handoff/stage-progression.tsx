import type { Opportunity, Stage, StageChange } from '../../lib/domain/model';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { Circle, CircleCheck, Trophy, X } from 'lucide-react';
import { Icon } from '../ui/icon';

/** The waterfall a marketer is judged on; side exits are listed separately with their reasons. */
export const WATERFALL: readonly Stage[] = ['mql', 'sal', 'sql', 'opportunity'];
const EXITS: readonly Stage[] = ['recycled', 'disqualified'];

export function StageProgression({ stageChanges, opportunities }: { stageChanges: readonly StageChange[]; opportunities: readonly Opportunity[] }) {
  const { t, date, money } = useI18n();
  const firstAt = (stage: Stage) => stageChanges.filter((c) => c.stage === stage).reduce<number | null>((m, c) => (m === null || c.at < m ? c.at : m), null);
  const closed = ['won', 'lost'].map((s) => ({ stage: s as Stage, at: firstAt(s as Stage) })).filter((x) => x.at !== null);
  const steps = [...WATERFALL.map((stage) => ({ stage, at: firstAt(stage) })), ...(closed.length ? closed : [{ stage: 'won' as Stage, at: null }])];
  return (
    <Card title={t('progression.heading')}>
      <ol className="plain criteria">
        {steps.map(({ stage, at }) => (
          <li key={stage}>
            <span className={`mark ${at !== null ? 'pass' : 'fail'}`}>
              <Icon icon={at !== null ? CircleCheck : Circle} />
            </span>
            <span>
              <strong>{t(`stage.${stage}`)}</strong>{' '}
              <span className="muted small">{at !== null ? t('progression.reached', { date: date(at) }) : t('progression.notReached')}</span>
            </span>
          </li>
        ))}
      </ol>
      {opportunities.length > 0 && (
        <>
          <h3>{t('opp.heading')}</h3>
          <table className="simple">
            <thead>
              <tr>
                <th scope="col">{t('opp.heading')}</th>
                <th scope="col">{t('opp.stage')}</th>
                <th scope="col">{t('opp.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {opportunities.map((o) => (
                <tr key={o.id}>
                  <td>{o.name}</td>
                  <td>
                    {o.isClosed && (
                      <>
                        <Icon icon={o.isWon ? Trophy : X} />{' '}
                      </>
                    )}
                    {o.stageName}
                  </td>
                  <td>{o.amount === null ? t('opp.noAmount') : money(o.amount, o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}

/** Why a lead went back to nurture or out: the reasons sales recorded, for the marketer's next campaign. */
export function ExitReasons({ stageChanges }: { stageChanges: readonly StageChange[] }) {
  const { t, date } = useI18n();
  const exits = stageChanges.filter((c) => c.stage !== null && EXITS.includes(c.stage)).sort((a, b) => b.at - a.at);
  return (
    <Card title={t('reasons.heading')}>
      {exits.length === 0 ? (
        <p className="muted">{t('reasons.empty')}</p>
      ) : (
        <ul className="plain stack">
          {exits.map((c) => (
            <li key={c.id}>
              <strong>{t(`stage.${c.stage ?? 'unknown'}`)}</strong> <span className="muted small">{date(c.at)}</span>
              <div>{c.reason ?? c.vendorValue}</div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
