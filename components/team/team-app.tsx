import { FileText, Printer } from 'lucide-react';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { localDayNumber } from '../../lib/domain/time-zone';
import { periodRanges } from '../../lib/domain/team-period';
import type { TeamDetail } from '../../lib/domain/team-details';
import type { TeamKpisClient } from '../../lib/queries/team-kpis-client';
import type { TeamKpisData } from '../../lib/queries/team-kpis-protocol';
import { TeamKpisClientContext } from '../../lib/queries/use-alignment-diagnostic';
import { useTeamDefinitions } from '../../lib/queries/team-definitions';
import { useDefinitions } from '../../lib/queries/use-definitions';
import { useTeamFigures, useTeamKpisClient, type TeamFiguresRequest } from '../../lib/queries/use-team-kpis';
import { useTeamSync } from '../../lib/queries/use-team-sync';
import { useI18n } from '../i18n/i18n-context';
import { LoadingSkeleton } from '../panel/panel-states';
import { CardBoundary } from '../ui/card-boundary';
import { Icon } from '../ui/icon';
import { useNow } from '../ui/use-now';
import { DiagnosticSection } from '../diagnostic/diagnostic-section';
import { DrillContext, type DrillRequest } from './drill';
import { DrillPanel } from './drill-panel';
import { FeedbackSection } from './feedback-section';
import { FunnelSection } from './funnel-section';
import { RevenueSection } from './revenue-section';
import { ReviewChangesSection } from './review-changes-section';
import { SlaSection } from './sla-section';
import { TeamControls } from './team-controls';
import type { TeamData } from './team-data';
import { TeamDefinitionsSection } from './team-definitions-section';
import { TeamQueryContext } from './team-query-context';
import { NoTeamData, summarizeSync, SyncBanners } from './team-states';
import { teamViewSearch } from './team-url';
import { useTeamView } from './use-team-view';
import './team-page.css';

const MINUTE = 60_000;

// Each section redraws only when its data (one object per view and answer) changed.
const Funnel = memo(FunnelSection);
const Sla = memo(SlaSection);
const Feedback = memo(FeedbackSection);
const Revenue = memo(RevenueSection);
const Definitions = memo(TeamDefinitionsSection);
// …and the diagnostic and the controls only when their own props change (not at each of a view's three answers).
const Diagnostic = memo(DiagnosticSection);
const Controls = memo(TeamControls);

/**
 * The team page: one dashboard both departments read. The view (period, filters, print) lives in the URL; the
 * figures come from the team-KPIs worker over the local snapshot (this period and the one before); each section is
 * its own CardBoundary; every number opens the people behind it.
 */
