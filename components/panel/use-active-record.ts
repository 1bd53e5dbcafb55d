import { useEffect, useState } from 'react';
import { subscribeActiveTabRecord, type ActiveTabRecord } from '../../lib/messaging/active-tab-record';

export type ActiveRecordState = { status: 'pending' } | { status: 'ready'; record: ActiveTabRecord | null };

/** `sidepanel.html?tab=123` follows one tab (the panel page opened as a normal tab, as the e2e suite does). */
export function pinnedTabFrom(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

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
