import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { MarketoStatus } from '../../lib/connectors/marketo/settings';
import { useMarketoConnection } from '../../lib/queries/use-key-connections';
import { useI18n } from '../i18n/i18n-context';
import { useForgetKey } from '../../lib/queries/use-disconnect';
import { DisconnectControl } from './disconnect-control';
import { ConnectionMessageLine, useConnectionAction, type KeyConnectionProps } from './use-connection-action';
import './vendor-connection.css';

/**
 * The "Marketo Engage" card of the options page. The saved secret is never shown again: leaving the field
 * empty keeps it, typing a new one replaces it.
 */
export function MarketoConnection({ storage, fetchImpl, now = Date.now }: KeyConnectionProps) {
  const { t, number, dateTime } = useI18n();
  const forget = useForgetKey('marketo', storage);
  const ids = { endpoint: useId(), endpointHint: useId(), clientId: useId(), secret: useId(), warn: useId(), activity: useId(), activityHint: useId(), appHost: useId(), appHostHint: useId() };
  const [endpoint, setEndpoint] = useState('');
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [activityId, setActivityId] = useState('');
  const [appHost, setAppHost] = useState('');
  const [connected, setConnected] = useState(false);
  const [status, setStatus] = useState<MarketoStatus>({});

  const connection = useMarketoConnection({ storage, fetchImpl, now });

  const refresh = useCallback(async () => {
    const { settings: s, status: st } = await connection.read();
    setConnected(s !== undefined);
    if (s) {
      setEndpoint(`${s.endpoint}/rest`);
      setClientId(s.clientId);
      setActivityId(s.feedbackActivityTypeId ? String(s.feedbackActivityTypeId) : '');
      setAppHost(s.appHost ?? '');
    }
    setStatus(st);
  }, [connection]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  const { busy, message, run } = useConnectionAction(refresh);

  function onSave(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await connection.save({ endpoint, clientId, secret, appHost, activityId });
      setSecret('');
      return { tone: 'ok', text: t('connections.marketo.saved') };
    });
  }

  function onTest() {
    void run(async () => {
      const r = await connection.test();
      return r.ok
        ? { tone: 'ok', text: t('connections.marketo.testOk', { count: number(r.activityTypes) }) }
        : { tone: 'error', text: t('connections.marketo.testFailed', { message: r.error.message }) };
    });
  }

  const today = new Date(now()).toISOString().slice(0, 10);
  return (
    <section className="vendor-conn" aria-labelledby={`${ids.endpoint}-title`}>
      <h3 id={`${ids.endpoint}-title`}>{t('connections.marketo.title')}</h3>
      <p className="vendor-conn-status">{connected ? t('connections.marketo.connected') : t('connections.marketo.notConnected')}</p>
      <p className="vendor-conn-hint">{t('connections.marketo.intro')}</p>
      <form onSubmit={onSave}>
        <label htmlFor={ids.endpoint}>{t('connections.marketo.endpoint')}</label>
        <input id={ids.endpoint} type="url" value={endpoint} placeholder="https://123-ABC-456.mktorest.com/rest" aria-describedby={ids.endpointHint} onChange={(e) => setEndpoint(e.target.value)} />
        <p className="vendor-conn-hint" id={ids.endpointHint}>{t('connections.marketo.endpointHint')}</p>
        <label htmlFor={ids.clientId}>{t('connections.marketo.clientId')}</label>
        <input id={ids.clientId} autoComplete="off" spellCheck={false} value={clientId} onChange={(e) => setClientId(e.target.value)} />
        <label htmlFor={ids.secret}>{t('connections.marketo.clientSecret')}</label>
        <input
          id={ids.secret}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={secret}
          placeholder={connected ? '••••••••' : ''}
          aria-describedby={ids.warn}
          onChange={(e) => setSecret(e.target.value)}
        />
        <p className="vendor-conn-warn" id={ids.warn} role="note">{t('connections.marketo.secretWarning')}</p>
        <label htmlFor={ids.appHost}>{t('connections.marketo.appHost')}</label>
        <input id={ids.appHost} autoComplete="off" spellCheck={false} value={appHost} placeholder="app-ab12.marketo.com" aria-describedby={ids.appHostHint} onChange={(e) => setAppHost(e.target.value)} />
        <p className="vendor-conn-hint" id={ids.appHostHint}>{t('connections.marketo.appHostHint')}</p>
        <label htmlFor={ids.activity}>{t('connections.marketo.feedbackActivity')}</label>
        <input id={ids.activity} inputMode="numeric" value={activityId} aria-describedby={ids.activityHint} onChange={(e) => setActivityId(e.target.value.replace(/\D/g, ''))} />
        <p className="vendor-conn-hint" id={ids.activityHint}>{t('connections.marketo.feedbackActivityHint')}</p>
        <div className="vendor-conn-actions">
          <button type="submit" disabled={busy}>{t('connections.marketo.save')}</button>
          <button type="button" disabled={busy || !connected} onClick={onTest}>{t('connections.marketo.test')}</button>
        </div>
      </form>
      {connected ? (
        <DisconnectControl system="marketo" vendor={t('connections.marketo.title')} forget={forget} onDone={(text) => void run(async () => ({ tone: 'ok', text }))} />
      ) : null}
      {status.callsToday?.day === today ? (
        <p className="vendor-conn-status">{t('connections.marketo.usage', { count: number(status.callsToday.count) })}</p>
      ) : null}
      {status.quotaStopUntil && status.quotaStopUntil > now() ? (
        <p className="vendor-conn-warn" role="status">{t('connections.marketo.quotaStopped', { time: dateTime(status.quotaStopUntil) })}</p>
      ) : null}
      <ConnectionMessageLine message={message} />
    </section>
  );
}
