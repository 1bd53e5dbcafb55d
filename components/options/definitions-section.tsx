import { useId, useState, type ChangeEvent } from 'react';
import { browser } from 'wxt/browser';
import { exportDefinitions, type DefinitionsIssue } from '../../lib/domain/definitions/parse-definitions';
import { importDefinitionsFile } from '../../lib/definitions/import-definitions-file';
import { checkDefinitionsUrl, loadDefinitionsFromUrl } from '../../lib/definitions/load-from-url';
import { definitionsRefreshResultSchema, type DefinitionsRefreshResult } from '../../lib/messaging/messages';
import { useBatonDeps } from '../../lib/queries/baton-deps';
import { useDefinitions, useSaveDefinitions } from '../../lib/queries/use-definitions';
import type { DefinitionsRecord } from '../../lib/store/definitions-repo';
import { useI18n } from '../i18n/i18n-context';
import { DefinitionsSourceLine } from '../definitions/definitions-source-line';
import { Card } from '../ui/card';
import { Check } from 'lucide-react';
import { Icon } from '../ui/icon';

/** Host access for a team URL is asked at the moment of use (optional_host_permissions), never up front. */
async function requestOriginAccess(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [`${origin}/*`] });
  } catch {
    return false;
  }
}

/**
 * "Check for updates now": the background worker re-reads managed configuration, else the team URL, saves
 * what it gets (the panel and this page follow through Dexie's live queries) and answers with what is in force.
 */
async function askBackgroundToRefresh(): Promise<DefinitionsRefreshResult> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'baton/definitions-refresh' });
  const parsed = definitionsRefreshResultSchema.safeParse(reply);
  if (!parsed.success) throw new Error('The background worker did not answer; reload the extension and try again.');
  return parsed.data;
}

function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Outcome = { kind: 'ok'; message: string } | { kind: 'errors'; errors: DefinitionsIssue[] } | { kind: 'error'; message: string } | null;

export function DefinitionsSection({
  requestAccess = requestOriginAccess,
  fetchImpl,
  refreshNow = askBackgroundToRefresh,
}: {
  requestAccess?: (origin: string) => Promise<boolean>;
  fetchImpl?: typeof fetch;
  refreshNow?: () => Promise<DefinitionsRefreshResult>;
}) {
  const { t, l, date } = useI18n();
  const { now } = useBatonDeps();
  const { current, definitions } = useDefinitions();
  const saveDefinitions = useSaveDefinitions();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const fileId = useId();
  const urlId = useId();
  const source = current?.source ?? 'default';

  /**
   * Keeps the user's own choice (the background returns to its URL when IT stops managing the definitions).
   * While IT manages them, theirs win: the background is asked to put them back at once, not at the next alarm.
   */
  const saveOwn = async (record: DefinitionsRecord) => {
    await saveDefinitions(record);
    if (source === 'managed') await refreshNow().catch(() => undefined);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const result = importDefinitionsFile(await file.text(), file.name, now());
    if (!result.ok) {
      setOutcome({ kind: 'errors', errors: result.errors });
      return;
    }
    await saveOwn(result.record);
    setOutcome({ kind: 'ok', message: t('opt.importOk', { version: result.record.definitions.version }) });
  };

  const onFetch = async () => {
    if (checkDefinitionsUrl(url) !== null) {
      setUrlError(t('opt.teamUrlInvalid'));
      return;
    }
    setUrlError(null);
    // Asked before any await: the permission prompt needs the click's user gesture.
    const granted = await requestAccess(new URL(url).origin);
    if (!granted) {
      setOutcome({ kind: 'error', message: t('opt.permissionDenied') });
      return;
    }
    const record = await loadDefinitionsFromUrl(url, current, fetchImpl ?? fetch, now());
    if (record.lastError) {
      setOutcome({ kind: 'error', message: record.lastError });
      return;
    }
    await saveOwn(record);
    setOutcome({ kind: 'ok', message: t('opt.teamUrlLoaded', { version: record.definitions.version }) });
  };

  const onRefresh = async () => {
    setRefreshing(true);
    try {
      const result = await refreshNow();
      setOutcome(
        result.ok
          ? { kind: 'ok', message: t('opt.defRefreshed', { version: result.version }) }
          : { kind: 'error', message: t('opt.defRefreshFailed', { error: result.error ?? '' }) },
      );
    } catch (error) {
      setOutcome({ kind: 'error', message: t('opt.defRefreshFailed', { error: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setRefreshing(false);
    }
  };

  const exportAs = (format: 'json' | 'yaml') =>
    download(
      `${definitions.id}-v${definitions.version}.${format === 'json' ? 'json' : 'yaml'}`,
      exportDefinitions(definitions, format),
      format === 'json' ? 'application/json' : 'application/yaml',
    );

  return (
    <Card title={t('opt.definitions')}>
      <p>
        <strong>{l(definitions.name)}</strong>
      </p>
      <p>{t('opt.defInForce', { version: definitions.version, date: date(Date.parse(definitions.effectiveFrom)) })}</p>
      <DefinitionsSourceLine record={current} />
      {source === 'managed' && <p className="small muted">{t('opt.defManagedNote')}</p>}
      <div>
        <button type="button" disabled={refreshing} aria-busy={refreshing} onClick={() => void onRefresh()}>
          {t('opt.defRefresh')}
        </button>
      </div>

      <div className="field">
        <label htmlFor={fileId}>{t('opt.import')}</label>
        <input id={fileId} type="file" accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml" onChange={(e) => void onFile(e)} />
      </div>

      <div className="field">
        <label htmlFor={urlId}>{t('opt.teamUrl')}</label>
        <input
          id={urlId}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={url}
          aria-invalid={urlError !== null}
          aria-describedby={`${urlId}-hint`}
          onChange={(e) => setUrl(e.target.value.trim())}
        />
        <span id={`${urlId}-hint`} className="small muted">
          {urlError ? <span className="error-text">{urlError}</span> : t('opt.teamUrlHint')}
        </span>
        <div>
          <button type="button" onClick={() => void onFetch()}>
            {t('opt.teamUrlLoad')}
          </button>
        </div>
      </div>

      <div role="status" aria-live="polite">
        {outcome?.kind === 'ok' && (
          <p className="state-sent">
            <Icon icon={Check} /> {outcome.message}
          </p>
        )}
        {outcome?.kind === 'error' && <p className="error-text">{outcome.message}</p>}
        {outcome?.kind === 'errors' && (
          <div className="error-text">
            <p>{t('opt.importErrors')}</p>
            <ul>
              {outcome.errors.map((e, i) => (
                <li key={`${e.path}-${i}`}>
                  <code>{e.path || '(root)'}</code>: {l(e.message)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <p className="small muted">{t('opt.exportHint')}</p>
      <div className="row">
        <button type="button" onClick={() => exportAs('json')}>
          {t('opt.exportJson')}
        </button>
        <button type="button" onClick={() => exportAs('yaml')}>
          {t('opt.exportYaml')}
        </button>
      </div>
    </Card>
  );
}
