import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { StoredAuth } from '../../lib/connectors/salesforce/auth';
import type { SalesforceBrowserDeps } from '../../lib/connectors/salesforce/browser-deps';
import type { OrgFacts } from '../../lib/connectors/salesforce/org';
import type { LoginHostKind } from '../../lib/connectors/salesforce/settings';
import { SALESFORCE_LOGIN_HOST_KINDS, useSalesforceConnection } from '../../lib/queries/use-salesforce-connection';
import type { MessageKey } from '../../lib/i18n/messages-ja';
import { useI18n } from '../i18n/i18n-context';
import { DisconnectControl } from './disconnect-control';
import './salesforce-connection.css';

export interface SalesforceConnectionProps {
  deps: SalesforceBrowserDeps;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

interface Form {
  consumerKey: string;
  loginHostKind: LoginHostKind;
  myDomainHost: string;
  businessUnitId: string;
  feedbackField: string;
  sessionFallback: boolean;
}

const EMPTY: Form = { consumerKey: '', loginHostKind: 'production', myDomainHost: '', businessUnitId: '', feedbackField: '', sessionFallback: false };
const FIELD_MESSAGES: Record<string, MessageKey> = {
  consumerKey: 'connections.salesforce.invalid.consumerKey',
  myDomainHost: 'connections.salesforce.invalid.myDomainHost',
  businessUnitId: 'connections.salesforce.invalid.businessUnitId',
  feedbackField: 'connections.salesforce.invalid.feedbackField',
};

/** Empty optional inputs mean "not set", not an empty value to validate. */
function toSettingsInput(f: Form) {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    version: 1,
    consumerKey: f.consumerKey,
    loginHostKind: f.loginHostKind,
    myDomainHost: f.loginHostKind === 'mydomain' ? opt(f.myDomainHost) : undefined,
    businessUnitId: opt(f.businessUnitId),
    feedbackField: opt(f.feedbackField),
    sessionFallback: f.sessionFallback,
  };
}

