import { Plus, Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { AddCustomerHostResult } from '../../lib/messaging/customer-hosts';
import { useCustomerHosts } from '../../lib/queries/use-customer-hosts';
import { CUSTOMER_HOST_SYSTEMS, MAX_CUSTOMER_HOSTS, type CustomerHostSystem } from '../../lib/sites/customer-hosts';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { Icon } from '../ui/icon';

type Outcome = { kind: 'error' | 'done'; text: string } | null;

/**
 * Customer hosts: an address of the customer's own where their Salesforce, Dynamics 365 or kintone opens. Adding
 * one asks the browser for that host alone (and `scripting`), then Baton follows records there.
 */
export function CustomerHostsSection() {
  const { t } = useI18n();
  const { hosts, add, remove } = useCustomerHosts();
  const [input, setInput] = useState('');
  const [system, setSystem] = useState<CustomerHostSystem>('salesforce');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const ids = { host: useId(), system: useId() };

  const describe = (result: AddCustomerHostResult): Outcome => {
    if (result.ok) return { kind: 'done', text: t('hosts.added', { host: result.host }) };
    const host = result.host ?? input.trim();
    switch (result.reason) {
      case 'invalid':
        return { kind: 'error', text: t('hosts.invalid') };
      case 'standard':
        return { kind: 'error', text: t('hosts.standard', { host }) };
      case 'declined':
        return { kind: 'error', text: t('hosts.declined', { host }) };
      case 'full':
        return { kind: 'error', text: t('hosts.full', { max: MAX_CUSTOMER_HOSTS }) };
      case 'unsupported':
        return { kind: 'error', text: t('hosts.unsupported') };
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    // Synchronously inside the click: the permission prompt needs the user gesture.
    void add(input, system).then((result) => {
      setOutcome(describe(result));
      if (result.ok) setInput('');
    });
  };

  return (
    <Card title={t('hosts.title')}>
      <p className="small muted">{t('hosts.hint')}</p>
      {hosts.length === 0 ? (
        <p className="small">{t('hosts.none')}</p>
      ) : (
        <ul className="plain">
          {hosts.map((h) => (
            <li key={h.host} className="row">
              <span>
                <code>{h.host}</code> · {t(`system.${h.system}`)}
              </span>
              <button
                type="button"
                aria-label={t('hosts.remove', { host: h.host })}
                onClick={() => void remove(h.host).then(() => setOutcome({ kind: 'done', text: t('hosts.removed', { host: h.host }) }))}
              >
                <Icon icon={Trash2} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="row" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={ids.host}>{t('hosts.host')}</label>
          <input id={ids.host} value={input} onChange={(e) => setInput(e.target.value)} placeholder="crm.example.co.jp" spellCheck={false} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={ids.system}>{t('hosts.system')}</label>
          <select id={ids.system} value={system} onChange={(e) => setSystem(e.target.value as CustomerHostSystem)}>
            {CUSTOMER_HOST_SYSTEMS.map((s) => (
              <option key={s} value={s}>
                {t(`system.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={input.trim() === ''}>
          <Icon icon={Plus} /> {t('hosts.add')}
        </button>
      </form>
      <p role="status" aria-live="polite" className={outcome?.kind === 'error' ? 'small error-text' : 'small state-sent'}>
        {outcome?.text ?? ''}
      </p>
    </Card>
  );
}
