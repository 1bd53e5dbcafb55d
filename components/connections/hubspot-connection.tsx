import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { HubSpotStatus } from '../../lib/connectors/hubspot/settings';
import { useHubSpotConnection } from '../../lib/queries/use-key-connections';
import { useI18n } from '../i18n/i18n-context';
import { useForgetKey } from '../../lib/queries/use-disconnect';
import { DisconnectControl } from './disconnect-control';
import { ConnectionMessageLine, useConnectionAction, type KeyConnectionProps } from './use-connection-action';
import './vendor-connection.css';

/**
 * The "HubSpot" card of the options page. The saved token is never shown again or put back into the input:
 * leaving the field empty keeps it, typing a new one replaces it.
 */
export function HubSpotConnection({ storage, fetchImpl, now = Date.now }: KeyConnectionProps) {
  const { t, number, dateTime } = useI18n();
  const forget = useForgetKey('hubspot', storage);
  const ids = { token: useId(), tokenHint: useId(), warn: useId(), tz: useId() };
  const [token, setToken] = useState('');
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [connected, setConnected] = useState(false);
  const [status, setStatus] = useState<HubSpotStatus>({});
  const connection = useHubSpotConnection({ storage, fetchImpl, now });

  const refresh = useCallback(async () => {
    const read = await connection.read();
    setConnected(read.connected);
    if (read.timeZone) setTimeZone(read.timeZone);
    setStatus(read.status);
  }, [connection]);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  const { busy, message, run } = useConnectionAction(refresh);

  function onSave(e: FormEvent) {
    e.preventDefault();
    void run(async () => {
      await connection.save({ token, timeZone });
      setToken('');
      return { tone: 'ok', text: t('connections.hubspot.saved') };
    });
  }

  function onTest() {
    void run(async () => {
      const r = await connection.test();
      return r.ok ? { tone: 'ok', text: t('connections.hubspot.testOk') } : { tone: 'error', text: t('connections.hubspot.testFailed', { message: r.error.message }) };
    });
  }

  const rl = status.rateLimit;
  return (
    <section className="vendor-conn" aria-labelledby={`${ids.token}-title`}>
      <h3 id={`${ids.token}-title`}>{t('connections.hubspot.title')}</h3>
      <p className="vendor-conn-status">{connected ? t('connections.hubspot.connected') : t('connections.hubspot.notConnected')}</p>
      <p className="vendor-conn-hint">{t('connections.hubspot.intro')}</p>
      <form onSubmit={onSave}>
        <label htmlFor={ids.token}>{t('connections.hubspot.token')}</label>
        <input
          id={ids.token}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          placeholder={connected ? '••••••••' : 'pat-na1-…'}
          aria-describedby={`${ids.tokenHint} ${ids.warn}`}
          onChange={(e) => setToken(e.target.value)}
        />
        <p className="vendor-conn-hint" id={ids.tokenHint}>{t('connections.hubspot.tokenHint')}</p>
        <p className="vendor-conn-warn" id={ids.warn} role="note">{t('connections.hubspot.secretWarning')}</p>
        <label htmlFor={ids.tz}>{t('connections.hubspot.timeZone')}</label>
        <input id={ids.tz} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
        <div className="vendor-conn-actions">
          <button type="submit" disabled={busy}>{t('connections.hubspot.save')}</button>
          <button type="button" disabled={busy || !connected} onClick={onTest}>{t('connections.hubspot.test')}</button>
        </div>
      </form>
      {connected ? (
        <DisconnectControl system="hubspot" vendor={t('connections.hubspot.title')} forget={forget} onDone={(text) => void run(async () => ({ tone: 'ok', text }))} />
      ) : null}
      {rl && rl.remaining !== undefined && rl.max !== undefined ? (
        <p className="vendor-conn-status">
          {t('connections.hubspot.usage', {
            remaining: number(rl.remaining),
            max: number(rl.max),
            dailyRemaining: rl.dailyRemaining !== undefined ? number(rl.dailyRemaining) : '—',
            daily: rl.daily !== undefined ? number(rl.daily) : '—',
          })}
        </p>
      ) : null}
      {status.dailyStopUntil && status.dailyStopUntil > now() ? (
        <p className="vendor-conn-warn" role="status">{t('connections.hubspot.dailyStopped', { time: dateTime(status.dailyStopUntil) })}</p>
      ) : null}
      <ConnectionMessageLine message={message} />
    </section>
  );
}
