import { useLayoutEffect, useMemo, useState } from 'react';
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
import { useI18n } from '../i18n/i18n-context';
import { useNow } from '../ui/use-now';
import { defaultView, type PanelView } from './default-view';
import { LeadPanelView } from './lead-panel-view';
import { ErrorState, LoadingSkeleton, NotConnected } from './panel-states';

/** One lead: cached context, the engines' verdict, the views, and feedback. Remounted per record. */
export function LeadPanel({ recordRef, currentUser: given, onShown }: { recordRef: RecordRef; currentUser?: string; onShown?: () => void }) {
  // Feedback names the person as the record's system knows them (domain/identity.ts), "me" until that is known.
  const identities = useIdentities();
  const currentUser = given ?? identityFor(recordRef.system, identities ?? {})?.name ?? ANONYMOUS_USER;
  const { t } = useI18n();
  const { now: clock } = useBatonDeps();
  const settings = useSettings();
  const { definitions, loaded: definitionsLoaded } = useDefinitions();
  const versions = useJudgingVersions(recordRef.system);
  const lead = useLeadContext(recordRef);
  const feedbackRead = useFeedbackFor(recordRef);
  const feedback = feedbackRead ?? [];
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

  // Anything but the loading skeleton is what the person should see now: the page may put it in place of the
  // first paint (entrypoints/sidepanel). Before the browser paints, so the two never show together.
  // The lead counts once what is drawn beside it (feedback, who I am, the definitions) is read too.
  const complete = feedbackRead !== undefined && identities !== undefined && definitionsLoaded;
  const shown = (Boolean(context && assessment) && complete) || lead.status === 'error' || lead.status === 'offline';
  useLayoutEffect(() => {
    if (shown) onShown?.();
  }, [shown, onShown]);

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
  return (
    <LeadPanelView
      recordRef={recordRef}
      context={context}
      assessment={assessment}
      lead={{ ...lead, backgroundPaused: isBackgroundPaused(lead.error) }}
      feedback={feedback}
      currentUser={currentUser}
      feedbackNow={feedbackNow}
      clock={clock}
      view={view}
      onSelectView={setSelected}
      definitions={definitions}
      notice={notice}
      onGive={(verdict) => void give(verdict)}
      onSaveReasons={(f, codes, comment) => void saveReasons(f, codes, comment)}
      onUndo={(f) => void actions.undo(f.id)}
      onRetryFeedback={(f) => void actions.retry(f.id)}
    />
  );
}
