import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { KeyValueStore } from '../../lib/connectors/local-store';
import { testHubSpotConnection } from '../../lib/connectors/hubspot/hubspot-connector';
import { readHubSpotSettings, readHubSpotStatus, saveHubSpotSettings, type HubSpotStatus } from '../../lib/connectors/hubspot/settings';
import { useI18n } from '../i18n/i18n-provider';
import './vendor-connection.css';

export interface HubSpotConnectionProps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

type Message = { tone: 'ok' | 'error'; text: string } | null;

/**
 * The "HubSpot" card of the options page. The saved token is never shown again or put back into the input:
 * leaving the field empty keeps it, typing a new one replaces it.
 */
export function HubSpotConnection({ storage, fetchImpl, now = Date.now }: HubSpotConnectionProps) {
  const { t, number, dateTime } = useI18n();
  const ids = { token: useId(), tokenHint: useId(), warn: useId(), tz: useId() };
  const [token, setToken] = useState('');
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [connected, setConnected] = useState(false);
  const [status, setStatus] = useState<HubSpotStatus>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const [s, st] = await Promise.all([readHubSpotSettings(storage), readHubSpotStatus(storage)]);
    setConnected(s !== null);
    if (s) setTimeZone(s.timeZone);
    setStatus(st);
  }, [storage]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function onSave(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await readHubSpotSettings(storage);
      await saveHubSpotSettings(storage, { ...saved, accessToken: token.trim() || saved?.accessToken || '', timeZone });
      setToken('');
      setMessage({ tone: 'ok', text: t('connections.hubspot.saved') });
    } catch (err) {
      setMessage({ tone: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  async function onTest() {
    setBusy(true);
    setMessage(null);
    try {
      const r = await testHubSpotConnection({ storage, fetchImpl, now });
      setMessage(r.ok ? { tone: 'ok', text: t('connections.hubspot.testOk') } : { tone: 'error', text: t('connections.hubspot.testFailed', { message: r.error.message }) });
    } finally {
      setBusy(false);
      await refresh();
    }
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
          <button type="button" disabled={busy || !connected} onClick={() => void onTest()}>{t('connections.hubspot.test')}</button>
        </div>
      </form>
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
      {message ? (
        <p className={message.tone === 'ok' ? 'vendor-conn-ok' : 'vendor-conn-error'} role={message.tone === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
