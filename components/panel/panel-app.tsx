import { recordKey } from '../../lib/domain/model';
import type { subscribeActiveTabRecord } from '../../lib/messaging/active-tab-record';
import { describeUnsupportedPage } from '../../lib/sites/describe-page';
import { OpenTeamPageButton } from '../team/open-team-page-button';
import { useI18n } from '../i18n/i18n-provider';
import { LazyMyQueue } from '../queue/lazy-my-queue';
import { CardBoundary } from '../ui/card-boundary';
import { LeadPanel } from './lead-panel';
import { RecordLine } from './record-line';
import { LoadingSkeleton, UnsupportedPageState } from './panel-states';
import { useActiveRecord } from './use-active-record';

/** The side panel: follows the record in the active tab and shows it, or says what to open instead. */
export function PanelApp({ subscribe, search }: { subscribe?: typeof subscribeActiveTabRecord; search?: string }) {
  const { t } = useI18n();
  const active = useActiveRecord(subscribe, search);
  let body;
  if (active.status === 'pending') body = <LoadingSkeleton />;
  else if (!active.record?.ref) {
    const code = active.record?.page ? describeUnsupportedPage(active.record.page) : null;
    // Nothing to show here: the person's own queue is what they work from, the hint below says what else to open.
    body = (
      <>
        <CardBoundary label={t('queue.heading')}>
          <LazyMyQueue />
        </CardBoundary>
        <UnsupportedPageState code={code} />
      </>
    );
  } else {
    const ref = active.record.ref;
    // Keyed by record: a new record starts with its own default view and no half-typed feedback.
    body = (
      <>
        <LeadPanel key={recordKey(ref)} recordRef={ref} />
        <RecordLine recordRef={ref} />
      </>
    );
  }
  return (
    <main className="panel">
      {body}
      <footer className="panel-foot">
        <OpenTeamPageButton />
      </footer>
    </main>
  );
}
