import { useEffect, useState } from 'react';
import { subscribeActiveTabRecord, type ActiveTabRecord } from '../../lib/messaging/active-tab-record';
import { pinnedTabFrom } from '../../lib/messaging/tab-record-prefetch';

export type ActiveRecordState = { status: 'pending' } | { status: 'ready'; record: ActiveTabRecord | null };

/** The record shown in the active tab, following tab switches and in-page navigation. */
export function useActiveRecord(
  subscribe: typeof subscribeActiveTabRecord = subscribeActiveTabRecord,
  search: string = globalThis.location?.search ?? '',
): ActiveRecordState {
  const [state, setState] = useState<ActiveRecordState>({ status: 'pending' });
  const pinned = pinnedTabFrom(search);
  useEffect(() => subscribe((record) => setState({ status: 'ready', record }), pinned), [subscribe, pinned]);
  return state;
}
