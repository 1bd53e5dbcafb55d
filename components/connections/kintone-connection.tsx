import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { KintoneMapping as SavedMapping } from '../../lib/connectors/kintone/settings';
import { useKintoneConnection } from '../../lib/queries/use-kintone-connection';
import { useForgetKey } from '../../lib/queries/use-disconnect';
import { useI18n } from '../i18n/i18n-provider';
import { DisconnectControl } from './disconnect-control';
import { KintoneMapping } from './kintone-mapping';
import { ConnectionMessageLine, useConnectionAction, type KeyConnectionProps } from './use-connection-action';
import './vendor-connection.css';

/**
 * The "kintone" card of the options page: the kintone address, the SFA app and its API token (and the activity
 * app's), then the field mapping. Saved tokens are never shown again: an empty field keeps them.
 */
export function KintoneConnection({ storage, fetchImpl, now = Date.now }: KeyConnectionProps) {
  const { t } = useI18n();
  const forget = useForgetKey('kintone', storage);
  const ids = { domain: useId(), app: useId(), guest: useId(), token: useId(), actToken: useId(), login: useId(), loginHint: useId(), warn: useId(), hint: useId() };
  const [domain, setDomain] = useState('');
  const [appId, setAppId] = useState('');
  const [guestSpaceId, setGuestSpaceId] = useState('');
  const [token, setToken] = useState('');
  const [activityToken, setActivityToken] = useState('');
  const [loginName, setLoginName] = useState('');
  const [connected, setConnected] = useState(false);
  const [mapping, setMapping] = useState<SavedMapping | null>(null);
  const connection = useKintoneConnection({ storage, fetchImpl, now });

  const refresh = useCallback(async () => {
    const read = await connection.read();
    setConnected(read.settings !== undefined);
    setMapping(read.mapping);
    if (read.settings) {
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
    void run(async () => {
      await connection.save({ domain, appId, guestSpaceId, token, activityToken, loginName });
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

  return (
    <section className="vendor-conn" aria-labelledby={`${ids.domain}-title`}>
      <h3 id={`${ids.domain}-title`}>{t('connections.kintone.title')}</h3>
      <p className="vendor-conn-status">{connected ? t('connections.kintone.connected') : t('connections.kintone.notConnected')}</p>
      <p className="vendor-conn-hint">{t('connections.kintone.intro')}</p>
      <form onSubmit={onSave}>
        <label htmlFor={ids.domain}>{t('connections.kintone.domain')}</label>
        <input id={ids.domain} autoComplete="off" spellCheck={false} value={domain} placeholder="example.cybozu.com" onChange={(e) => setDomain(e.target.value)} />
        <label htmlFor={ids.app}>{t('connections.kintone.appId')}</label>
        <input id={ids.app} inputMode="numeric" value={appId} aria-describedby={ids.hint} onChange={(e) => setAppId(e.target.value.replace(/\D/g, ''))} />
        <p className="vendor-conn-hint" id={ids.hint}>{t('connections.kintone.appIdHint')}</p>
        <label htmlFor={ids.guest}>{t('connections.kintone.guestSpace')}</label>
        <input id={ids.guest} inputMode="numeric" value={guestSpaceId} onChange={(e) => setGuestSpaceId(e.target.value.replace(/\D/g, ''))} />
        <label htmlFor={ids.token}>{t('connections.kintone.token')}</label>
        <input id={ids.token} type="password" autoComplete="off" spellCheck={false} value={token} placeholder={connected ? '••••••••' : ''} aria-describedby={ids.warn} onChange={(e) => setToken(e.target.value)} />
        <label htmlFor={ids.actToken}>{t('connections.kintone.activityToken')}</label>
        <input id={ids.actToken} type="password" autoComplete="off" spellCheck={false} value={activityToken} onChange={(e) => setActivityToken(e.target.value)} />
        <label htmlFor={ids.login}>{t('connections.kintone.loginName')}</label>
        <input id={ids.login} autoComplete="off" spellCheck={false} value={loginName} aria-describedby={ids.loginHint} onChange={(e) => setLoginName(e.target.value)} />
        <p className="vendor-conn-hint" id={ids.loginHint}>{t('connections.kintone.loginNameHint')}</p>
        <p className="vendor-conn-warn" id={ids.warn} role="note">{t('connections.kintone.secretWarning')}</p>
        <div className="vendor-conn-actions">
          <button type="submit" disabled={busy}>{t('connections.kintone.save')}</button>
          <button type="button" disabled={busy || !connected} onClick={onTest}>{t('connections.kintone.test')}</button>
        </div>
      </form>
      {connected ? <KintoneMapping connection={connection} saved={mapping} busy={busy} run={run} /> : null}
      {connected ? (
        <DisconnectControl system="kintone" vendor={t('connections.kintone.title')} forget={forget} onDone={(text) => void run(async () => ({ tone: 'ok', text }))} />
      ) : null}
      <ConnectionMessageLine message={message} />
    </section>
  );
}
