import { lazy, Suspense, type ReactNode } from 'react';
import type { Assessment } from '../../lib/domain/assess-lead';
import type { Definitions } from '../../lib/domain/definitions/schema';
import type { Feedback, LeadContext, RecordRef, SystemId, Verdict } from '../../lib/domain/model';
import type { ConnectorError } from '../../lib/connectors/connector';
import { FeedbackBar } from '../feedback/feedback-bar';
import { FeedbackList } from '../feedback/feedback-list';
import { MarketingView } from '../handoff/marketing-view';
import { useI18n } from '../i18n/i18n-context';
import { LazyMyQueue } from '../queue/lazy-my-queue';
import { LeadHeader } from '../lead/lead-header';
import { SalesView } from '../lead/sales-view';
import { OpenTeamPageButton } from '../team/open-team-page-button';
import { Card } from '../ui/card';
import { CardBoundary } from '../ui/card-boundary';
import { Tabs } from '../ui/tabs';
import { BelowFirstFrame } from './first-frame';
import type { PanelView } from './default-view';
import { AsOf, FreshnessBanner, LoadingSkeleton } from './panel-states';

// Not on the first paint: the definitions tab loads its view when opened.
const DefinitionsView = lazy(async () => ({ default: (await import('../definitions/definitions-view')).DefinitionsView }));

/** The panel's frame around whatever it shows: the full app and the first paint draw the same one. */
export function PanelFrame({ children }: { children: ReactNode }) {
  return (
    <main className="panel">
      {children}
      <footer className="panel-foot">
        <OpenTeamPageButton />
      </footer>
    </main>
  );
}

/** What the view shows of the cached copy's state (use-lead-context's `LeadContextView`, without the query). */
export interface LeadViewState {
  status: 'loading' | 'fresh' | 'stale' | 'offline' | 'error';
  fetchedAt: number | null;
  sources: SystemId[];
  error: ConnectorError | null;
  /** The refresh was held back near the org's API limit (use-lead-context's `isBackgroundPaused`). */
  backgroundPaused: boolean;
  refetch: () => void;
}

export interface LeadPanelViewProps {
  recordRef: RecordRef;
  context: LeadContext;
  assessment: Assessment;
  lead: LeadViewState;
  feedback: Feedback[];
  currentUser: string;
  /** The clock the undo window counts on (ticks every second while an undo is possible). */
  feedbackNow: number;
  clock: () => number;
  view: PanelView;
  onSelectView: (view: PanelView) => void;
  /** The definitions tab's document (the one in force). */
  definitions: Definitions;
  notice: string | null;
  onGive: (verdict: Verdict) => void;
  onSaveReasons: (feedback: Feedback, reasonCodes: string[], comment: string) => void;
  onUndo: (feedback: Feedback) => void;
  onRetryFeedback: (feedback: Feedback) => void;
}

/**
 * One lead as the panel shows it, from values only: `LeadPanel` feeds it from the live store and the connectors, the
 * first paint (first-paint-panel.tsx) from a raw read of the cache, so both draw the same markup.
 */
export function LeadPanelView(props: LeadPanelViewProps) {
  const { recordRef, context, assessment, lead, feedback, currentUser, view, definitions } = props;
  const { t } = useI18n();
  const reasons = assessment.definitions.feedbackReasons;
  const feedbackTitle = view === 'marketing' ? t('received.heading') : t('fb.history');
  const feedbackCard = (
    <BelowFirstFrame>
      <CardBoundary label={feedbackTitle}>
        <Card title={feedbackTitle}>
          <FeedbackList feedback={feedback} reasons={reasons} currentUser={currentUser} onRetry={props.onRetryFeedback} />
        </Card>
      </CardBoundary>
    </BelowFirstFrame>
  );

  return (
    <>
      <LeadHeader person={context.person} asOf={lead.fetchedAt !== null ? <AsOf fetchedAt={lead.fetchedAt} sources={lead.sources} /> : undefined} />
      {(lead.status === 'stale' || lead.status === 'offline') && lead.fetchedAt !== null && (
        <FreshnessBanner status={lead.status} fetchedAt={lead.fetchedAt} sources={lead.sources} onRetry={lead.refetch} />
      )}
      {lead.error && lead.status === 'stale' && (
        <p className="small error-text">
          {t('state.error.title', { vendor: t(`system.${recordRef.system}`) })}: {t(lead.backgroundPaused ? 'error.quota.backgroundPaused' : `error.${lead.error.kind}`)}
        </p>
      )}
      <CardBoundary label={t('fb.heading')}>
        <FeedbackBar
          reasons={reasons}
          feedback={feedback}
          currentUser={currentUser}
          now={props.feedbackNow}
          onGive={props.onGive}
          onSaveReasons={props.onSaveReasons}
          onUndo={props.onUndo}
          onRetry={props.onRetryFeedback}
          notice={props.notice}
        />
      </CardBoundary>
      <Tabs
        label={t('tabs.label')}
        items={[
          { key: 'sales', label: t('tabs.sales') },
          { key: 'marketing', label: t('tabs.marketing') },
          { key: 'definitions', label: t('tabs.definitions') },
          { key: 'queue', label: t('tabs.queue') },
        ]}
        selected={view}
        onSelect={props.onSelectView}
      >
        {view === 'sales' && (
          <>
            <SalesView context={context} assessment={assessment} clock={props.clock} onRetry={lead.refetch} />
            {feedbackCard}
          </>
        )}
        {view === 'marketing' && (
          <>
            <MarketingView context={context} assessment={assessment} onRetry={lead.refetch} />
            {feedbackCard}
          </>
        )}
        {view === 'definitions' && (
          <Suspense fallback={<LoadingSkeleton />}>
            <DefinitionsView definitions={definitions} />
          </Suspense>
        )}
        {view === 'queue' && (
          <CardBoundary label={t('queue.heading')}>
            <LazyMyQueue />
          </CardBoundary>
        )}
      </Tabs>
    </>
  );
}
