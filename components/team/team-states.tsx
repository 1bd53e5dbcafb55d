import { CircleAlert, Clock, RefreshCw } from 'lucide-react';
import type { SystemId } from '../../lib/domain/model';
import type { TeamSyncRow, TeamSyncView } from '../../lib/queries/use-team-sync';
import { useI18n } from '../i18n/i18n-context';
import { TeamDataSection } from '../options/team-data-section';
import { Icon } from '../ui/icon';

/** A snapshot older than this is stale: the daily alarm should have refreshed it (a day and a half, for slack). */
export const STALE_AFTER_MS = 36 * 3_600_000;
const DEFAULT_SYNC_DAYS = 180;

export type SyncSummary = {
  /** No system has completed a sync (and none is running): the figures have nothing to count yet. */
  noData: boolean;
  running: TeamSyncRow[];
  failed: TeamSyncRow[];
  stale: TeamSyncRow[];
  newestCompleteAt: number | null;
};

export function summarizeSync(rows: TeamSyncRow[], now: number): SyncSummary {
  const complete = rows.map((r) => r.state?.lastCompleteAt).filter((at): at is number => at !== undefined);
  const running = rows.filter((r) => r.progress?.status === 'running');
  return {
    noData: complete.length === 0 && running.length === 0,
    running,
    failed: rows.filter((r) => r.progress?.status !== 'running' && r.state?.error),
    stale: rows.filter((r) => r.progress?.status !== 'running' && r.state?.lastCompleteAt !== undefined && now - r.state.lastCompleteAt > STALE_AFTER_MS),
    newestCompleteAt: complete.length ? Math.max(...complete) : null,
  };
}

/** No team data yet: what the page needs, and the options' Team data card to start the first sync right here. */
export function NoTeamData() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <section className="banner" role="status">
        <h2>{t('teamPage.state.noData')}</h2>
        <p>{t('teamPage.state.noDataBody')}</p>
      </section>
      <TeamDataSection />
    </div>
  );
}

/** Syncing, stale, partial: banners above the figures (the figures stay, drawn from what is stored). */
export function SyncBanners({ summary, sync }: { summary: SyncSummary; sync: TeamSyncView }) {
  const { t, number, dateTime } = useI18n();
  const name = (system: SystemId) => t(`system.${system}`);
  const periodDays = (row: TeamSyncRow) => (row.state ? Math.max(1, Math.round((row.state.period.to - row.state.period.from) / 86_400_000)) : DEFAULT_SYNC_DAYS);
  return (
    <>
      {summary.running.map((row) => (
        <section key={`run-${row.system}`} className="banner" role="status" aria-label={t('teamPage.state.syncing', { system: name(row.system) })}>
          <p>
            <Icon icon={RefreshCw} /> {t('teamPage.state.syncing', { system: name(row.system) })}{' '}
            {row.progress?.total !== undefined
              ? t('team.progress', { done: number(row.progress.done), total: number(row.progress.total) })
              : t('team.progressNoTotal', { done: number(row.progress?.done ?? 0) })}
          </p>
          <progress value={row.progress?.done ?? 0} max={row.progress?.total ?? undefined} aria-label={t('team.status.running')} />
        </section>
      ))}
      {summary.failed.map((row) => (
        <section key={`fail-${row.system}`} className="banner error" role="alert">
          <p>
            <Icon icon={CircleAlert} />{' '}
            {row.state?.error?.kind === 'paused'
              ? t('teamPage.state.paused', { system: name(row.system) })
              : t('teamPage.state.partial', { system: name(row.system), message: row.state?.error?.message ?? '' })}
          </p>
          <p className="small">
            {row.state?.lastCompleteAt ? t('teamPage.state.partialKept', { system: name(row.system), date: dateTime(row.state.lastCompleteAt) }) : t('teamPage.state.partialMissing', { system: name(row.system) })}
          </p>
          <button type="button" className="no-print" onClick={() => void sync.start(row.system, periodDays(row))}>
            {t('team.syncNow')}
          </button>
        </section>
      ))}
      {summary.stale.map((row) => (
        <section key={`stale-${row.system}`} className="banner stale" role="status">
          <p>
            <Icon icon={Clock} /> {t('teamPage.state.stale', { system: name(row.system), date: dateTime(row.state!.lastCompleteAt!) })}
          </p>
          <button type="button" className="no-print" onClick={() => void sync.start(row.system, periodDays(row))}>
            {t('team.syncNow')}
          </button>
        </section>
      ))}
    </>
  );
}