export function TeamApp({ client: injected, clock }: { client?: TeamKpisClient; clock?: () => number }) {
  const { t, date, dateTime } = useI18n();
  const [view, setView] = useTeamView();
  const { versions: storedVersions, definitions, loaded: definitionsLoaded } = useDefinitions();
  // The connectors (which systems are connected: the "no data yet" and sync banners) once the kept figures were
  // looked for: their code and stored connections held up the few reads the next visit paints from.
  const [connectorsWanted, setConnectorsWanted] = useState(false);
  const sync = useTeamSync({ connectors: connectorsWanted });
  const client = useTeamKpisClient(injected);
  const tick = useNow(MINUTE, clock);
  // Judged as of the minute: the worker re-judges only when this (or the definitions) changes.
  const now = Math.floor(tick / MINUTE) * MINUTE;
  // The versions the team figures judge by: the team's own, or the demo's v1 → v2 on the demo snapshot
  // (readTeamDefinitions, the same rule as the diagnostic's and the panel's).
  const team = useTeamDefinitions(now);
  const versions = team?.versions ?? storedVersions;
  const loaded = definitionsLoaded && team !== undefined;
  const zone = definitions.calendar.timeZone;
  const [drill, setDrill] = useState<DrillRequest | null>(null);

  const summary = summarizeSync(sync.rows, now);
  // From the stored states only (a connected system without one yet adds nothing), so the stamp is final once the
  // states are read, before the connectors' instances are; and only of the scopes the figures read (the demo's only
  // when no real system has one, as readTeamSnapshot), so a demo sync beside a real team's snapshot reloads nothing.
  const synced = sync.rows.filter((r) => r.state);
  const real = synced.filter((r) => r.system !== 'demo');
  const snapshotStamp = (real.length ? real : synced).map((r) => `${r.system}:${r.state?.lastCompleteAt ?? 0}`).join('|');
  // The period's ranges keep their identity through a filter change: the sections (memoized on `data`, which holds the
  // range) are then not redrawn as the change is made, only when its figures arrive (the redraw took 25 ms of the
  // change's first 40, before the worker was even asked).
  const periods = useMemo(() => periodRanges(view.period, now, zone), [view.period, now, zone]);
  const request = useMemo<TeamFiguresRequest>(() => ({ ...periods, filter: view.filter, now, versions, snapshotStamp }), [periods, view.filter, now, versions, snapshotStamp]);
  const { current, previous, detail, kept } = useTeamFigures(loaded ? client : null, request, { stampKnown: sync.statesLoaded });
  const keptLookedFor = kept.isFetched || kept.isError || current.data !== undefined || current.isError;
  useEffect(() => {
    if (keptLookedFor) setConnectorsWanted(true);
  }, [keptLookedFor]);

  // Until the worker's first answer, the figures it gave last time for this view over this same snapshot.
  const keptView = current.data ? null : (kept.data ?? null);
  // The worker's own figures for this very view: lists of people (the open breaches) are asked only then, so they
  // never queue in the worker ahead of a new filter's figures.
  const settled = current.data !== undefined && !current.isPlaceholderData && !previous.isPlaceholderData && !detail.isPlaceholderData;
  // A new view's three answers arrive one by one: the page keeps showing the last complete view (busy) until all
  // three are in, so it is drawn once per change (not three times) and never mixes two filters' figures.
  const complete = useRef<{ kpis: TeamKpisData; previous?: TeamKpisData; detail?: TeamDetail } | null>(null);
  if (current.data && (settled || !complete.current)) {
    if (complete.current?.kpis !== current.data || complete.current.previous !== previous.data || complete.current.detail !== detail.data) {
      complete.current = { kpis: current.data, previous: previous.data, detail: detail.data };
    }
  }
  const shown = current.data ? complete.current : null;
  const range = request.range;
  const previousRange = request.previous;
  // One object per view and answer: sections (memoized) redraw only when what they are given changed, not when the
  // page re-renders for a sync's progress or the minute.
  const data = useMemo<TeamData | null>(
    () =>
      shown
        ? { range, previousRange, kpis: shown.kpis, previous: shown.previous, detail: shown.detail, versions, definitions }
        : keptView
          ? { range, previousRange, kpis: keptView.kpis, previous: keptView.previous, detail: keptView.detail, versions, definitions }
          : null,
    [shown, keptView, range, previousRange, versions, definitions],
  );
  const openReviewPack = () => window.open(`${location.pathname}${teamViewSearch({ ...view, print: true })}`, '_blank', 'noopener');

  let body;
  if (current.isError) {
    body = (
      <section className="banner error" role="alert">
        <p>{t('teamPage.state.failed', { message: current.error instanceof Error ? current.error.message : String(current.error) })}</p>
        <button type="button" onClick={() => void current.refetch()}>
          {t('state.retry')}
        </button>
      </section>
    );
  } else if (!data || (!sync.loaded && data.kpis.leads === 0)) {
    // Figures are drawn without waiting for the connectors (loading every vendor's code took a second); "no data
    // yet" and the sync banners wait for them.
    body = <LoadingSkeleton />;
  } else if (summary.noData && data.kpis.leads === 0) {
    body = <NoTeamData />;
  } else {
    const emptyPeriod = data.kpis.leads === 0;
    body = (
      <>
        {sync.loaded ? <SyncBanners summary={summary} sync={sync} /> : null}
        {emptyPeriod ? (
          <section className="banner" role="status">
            <p>{t('teamPage.state.emptyPeriod')}</p>
          </section>
        ) : null}
        {keptView ? (
          <section className="banner" role="status" data-testid="team-kept">
            <p>{t('teamPage.kept', { time: dateTime(keptView.now) })}</p>
          </section>
        ) : null}
        {drill ? <DrillPanel request={drill} onClose={() => setDrill(null)} /> : null}
        {/* data-view: the view (the URL's search) these sections show once not busy; a view answered from the page's
            cache never turns busy, so "not busy" alone cannot say the new figures are on screen. */}
        <div className="team-sections" aria-busy={keptView !== null || current.isPlaceholderData || detail.isFetching} data-view={teamViewSearch(view)}>
          {view.print ? (
            <CardBoundary label={t('teamPage.review.title')}>
              <ReviewChangesSection data={data} live={keptView === null && !current.isPlaceholderData} />
            </CardBoundary>
          ) : null}
          <CardBoundary label={t('teamPage.funnel.title')}>
            <Funnel data={data} />
          </CardBoundary>
          <CardBoundary label={t('teamPage.sla.title')}>
            <Sla data={data} />
          </CardBoundary>
          <CardBoundary label={t('teamPage.feedback.title')}>
            <Feedback data={data} />
          </CardBoundary>
          <CardBoundary label={t('teamPage.revenue.title')}>
            <Revenue data={data} />
          </CardBoundary>
          <CardBoundary label={t('teamPage.defs.title')}>
            <Definitions data={data} />
          </CardBoundary>
          {/* The 15-check alignment diagnostic over the page's period, from the same worker as the figures. */}
          <TeamKpisClientContext.Provider value={client}>
            <Diagnostic range={request.range} now={now} />
          </TeamKpisClientContext.Provider>
        </div>
      </>
    );
  }

  return (
    <TeamQueryContext.Provider value={{ client, request, settled }}>
      <DrillContext.Provider value={setDrill}>
        <main className={view.print ? 'team-page print' : 'team-page'}>
          <header className="team-head">
            <h1>{view.print ? t('teamPage.print.title') : t('teamPage.title')}</h1>
            <p className="small" data-testid="team-period">
              {t('teamPage.periodLine', {
                from: date(request.range.from),
                to: date(request.range.to - 1),
                previousFrom: date(request.previous.from),
                previousTo: date(request.previous.to - 1),
              })}
              {summary.newestCompleteAt ? ` · ${t('teamPage.asOf', { date: dateTime(summary.newestCompleteAt) })}` : ''}
            </p>
            {view.print ? (
              <button type="button" className="primary no-print" onClick={() => window.print()}>
                <Icon icon={Printer} /> {t('teamPage.print.print')}
              </button>
            ) : (
              <button type="button" className="no-print" onClick={openReviewPack}>
                <Icon icon={FileText} /> {t('teamPage.print.open')}
              </button>
            )}
          </header>
          {view.print ? null : <Controls view={view} onChange={setView} options={detail.data?.options ?? keptView?.detail?.options} today={localDayNumber(zone, now)} />}
          {body}
        </main>
      </DrillContext.Provider>
    </TeamQueryContext.Provider>
  );
}
