import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { subscribeActiveTabRecord, type ActiveTabRecord } from '../../lib/messaging/active-tab-record';
import { pinnedTabFrom, prefetchTabRecord } from '../../lib/messaging/tab-record-prefetch';

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
const worker = { id: fakeBrowser.runtime.id, url: `${EXT}/background.js` };
const lead = (id: string) => ({ system: 'demo', instance: 'sfa', object: 'lead', id }) as const;
const page = 'demo-sfa';

/** The worker's answers: which record each tab shows, counted. */
function workerAnswers(records: Record<number, string>) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { tabId: number }) => {
    const id = records[message.tabId];
    return id ? { ref: lead(id), page } : undefined;
  }) as never);
}

describe('the panel asks which record its tab shows while its scripts load', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('reads the followed tab from the address', () => {
    expect(pinnedTabFrom('?tab=12')).toBe(12);
    expect(pinnedTabFrom('')).toBeUndefined();
    expect(pinnedTabFrom('?tab=-1')).toBeUndefined();
  });

  it('the panel shows the early answer without asking the worker again', async () => {
    const ask = workerAnswers({ 7: 'L1' });
    prefetchTabRecord(7);
    const seen: (ActiveTabRecord | null)[] = [];
    const stop = subscribeActiveTabRecord((r) => seen.push(r), 7);
    await vi.waitFor(() => expect(seen).toEqual([{ tabId: 7, ref: lead('L1'), page }]));
    expect(ask).toHaveBeenCalledTimes(1);
    stop();
  });

  it('a record change heard before the panel subscribed makes it ask again', async () => {
    const records: Record<number, string> = { 7: 'L1' };
    const ask = workerAnswers(records);
    prefetchTabRecord(7);
    records[7] = 'L2';
    await fakeBrowser.runtime.onMessage.trigger({ type: 'baton/tab-record-changed', tabId: 7, ref: lead('L2'), page }, worker as never);
    const seen: (ActiveTabRecord | null)[] = [];
    const stop = subscribeActiveTabRecord((r) => seen.push(r), 7);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ tabId: 7, ref: lead('L2'), page }));
    expect(ask).toHaveBeenCalledTimes(2);
    stop();
  });

  it('a record change in another tab keeps the early answer', async () => {
    const ask = workerAnswers({ 7: 'L1', 9: 'L9' });
    prefetchTabRecord(7);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'baton/tab-record-changed', tabId: 9, ref: lead('L9'), page }, worker as never);
    const seen: (ActiveTabRecord | null)[] = [];
    const stop = subscribeActiveTabRecord((r) => seen.push(r), 7);
    await vi.waitFor(() => expect(seen).toEqual([{ tabId: 7, ref: lead('L1'), page }]));
    expect(ask).toHaveBeenCalledTimes(1);
    stop();
  });

  it('an answer for another tab is not used, and an answer is used once', async () => {
    const ask = workerAnswers({ 7: 'L1', 8: 'L8' });
    prefetchTabRecord(7);
    const seen: (ActiveTabRecord | null)[] = [];
    const stop = subscribeActiveTabRecord((r) => seen.push(r), 8);
    await vi.waitFor(() => expect(seen).toEqual([{ tabId: 8, ref: lead('L8'), page }]));
    stop();
    const again: (ActiveTabRecord | null)[] = [];
    const stop2 = subscribeActiveTabRecord((r) => again.push(r), 8);
    await vi.waitFor(() => expect(again).toHaveLength(1));
    expect(ask).toHaveBeenCalledTimes(3);
    stop2();
  });
});
