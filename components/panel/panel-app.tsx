import { recordKey } from '../../lib/domain/model';
import type { subscribeActiveTabRecord } from '../../lib/messaging/active-tab-record';
import { describeUnsupportedPage } from '../../lib/sites/describe-page';
import { useLayoutEffect } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { LazyMyQueue } from '../queue/lazy-my-queue';
import { CardBoundary } from '../ui/card-boundary';
import { LeadPanel } from './lead-panel';
import { PanelFrame } from './lead-panel-view';
import { RecordLine } from './record-line';
import { LoadingSkeleton, UnsupportedPageState } from './panel-states';
import { useActiveRecord } from './use-active-record';

/** The side panel: follows the record in the active tab and shows it, or says what to open instead. */
export function PanelApp({ subscribe, search, onShown }: { subscribe?: typeof subscribeActiveTabRecord; search?: string; onShown?: () => void }) {
  const { t } = useI18n();
  const active = useActiveRecord(subscribe, search);
  // No record to show: the state below is what the person should see (see LeadPanel's `onShown`).
  const noRecord = active.status === 'ready' && !active.record?.ref;
  useLayoutEffect(() => {
    if (noRecord) onShown?.();
  }, [noRecord, onShown]);
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
        <LeadPanel key={recordKey(ref)} recordRef={ref} {...(onShown ? { onShown } : {})} />
        <RecordLine recordRef={ref} />
      </>
    );
  }
  return <PanelFrame>{body}</PanelFrame>;
}
