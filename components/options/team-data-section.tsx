import { useId, useState } from 'react';
import type { SystemId } from '../../lib/domain/model';
import { useTeamSync, type TeamSyncRow } from '../../lib/queries/use-team-sync';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';

const PERIODS = [90, 180, 365] as const;
const DEFAULT_PERIOD_DAYS = 180;

/** Options › Team data: per connected system, the last complete sync, calls used, progress, Sync now / Cancel. */
export function TeamDataSection() {
  const { t } = useI18n();
  const { rows, loaded, start, cancel } = useTeamSync();
  const [periodDays, setPeriodDays] = useState<number>(DEFAULT_PERIOD_DAYS);
  const periodId = useId();

  return (
    <Card title={t('team.title')}>
      <p className="small muted">{t('team.hint')}</p>
      <div className="field">
        <label htmlFor={periodId}>{t('team.period')}</label>
        <select id={periodId} value={periodDays} onChange={(e) => setPeriodDays(Number(e.target.value))}>
          {PERIODS.map((days) => (
            <option key={days} value={days}>
              {t('team.periodDays', { days })}
            </option>
          ))}
        </select>
      </div>
      {loaded && rows.length === 0 ? <p className="small">{t('team.none')}</p> : null}
      <ul className="team-sync-list">
        {rows.map((row) => (
          <TeamSyncItem key={row.system} row={row} onStart={() => void start(row.system, periodDays)} onCancel={() => void cancel(row.system)} />
        ))}
      </ul>
    </Card>
  );
}

function TeamSyncItem({ row, onStart, onCancel }: { row: TeamSyncRow; onStart: () => void; onCancel: () => void }) {
  const { t, dateTime, date, number } = useI18n();
  const { state, progress } = row;
  const running = progress?.status === 'running';
  const label = t(`system.${row.system}` as `system.${SystemId}`);
  const error = state?.error;

  return (
    <li className="team-sync-item" aria-label={label}>
      <div className="row">
        <strong>{label}</strong>
        {row.instance && row.system !== 'demo' ? <span className="small muted">{row.instance}</span> : null}
      </div>
      <p className="small">{state?.lastCompleteAt ? t('team.lastComplete', { date: dateTime(state.lastCompleteAt) }) : t('team.never')}</p>
      {state?.lastCompleteAt ? <p className="small muted">{t('team.syncedPeriod', { from: date(state.period.from), to: date(state.period.to) })}</p> : null}
      {state ? <p className="small muted">{t('team.calls', { last: number(state.callsLastRun), total: number(state.callsUsed) })}</p> : null}
      {running ? (
        <div role="status">
          <progress value={progress.done} max={progress.total ?? undefined} aria-label={t('team.status.running')} />
          <span className="small">
            {progress.total !== undefined
              ? t('team.progress', { done: number(progress.done), total: number(progress.total) })
              : t('team.progressNoTotal', { done: number(progress.done) })}
          </span>
        </div>
      ) : null}
      {!running && progress?.status === 'busy' ? <p className="small">{t('team.status.busy')}</p> : null}
      {!running && progress?.status === 'cancelled' ? <p className="small">{t('team.status.cancelled')}</p> : null}
      {!running && error?.kind === 'paused' ? <p className="small">{t('team.status.paused')}</p> : null}
      {!running && error && error.kind !== 'paused' ? (
        <p className="small error" role="alert">
          {t('team.status.failed', { message: error.message })}
        </p>
      ) : null}
      {!running && !error && state?.cursor && progress?.status !== 'cancelled' ? <p className="small muted">{t('team.resumable')}</p> : null}
      <div className="row">
        <button type="button" onClick={onStart} disabled={running}>
          {t('team.syncNow')}
        </button>
        {running ? (
          <button type="button" onClick={onCancel}>
            {t('team.cancel')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
