import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { IdentityApi } from '../../lib/connectors/dynamics/auth';
import type { KeyValueStore } from '../../lib/connectors/local-store';
import { useDynamicsConnection } from '../../lib/queries/use-dynamics-connection';
import { useI18n } from '../i18n/i18n-context';
import { DisconnectControl } from './disconnect-control';
import { ConnectionMessageLine, useConnectionAction } from './use-connection-action';
import './vendor-connection.css';

export interface DynamicsConnectionProps {
  storage: KeyValueStore;
  identity: IdentityApi;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/**
 * The "Dynamics 365" card: the Entra ID app registration (tenant, application id), the environment, the redirect
 * URL to register, and sign-in / sign-out. Nothing secret is typed here: the app is a public client.
 */
export function DynamicsConnection({ storage, identity, fetchImpl, now = Date.now }: DynamicsConnectionProps) {
  const { t, dateTime } = useI18n();
  const ids = { title: useId(), tenant: useId(), client: useId(), env: useId(), redirect: useId(), redirectHint: useId() };
  const [form, setForm] = useState({ tenant: '', clientId: '', environmentHost: '' });
  const [signedIn, setSignedIn] = useState(false);
  const [username, setUsername] = useState<string | undefined>();
  const [throttledUntil, setThrottledUntil] = useState<number | undefined>();
  const [copied, setCopied] = useState(false);
  const connection = useDynamicsConnection({ storage, identity, fetchImpl, now });

  const refresh = useCallback(async () => {
    const read = await connection.read();
    if (read.settings) setForm({ tenant: read.settings.tenant, clientId: read.settings.clientId, environmentHost: read.settings.environmentHost });
    setSignedIn(read.signedIn);
    setUsername(read.username);
    const until = read.status.throttledAt !== undefined && read.status.retryAfterMs !== undefined ? read.status.throttledAt + read.status.retryAfterMs : undefined;
    setThrottledUntil(until);
  }, [connection]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const { busy, message, run } = useConnectionAction(refresh);

  function onSignIn(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      const done = await connection.signIn(form);
      return { tone: 'ok', text: t('connections.dynamics.signedIn', { user: done.username ?? '—', environment: done.environmentHost }) };
    });
  }

  async function onCopy() {
    await navigator.clipboard?.writeText(connection.redirectUri);
    setCopied(true);
  }

  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <section className="vendor-conn" aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('connections.dynamics.title')}</h3>
      <p className="vendor-conn-status">
        {signedIn ? t('connections.dynamics.connectedAs', { user: username ?? '—', environment: form.environmentHost }) : t('connections.dynamics.notConnected')}
      </p>
      <p className="vendor-conn-hint">{t('connections.dynamics.intro')}</p>
      <form onSubmit={onSignIn}>
        <label htmlFor={ids.tenant}>{t('connections.dynamics.tenant')}</label>
        <input id={ids.tenant} value={form.tenant} onChange={set('tenant')} placeholder="contoso.onmicrosoft.com" spellCheck={false} autoComplete="off" />
        <label htmlFor={ids.client}>{t('connections.dynamics.clientId')}</label>
        <input id={ids.client} value={form.clientId} onChange={set('clientId')} placeholder="00000000-0000-0000-0000-000000000000" spellCheck={false} autoComplete="off" />
        <label htmlFor={ids.env}>{t('connections.dynamics.environment')}</label>
        <input id={ids.env} value={form.environmentHost} onChange={set('environmentHost')} placeholder="contoso.crm7.dynamics.com" spellCheck={false} autoComplete="off" />
        <label htmlFor={ids.redirect}>{t('connections.dynamics.redirectUri')}</label>
        <div className="vendor-conn-actions">
          <input id={ids.redirect} value={connection.redirectUri} readOnly aria-describedby={ids.redirectHint} />
          <button type="button" onClick={() => void onCopy()}>{copied ? t('connections.salesforce.copied') : t('connections.salesforce.copy')}</button>
        </div>
        <p className="vendor-conn-hint" id={ids.redirectHint}>{t('connections.dynamics.redirectHint')}</p>
        <div className="vendor-conn-actions">
          <button type="submit" disabled={busy}>{t('connections.dynamics.signIn')}</button>
        </div>
      </form>
      {signedIn ? (
        <DisconnectControl
          system="dynamics"
          vendor={t('connections.dynamics.title')}
          label="connections.dynamics.signOut"
          forget={connection.signOut}
          onDone={(text) => void run(async () => ({ tone: 'ok', text }))}
        />
      ) : null}
      {throttledUntil !== undefined && throttledUntil > now() ? (
        <p className="vendor-conn-warn" role="status">{t('connections.dynamics.throttled', { time: dateTime(throttledUntil) })}</p>
      ) : null}
      <ConnectionMessageLine message={message} />
    </section>
  );
}
