import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { IdentityApi } from '../../lib/connectors/dynamics/auth';
import type { KintoneMapping as SavedMapping } from '../../lib/connectors/kintone/settings';
import { useKintoneConnection } from '../../lib/queries/use-kintone-connection';
import { useForgetKey } from '../../lib/queries/use-disconnect';
import { useI18n } from '../i18n/i18n-context';
import { DisconnectControl } from './disconnect-control';
import { KintoneMapping } from './kintone-mapping';
import { ConnectionMessageLine, useConnectionAction, type KeyConnectionProps } from './use-connection-action';
import './vendor-connection.css';

type AuthMethod = 'token' | 'oauth';

/**
 * The "kintone" card of the options page: the kintone address and the SFA app, then how Baton signs in (the app's
 * API token and the activity app's, or the company's kintone OAuth client with a sign-in window), then the field
 * mapping. Saved tokens and the client secret are never shown again: an empty field keeps them.
 */
export function KintoneConnection({ storage, fetchImpl, now = Date.now, identity }: KeyConnectionProps & { identity?: IdentityApi }) {
  const { t } = useI18n();
  const forget = useForgetKey('kintone', storage);
  const ids = {
    domain: useId(),
    app: useId(),
    guest: useId(),
    token: useId(),
    actToken: useId(),
    login: useId(),
    loginHint: useId(),
    warn: useId(),
    hint: useId(),
    method: useId(),
    clientId: useId(),
    clientSecret: useId(),
    secretWarn: useId(),
    redirect: useId(),
    redirectHint: useId(),
  };
  const [method, setMethod] = useState<AuthMethod>('token');
  const [savedMethod, setSavedMethod] = useState<AuthMethod | undefined>();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [copied, setCopied] = useState(false);
  const [domain, setDomain] = useState('');
  const [appId, setAppId] = useState('');
  const [guestSpaceId, setGuestSpaceId] = useState('');
  const [token, setToken] = useState('');
  const [activityToken, setActivityToken] = useState('');
  const [loginName, setLoginName] = useState('');
  const [connected, setConnected] = useState(false);
  const [mapping, setMapping] = useState<SavedMapping | null>(null);
  const connection = useKintoneConnection({ storage, fetchImpl, now, identity });

  const refresh = useCallback(async () => {
    const read = await connection.read();
    // Connected: tokens saved, or signed in through the saved OAuth client.
    setConnected(read.settings !== undefined && (read.settings.auth === 'token' || read.signedIn));
    setSavedMethod(read.settings?.auth);
    setMapping(read.mapping);
    if (read.settings) {
      setMethod(read.settings.auth);
      setClientId(read.settings.clientId);
      setDomain(read.settings.domain);
      setAppId(read.settings.appId);
      setGuestSpaceId(read.settings.guestSpaceId);
      setLoginName(read.settings.loginName);
    }
  }, [connection]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  const { busy, message, run } = useConnectionAction(refresh);

  function onSave(e: FormEvent) {
    e.preventDefault();
    if (method === 'oauth') {
      void run(async () => {
        const done = await connection.signIn({ auth: 'oauth', domain, appId, guestSpaceId, token: '', activityToken: '', clientId, clientSecret, loginName });
        setClientSecret('');
        return { tone: 'ok', text: t('connections.kintone.signedInDone', { domain: done.domain }) };
      });
      return;
    }
    void run(async () => {
      await connection.save({ auth: 'token', domain, appId, guestSpaceId, token, activityToken, loginName });
      setToken('');
      setActivityToken('');
      return { tone: 'ok', text: t('connections.kintone.saved') };
    });
  }

  function onTest() {
    void run(async () => {
      const r = await connection.test();
      return r.ok ? { tone: 'ok', text: t('connections.kintone.testOk') } : { tone: 'error', text: t('connections.kintone.testFailed', { message: r.error.message }) };
    });
  }

  async function onCopy() {
    await navigator.clipboard?.writeText(connection.redirectUri);
    setCopied(true);
  }

  const oauth = method === 'oauth';
  const status = !connected
    ? t('connections.kintone.notConnected')
    : savedMethod === 'oauth'
      ? t('connections.kintone.signedIn', { domain })
      : t('connections.kintone.connected');
  return (
    <section className="vendor-conn" aria-labelledby={`${ids.domain}-title`}>
      <h3 id={`${ids.domain}-title`}>{t('connections.kintone.title')}</h3>
      <p className="vendor-conn-status">{status}</p>
      <p className="vendor-conn-hint">{oauth ? t('connections.kintone.oauthIntro', { scopes: connection.scopes }) : t('connections.kintone.intro')}</p>
      <form onSubmit={onSave}>
        <label htmlFor={ids.domain}>{t('connections.kintone.domain')}</label>
        <input id={ids.domain} autoComplete="off" spellCheck={false} value={domain} placeholder="example.cybozu.com" onChange={(e) => setDomain(e.target.value)} />
        <label htmlFor={ids.app}>{t('connections.kintone.appId')}</label>
        <input id={ids.app} inputMode="numeric" value={appId} aria-describedby={ids.hint} onChange={(e) => setAppId(e.target.value.replace(/\D/g, ''))} />
        <p className="vendor-conn-hint" id={ids.hint}>{t('connections.kintone.appIdHint')}</p>
        <label htmlFor={ids.guest}>{t('connections.kintone.guestSpace')}</label>
        <input id={ids.guest} inputMode="numeric" value={guestSpaceId} onChange={(e) => setGuestSpaceId(e.target.value.replace(/\D/g, ''))} />
        <fieldset className="vendor-conn-choice" aria-labelledby={ids.method}>
          <legend id={ids.method}>{t('connections.kintone.authMethod')}</legend>
          <label>
            <input type="radio" name={ids.method} value="token" checked={!oauth} onChange={() => setMethod('token')} /> {t('connections.kintone.auth.token')}
          </label>
          <label>
            <input type="radio" name={ids.method} value="oauth" checked={oauth} onChange={() => setMethod('oauth')} /> {t('connections.kintone.auth.oauth')}
          </label>
        </fieldset>
        {oauth ? (
          <>
            <label htmlFor={ids.clientId}>{t('connections.kintone.clientId')}</label>
            <input id={ids.clientId} autoComplete="off" spellCheck={false} value={clientId} onChange={(e) => setClientId(e.target.value)} />
            <label htmlFor={ids.clientSecret}>{t('connections.kintone.clientSecret')}</label>
            <input
              id={ids.clientSecret}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={clientSecret}
              placeholder={savedMethod === 'oauth' ? '••••••••' : ''}
              aria-describedby={ids.secretWarn}
              onChange={(e) => setClientSecret(e.target.value)}
            />
            <p className="vendor-conn-warn" id={ids.secretWarn} role="note">{t('connections.kintone.clientSecretWarning')}</p>
            <label htmlFor={ids.redirect}>{t('connections.kintone.redirectUri')}</label>
            <div className="vendor-conn-actions">
              <input id={ids.redirect} value={connection.redirectUri} readOnly aria-describedby={ids.redirectHint} />
              <button type="button" onClick={() => void onCopy()}>{copied ? t('connections.salesforce.copied') : t('connections.salesforce.copy')}</button>
            </div>
            <p className="vendor-conn-hint" id={ids.redirectHint}>{t('connections.kintone.redirectHint')}</p>
          </>
        ) : (
          <>
            <label htmlFor={ids.token}>{t('connections.kintone.token')}</label>
            <input id={ids.token} type="password" autoComplete="off" spellCheck={false} value={token} placeholder={connected && savedMethod === 'token' ? '••••••••' : ''} aria-describedby={ids.warn} onChange={(e) => setToken(e.target.value)} />
            <label htmlFor={ids.actToken}>{t('connections.kintone.activityToken')}</label>
            <input id={ids.actToken} type="password" autoComplete="off" spellCheck={false} value={activityToken} onChange={(e) => setActivityToken(e.target.value)} />
          </>
        )}
        <label htmlFor={ids.login}>{t('connections.kintone.loginName')}</label>
        <input id={ids.login} autoComplete="off" spellCheck={false} value={loginName} aria-describedby={ids.loginHint} onChange={(e) => setLoginName(e.target.value)} />
        <p className="vendor-conn-hint" id={ids.loginHint}>{t('connections.kintone.loginNameHint')}</p>
        {oauth ? null : <p className="vendor-conn-warn" id={ids.warn} role="note">{t('connections.kintone.secretWarning')}</p>}
        <div className="vendor-conn-actions">
          <button type="submit" disabled={busy}>{oauth ? t('connections.kintone.signIn') : t('connections.kintone.save')}</button>
          <button type="button" disabled={busy || !connected} onClick={onTest}>{t('connections.kintone.test')}</button>
        </div>
      </form>
      {connected ? <KintoneMapping connection={connection} saved={mapping} busy={busy} run={run} /> : null}
      {connected ? (
        <DisconnectControl
          system="kintone"
          vendor={t('connections.kintone.title')}
          {...(savedMethod === 'oauth' ? { label: 'connections.kintone.signOut' as const } : {})}
          forget={savedMethod === 'oauth' ? connection.signOut : forget}
          onDone={(text) => void run(async () => ({ tone: 'ok', text }))}
        />
      ) : null}
      <ConnectionMessageLine message={message} />
    </section>
  );
}
