import { lazy, Suspense, useMemo, useState } from 'react';
import { assessLead } from '../../lib/domain/assess-lead';
import type { Feedback, RecordRef, Verdict } from '../../lib/domain/model';
import { ANONYMOUS_USER, identityFor, isByMe } from '../../lib/domain/identity';
import { useBatonDeps } from '../../lib/queries/baton-deps';
import { useIdentities } from '../../lib/queries/use-identities';
import { useDefinitions } from '../../lib/queries/use-definitions';
import { useJudgingVersions } from '../../lib/queries/use-judging-versions';
import { useFeedbackActions, useFeedbackFor } from '../../lib/queries/use-feedback';
import { isBackgroundPaused, useLeadContext } from '../../lib/queries/use-lead-context';
import { useSettings } from '../../lib/queries/use-settings';
import { FeedbackBar } from '../feedback/feedback-bar';
import { FeedbackList } from '../feedback/feedback-list';
import { MarketingView } from '../handoff/marketing-view';
import { useI18n } from '../i18n/i18n-provider';
import { LazyMyQueue } from '../queue/lazy-my-queue';
import { LeadHeader } from '../lead/lead-header';
import { SalesView } from '../lead/sales-view';
import { Card } from '../ui/card';
import { CardBoundary } from '../ui/card-boundary';
import { Tabs } from '../ui/tabs';
import { useNow } from '../ui/use-now';
import { defaultView, type PanelView } from './default-view';
import { AsOf, ErrorState, FreshnessBanner, LoadingSkeleton, NotConnected } from './panel-states';

// Not on the first paint: the definitions tab loads its view when opened.
const DefinitionsView = lazy(async () => ({ default: (await import('../definitions/definitions-view')).DefinitionsView }));

/** One lead: cached context, the engines' verdict, the views, and feedback. Remounted per record. */
export function LeadPanel({ recordRef, currentUser: given }: { recordRef: RecordRef; currentUser?: string }) {
  // Feedback names the person as the record's system knows them (domain/identity.ts), "me" until that is known.
  const identities = useIdentities();
  const currentUser = given ?? identityFor(recordRef.system, identities ?? {})?.name ?? ANONYMOUS_USER;
  const { t } = useI18n();
  const { now: clock } = useBatonDeps();
  const settings = useSettings();
  const { definitions } = useDefinitions();
  const versions = useJudgingVersions(recordRef.system);
  const lead = useLeadContext(recordRef);
  const feedback = useFeedbackFor(recordRef) ?? [];
  const actions = useFeedbackActions();
  const [selected, setSelected] = useState<PanelView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const view = selected ?? defaultView(recordRef, settings.defaultRole);

  // The engines run once a minute (and when data changes); only the countdown ticks every second.
  const minute = Math.floor(useNow(60_000, clock) / 60_000);
  const context = lead.context;
  const assessment = useMemo(
    () => (context ? assessLead(context, versions, clock()) : null),
    // `minute` is the tick; `clock` is read inside on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [context, versions, minute],
  );

  const undoable = feedback.some((f) => isByMe(f.by, currentUser) && f.state === 'pending' && f.attempts === 0);
  const feedbackNow = useNow(1000, clock, undoable);

  if (!context || !assessment) {
    if (lead.status === 'error' && lead.error?.kind === 'not-connected') return <NotConnected vendor={recordRef.system} />;
    if (lead.status === 'error' && lead.error) return <ErrorState vendor={recordRef.system} error={lead.error} onRetry={lead.refetch} />;
    if (lead.status === 'offline') {
      return (
        <div className="banner offline" role="status">
          <span>{t('state.offlineNoData')}</span>
          <button type="button" onClick={lead.refetch}>
            {t('state.retry')}
          </button>
        </div>
      );
    }
    return <LoadingSkeleton />;
  }

  const give = async (verdict: Verdict) => {
    setNotice(null);
    await actions.click({ ref: recordRef, personKey: context.person.key, verdict, by: currentUser }, feedback);
  };
  const saveReasons = async (f: Feedback, reasonCodes: string[], comment: string) => {
    // Inside the undo window the reasons ride on the click itself; after it, the outbox amends the one Task /
    // note / activity already delivered (a second click would count the lead twice in the vendor).
    if (await actions.undo(f.id)) {
      setNotice(null);
      await actions.give({ ref: recordRef, personKey: context.person.key, verdict: f.verdict, by: currentUser, reasonCodes, ...(comment ? { comment } : {}) });
    } else if (await actions.amend(f.id, reasonCodes, comment)) {
      setNotice(t('fb.amended'));
    } else {
      setNotice(t('fb.reasonsTooLate'));
    }
  };
  const reasons = assessment.definitions.feedbackReasons;
  const feedbackTitle = view === 'marketing' ? t('received.heading') : t('fb.history');
  const feedbackCard = (
    <CardBoundary label={feedbackTitle}>
      <Card title={feedbackTitle}>
        <FeedbackList feedback={feedback} reasons={reasons} currentUser={currentUser} onRetry={(f) => void actions.retry(f.id)} />
      </Card>
    </CardBoundary>
  );

  return (
    <>
      <LeadHeader person={context.person} asOf={lead.fetchedAt !== null ? <AsOf fetchedAt={lead.fetchedAt} sources={lead.sources} /> : undefined} />
      {(lead.status === 'stale' || lead.status === 'offline') && lead.fetchedAt !== null && (
        <FreshnessBanner status={lead.status} fetchedAt={lead.fetchedAt} sources={lead.sources} onRetry={lead.refetch} />
      )}
      {lead.error && lead.status === 'stale' && (
        <p className="small error-text">
          {t('state.error.title', { vendor: t(`system.${recordRef.system}`) })}: {t(isBackgroundPaused(lead.error) ? 'error.quota.backgroundPaused' : `error.${lead.error.kind}`)}
        </p>
      )}
      <CardBoundary label={t('fb.heading')}>
        <FeedbackBar
          reasons={reasons}
          feedback={feedback}
          currentUser={currentUser}
          now={feedbackNow}
          onGive={(verdict) => void give(verdict)}
          onSaveReasons={(f, codes, comment) => void saveReasons(f, codes, comment)}
          onUndo={(f) => void actions.undo(f.id)}
          onRetry={(f) => void actions.retry(f.id)}
          notice={notice}
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
        onSelect={setSelected}
      >
        {view === 'sales' && (
          <>
            <SalesView context={context} assessment={assessment} clock={clock} onRetry={lead.refetch} />
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
