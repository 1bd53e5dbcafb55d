import { useId, useState } from 'react';
import type { SystemId } from '../../lib/domain/model';
import { DEFAULT_DEMO_REP, DEMO_REP_NAMES, useCheckIdentity, useIdentities, usePickDemoRep } from '../../lib/queries/use-identities';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { UserRound } from 'lucide-react';
import { Icon } from '../ui/icon';

const ASKED: readonly SystemId[] = ['salesforce', 'hubspot'];

/** Who Baton takes the person to be in each system: their queue's owner and the name their feedback carries. */
export function WhoAmISection() {
  const { t } = useI18n();
  const identities = useIdentities() ?? {};
  const check = useCheckIdentity();
  const pickRep = usePickDemoRep();
  const repId = useId();
  const [busy, setBusy] = useState<SystemId | null>(null);
  const [notes, setNotes] = useState<Partial<Record<SystemId, string>>>({});

  const run = async (system: SystemId) => {
    setBusy(system);
    try {
      const me = await check(system);
      setNotes((n) => ({ ...n, [system]: me ? undefined : t('me.notConnected') }));
    } catch (error) {
      setNotes((n) => ({ ...n, [system]: t('me.failed', { message: error instanceof Error ? error.message : String(error) }) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title={t('me.title')}>
      <p className="small muted">{t('me.hint')}</p>
      <ul className="plain stack">
        {ASKED.map((system) => {
          const me = identities[system];
          return (
            <li key={system} className="row" data-system={system}>
              <Icon icon={UserRound} /> <strong>{t(`system.${system}`)}</strong>{' '}
              <span>{me ? t('me.entry', { name: me.name, id: me.userId }) : (notes[system] ?? t('me.unknown'))}</span>
              <button type="button" disabled={busy !== null} onClick={() => void run(system)}>
                {busy === system ? t('me.checking') : t('me.check')}
              </button>
              {me && notes[system] && <span className="small error-text">{notes[system]}</span>}
            </li>
          );
        })}
      </ul>
      <p className="small">{t('me.maCounts')}</p>
      <div className="field">
        <label htmlFor={repId}>{t('me.demoRep')}</label>
        <select id={repId} value={identities.demo?.name ?? DEFAULT_DEMO_REP} onChange={(e) => void pickRep(e.target.value)}>
          {DEMO_REP_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
    </Card>
  );
}
