import { browser } from 'wxt/browser';
import type { ConnectorError } from '../../lib/connectors/connector';
import type { SystemId } from '../../lib/domain/model';
import type { UnsupportedPage } from '../../lib/sites/describe-page';
import { useI18n } from '../i18n/i18n-context';
import { Clock, TriangleAlert, WifiOff } from 'lucide-react';
import { Icon } from '../ui/icon';

/** Extension pages only: `browser.tabs.create` needs no permission, and the URL is the extension's own. */
export function openExtensionPage(path: '/demo-sfa.html' | '/demo-ma.html' | '/options.html' | '/team.html'): void {
  // getURL's typed paths are generated per build; the demo pages may be built after this file compiles.
  const getURL = browser.runtime.getURL as (p: string) => string;
  void browser.tabs.create({ url: getURL(path) });
}


/** No supported record in the active tab: say what to open instead, and offer the demo. */
export function UnsupportedPageState({
  code,
  onTryDemo = () => openExtensionPage('/demo-sfa.html'),
}: {
  code?: UnsupportedPage | null;
  onTryDemo?: () => void;
}) {
  const { t } = useI18n();
  return (
    <section className="card stack" aria-labelledby="unsupported-title">
      <h1 id="unsupported-title">{t('state.unsupported.title')}</h1>
      {code && <p>{t(`state.unsupported.${code}`)}</p>}
      <p>{t('state.unsupported.body')}</p>
      <button type="button" className="primary" onClick={onTryDemo}>
        {t('state.tryDemo')}
      </button>
    </section>
  );
}

export function NotConnected({ vendor, onOpenOptions = () => void browser.runtime.openOptionsPage() }: { vendor: SystemId; onOpenOptions?: () => void }) {
  const { t } = useI18n();
  const name = t(`system.${vendor}`);
  return (
    <section className="card stack" aria-labelledby="not-connected-title">
      <h1 id="not-connected-title">{t('state.notConnected.title', { vendor: name })}</h1>
      <p>{t('state.notConnected.body', { vendor: name })}</p>
      <button type="button" className="primary" onClick={onOpenOptions}>
        {t('state.openOptions')}
      </button>
    </section>
  );
}

/** Placeholder shapes of the real cards, so the layout does not jump when data arrives. */
export function LoadingSkeleton() {
  const { t } = useI18n();
  return (
    <div className="stack" aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('app.loading')}
      </p>
      {[0, 1, 2].map((i) => (
        <div className="card" key={i} aria-hidden="true">
          <div className="skeleton" style={{ width: '40%' }} />
          <div className="skeleton tall" />
          <div className="skeleton" style={{ width: '70%' }} />
        </div>
      ))}
    </div>
  );
}

/** Which vendor, why (in words, plus the vendor's own text and code), and what to do: retry. */
export function ErrorState({ vendor, error, onRetry }: { vendor: SystemId; error: ConnectorError | Error; onRetry: () => void }) {
  const { t } = useI18n();
  const kind = 'kind' in error ? (error as ConnectorError).kind : undefined;
  const code = 'code' in error ? (error as ConnectorError).code : undefined;
  return (
    <section className="banner error stack" role="alert">
      <h1>
        <Icon icon={TriangleAlert} />{' '}
        {t('state.error.title', { vendor: t(`system.${vendor}`) })}
      </h1>
      <p>{kind ? t(`error.${kind}`) : t('error.unknown')}</p>
      {error.message && <p className="small">{t('state.error.reason', { reason: error.message })}</p>}
      {code && <p className="small muted">{t('state.error.code', { code })}</p>}
      <button type="button" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </section>
  );
}

/** Cached data stays on screen when the vendor cannot be reached; the banner says how old it is. */
export function FreshnessBanner({
  status,
  fetchedAt,
  sources,
  onRetry,
}: {
  status: 'stale' | 'offline';
  fetchedAt: number;
  sources: readonly SystemId[];
  onRetry: () => void;
}) {
  const { t, dateTime, locale } = useI18n();
  const source = sources.map((s) => t(`system.${s}`)).join(locale === 'ja' ? '・' : ', ');
  return (
    <div className={`banner ${status}`} role="status">
      <Icon icon={status === 'offline' ? WifiOff : Clock} />
      <span>{status === 'offline' ? t('state.offline', { time: dateTime(fetchedAt) }) : t('state.stale', { time: dateTime(fetchedAt), source })}</span>
      <button type="button" onClick={onRetry}>
        {t('state.retry')}
      </button>
    </div>
  );
}

export function AsOf({ fetchedAt, sources }: { fetchedAt: number; sources: readonly SystemId[] }) {
  const { t, dateTime, locale } = useI18n();
  const source = sources.map((s) => t(`system.${s}`)).join(locale === 'ja' ? '・' : ', ');
  return <p className="small muted">{t('state.asOf', { time: dateTime(fetchedAt), source })}</p>;
}
