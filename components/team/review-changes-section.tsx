import type { DefinitionsChange } from '../../lib/domain/definitions/diff-definitions';
import { effectiveFromMs } from '../../lib/domain/definitions/version-in-force';
import type { MessageKey } from '../../lib/i18n/messages-ja';
import { useTeamReview } from '../../lib/queries/use-team-review';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { DataTable, type Column } from './data-table';
import { pct, type TeamData } from './team-data';

type Row = { key: string; label: string; then: number | null; now: number | null; percent?: boolean };

/**
 * The review pack's first section: what changed since the last review. The definitions versions that took effect
 * since, the changes from the version in force then to the one now in words (the workshop's differ), and the SLA met
 * rate and feedback then and now. Making the pack records it as a review (`useTeamReview`); the first says so.
 * `live` is false while the page shows figures kept from an earlier visit: nothing is recorded from those.
 */
export function ReviewChangesSection({ data, live }: { data: TeamData; live: boolean }) {
  const { t, l, date, dateTime } = useI18n();
  const review = useTeamReview(live ? data.kpis : null, data.range, data.versions);
  const body = () => {
    if (review.isError) return <p role="alert">{t('teamPage.review.failed', { message: review.error instanceof Error ? review.error.message : String(review.error) })}</p>;
    if (!review.data) return <p role="status">{t('teamPage.review.loading')}</p>;
    const { since, current } = review.data;
    const recorded = (
      <p className="small muted" data-testid="review-recorded">
        {t('teamPage.review.recorded', { date: dateTime(current.at) })}
      </p>
    );
    if (since.first) {
      return (
        <>
          <p data-testid="review-first">{t('teamPage.review.first')}</p>
          {recorded}
        </>
      );
    }
    const rows: Row[] = [
      { key: 'metRate', label: t('teamPage.review.metRate'), then: pct(since.then.metRate), now: pct(since.now.metRate), percent: true },
      { key: 'handedOff', label: t('teamPage.review.handedOff'), then: since.then.handedOff, now: since.now.handedOff },
      { key: 'good', label: t('teamPage.review.good'), then: since.then.good, now: since.now.good },
      { key: 'bad', label: t('teamPage.review.bad'), then: since.then.bad, now: since.now.bad },
    ];
    const text = (v: number | null, percent?: boolean) => (v === null ? '–' : percent ? `${v.toFixed(1)}%` : v.toLocaleString());
    const columns: Column<Row>[] = [
      { header: t('teamPage.review.figure'), cell: (r) => ({ value: r.label }) },
      { header: t('teamPage.review.then', { date: date(since.last.at) }), cell: (r) => ({ value: r.then, text: text(r.then, r.percent) }), numeric: true },
      { header: t('teamPage.review.now'), cell: (r) => ({ value: r.now, text: text(r.now, r.percent) }), numeric: true },
    ];
    return (
      <>
        <p data-testid="review-last">
          {t('teamPage.review.last', { date: dateTime(since.last.at), from: date(since.last.range.from), to: date(since.last.range.to - 1) })}
        </p>
        <h3>{t('teamPage.review.definitions')}</h3>
        {since.newVersions.length ? (
          <ul className="plain" aria-label={t('teamPage.review.newVersions')}>
            {since.newVersions.map((d) => (
              <li key={`${d.id}@${d.version}`}>{t('teamPage.review.version', { name: l(d.name), version: d.version, date: date(effectiveFromMs(d)) })}</li>
            ))}
          </ul>
        ) : (
          <p>{t('teamPage.review.noNewVersions', { version: since.nowInForce?.version ?? '–' })}</p>
        )}
        {since.last.inForce && !since.thenInForce ? <p>{t('teamPage.review.thenUnknown', { key: since.last.inForce })}</p> : null}
        {since.thenInForce && since.nowInForce && since.thenInForce !== since.nowInForce ? (
          <>
            <p>{t('teamPage.review.changes', { from: since.thenInForce.version, to: since.nowInForce.version })}</p>
            <ChangeWords changes={since.changes} />
          </>
        ) : null}
        <DataTable caption={t('teamPage.review.table')} columns={columns} rows={rows} rowKey={(r) => r.key} file="since-last-review" />
        {recorded}
      </>
    );
  };
  return (
    <Card title={t('teamPage.review.title')} className="team-review">
      {body()}
    </Card>
  );
}

/** Each change in words, as the workshop words it (diff-definitions' keys and params). */
function ChangeWords({ changes }: { changes: DefinitionsChange[] }) {
  const { t, l } = useI18n();
  if (changes.length === 0) return <p className="small muted">{t('teamPage.review.noChanges')}</p>;
  return (
    <ul className="small">
      {changes.map((c, i) => (
        <li key={i}>{t(c.key as MessageKey, Object.fromEntries(Object.entries(c.params).map(([k, v]) => [k, typeof v === 'object' ? l(v) : v])))}</li>
      ))}
    </ul>
  );
}