/** The "Salesforce" card of the options page's Connections section. */
export function SalesforceConnection({ deps, fetchImpl, now = Date.now }: SalesforceConnectionProps) {
  const { t, number } = useI18n();
  const ids = { key: useId(), host: useId(), bu: useId(), field: useId(), fallback: useId(), fallbackHint: useId(), redirect: useId() };
  const [form, setForm] = useState<Form>(EMPTY);
  const [auth, setAuth] = useState<StoredAuth | null>(null);
  const [facts, setFacts] = useState<OrgFacts | null>(null);
  const [usage, setUsage] = useState<{ used: number; max: number; percent: number; paused: boolean } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, MessageKey>>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const connection = useSalesforceConnection({ deps, fetchImpl, now });
  const redirectUri = connection.redirectUri;

  const refresh = useCallback(async () => {
    const { settings: s, auth: a, facts: f, usage: u } = await connection.read();
    if (s) {
      setForm({
        consumerKey: s.consumerKey,
        loginHostKind: s.loginHostKind,
        myDomainHost: s.myDomainHost ?? '',
        businessUnitId: s.businessUnitId ?? '',
        feedbackField: s.feedbackField ?? '',
        sessionFallback: s.sessionFallback,
      });
    }
    setAuth(a);
    setFacts(f);
    setUsage(u);
  }, [connection]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  function onConnect(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    const checked = connection.validate(toSettingsInput(form));
    if ('invalidFields' in checked) {
      const errs: Record<string, MessageKey> = {};
      for (const field of checked.invalidFields) {
        if (FIELD_MESSAGES[field]) errs[field] = FIELD_MESSAGES[field];
      }
      setFieldErrors(errs);
      return;
    }
    setFieldErrors({});
    // Synchronously, inside the click: connect() asks the browser for permissions before any await.
    const connecting = connection.connect(checked.settings);
    setBusy(true);
    void (async () => {
      try {
        if (!(await connecting)) setError(t('connections.salesforce.permissionDenied'));
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
      } finally {
        setBusy(false);
        await refresh();
      }
    })();
  }

  /** After Sign out: <DisconnectControl/> asked about undelivered feedback, and the cache is purged. */
  async function onSignedOut(revoked: boolean) {
    setError(null);
    setNotice(t(revoked ? 'connections.salesforce.signedOut' : 'connections.salesforce.revokeFailed'));
    await refresh();
  }

  async function onCopy() {
    await navigator.clipboard?.writeText(redirectUri);
    setCopied(true);
  }

  const fieldError = (name: string, id: string) =>
    fieldErrors[name] ? (
      <p className="sf-conn-error" id={`${id}-err`}>
        {t(fieldErrors[name])}
      </p>
    ) : null;

  return (
    <section className="sf-conn" aria-labelledby={`${ids.key}-title`}>
      <h3 id={`${ids.key}-title`}>{t('connections.salesforce.title')}</h3>
      <p className="sf-conn-status" role="status">
        {auth ? t('connections.salesforce.connectedAs', { user: auth.username ?? auth.userId ?? '?', instance: new URL(auth.instanceUrl).host }) : t('connections.salesforce.notConnected')}
      </p>
      {auth && facts && <p>{t('connections.salesforce.apiVersion', { version: facts.apiVersion })}</p>}
      {auth && usage && (
        <>
          <p>
            {t('connections.salesforce.apiUsage', { used: number(usage.used), max: number(usage.max), percent: number(usage.percent, 1) })}
          </p>
          {usage.paused && <p className="sf-conn-warn">{t('connections.salesforce.paused')}</p>}
        </>
      )}
      <p className="sf-conn-intro">{t('connections.salesforce.intro')}</p>

      <form onSubmit={onConnect} noValidate>
        <label htmlFor={ids.key}>{t('connections.salesforce.consumerKey')}</label>
        <input
          id={ids.key}
          value={form.consumerKey}
          onChange={(e) => set('consumerKey', e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={fieldErrors.consumerKey ? true : undefined}
          aria-describedby={fieldErrors.consumerKey ? `${ids.key}-err` : undefined}
        />
        {fieldError('consumerKey', ids.key)}

        <fieldset>
          <legend>{t('connections.salesforce.loginHost')}</legend>
          {SALESFORCE_LOGIN_HOST_KINDS.map((kind) => (
            <label key={kind} className="sf-conn-radio">
              <input type="radio" name="sf-login-host" value={kind} checked={form.loginHostKind === kind} onChange={() => set('loginHostKind', kind)} />
              {t(`connections.salesforce.loginHost.${kind}`)}
            </label>
          ))}
          {form.loginHostKind === 'mydomain' && (
            <>
              <label htmlFor={ids.host}>{t('connections.salesforce.myDomainHost')}</label>
              <input
                id={ids.host}
                value={form.myDomainHost}
                onChange={(e) => set('myDomainHost', e.target.value)}
                placeholder="acme.my.salesforce.com"
                spellCheck={false}
                aria-invalid={fieldErrors.myDomainHost ? true : undefined}
                aria-describedby={fieldErrors.myDomainHost ? `${ids.host}-err` : undefined}
              />
              {fieldError('myDomainHost', ids.host)}
            </>
          )}
        </fieldset>

        <label htmlFor={ids.redirect}>{t('connections.salesforce.redirectUri')}</label>
        <div className="sf-conn-copy">
          <input id={ids.redirect} value={redirectUri} readOnly />
          <button type="button" onClick={() => void onCopy()}>
            {copied ? t('connections.salesforce.copied') : t('connections.salesforce.copy')}
          </button>
        </div>

        <label htmlFor={ids.bu}>{t('connections.salesforce.businessUnit')}</label>
        <input
          id={ids.bu}
          value={form.businessUnitId}
          onChange={(e) => set('businessUnitId', e.target.value)}
          placeholder="0Uv…"
          spellCheck={false}
          aria-invalid={fieldErrors.businessUnitId ? true : undefined}
          aria-describedby={fieldErrors.businessUnitId ? `${ids.bu}-err` : undefined}
        />
        <p className="sf-conn-hint">{t('connections.salesforce.businessUnitHint')}</p>
        {fieldError('businessUnitId', ids.bu)}

        <label htmlFor={ids.field}>{t('connections.salesforce.feedbackField')}</label>
        <input
          id={ids.field}
          value={form.feedbackField}
          onChange={(e) => set('feedbackField', e.target.value)}
          spellCheck={false}
          aria-invalid={fieldErrors.feedbackField ? true : undefined}
          aria-describedby={fieldErrors.feedbackField ? `${ids.field}-err` : undefined}
        />
        {fieldError('feedbackField', ids.field)}

        <label className="sf-conn-check">
          <input
            id={ids.fallback}
            type="checkbox"
            checked={form.sessionFallback}
            onChange={(e) => set('sessionFallback', e.target.checked)}
            aria-describedby={ids.fallbackHint}
          />
          {t('connections.salesforce.sessionFallback')}
        </label>
        <p className="sf-conn-hint" id={ids.fallbackHint}>
          {t('connections.salesforce.sessionFallbackHint')}
        </p>

        {error && (
          <p className="sf-conn-error" role="alert">
            {error}
          </p>
        )}
        {notice && <p role="status">{notice}</p>}

        <div className="sf-conn-actions">
          <button type="submit" disabled={busy}>
            {busy ? t('connections.salesforce.connecting') : t('connections.salesforce.connect')}
          </button>
          {auth && (
            <DisconnectControl
              system="salesforce"
              vendor="Salesforce"
              forget={connection.signOut}
              label="connections.salesforce.signOut"
              disabled={busy}
              onDone={(_text, { revoked }) => void onSignedOut(revoked)}
            />
          )}
        </div>
      </form>
    </section>
  );
}
