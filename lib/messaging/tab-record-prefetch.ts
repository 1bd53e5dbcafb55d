import { browser } from 'wxt/browser';

/** Which tab the panel follows and the worker's raw answer for it (parsed by the subscriber, with zod). */
export interface PrefetchedTabRecord {
  windowId: number | undefined;
  tabId: number | undefined;
  reply: unknown;
}

interface Pending {
  pinnedTabId: number | undefined;
  answer: Promise<PrefetchedTabRecord>;
  /** A tab switch or a record change arrived after the question: the answer may be old, ask again. */
  stale: boolean;
  stop: () => void;
}

// On the global object: the warm-up script (a bundle of its own) asks, the panel's module graph takes.
const slot = globalThis as { __batonTabRecordPrefetch?: Pending | undefined };

/** `sidepanel.html?tab=123` follows one tab (the panel page opened as a normal tab, as the e2e suite does). */
export function pinnedTabFrom(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}

/**
 * Asks the worker which record the panel's tab shows while the panel's scripts still load (entrypoints/panel-warm-up.ts), the
 * same questions `subscribeActiveTabRecord` asks first; it takes the answer instead of asking again. This
 * module stays small (no zod): the reply is parsed by the subscriber.
 */
export function prefetchTabRecord(pinnedTabId: number | undefined): Promise<PrefetchedTabRecord> | undefined {
  const entry: Pending = { pinnedTabId, answer: Promise.resolve({ windowId: undefined, tabId: undefined, reply: null }), stale: false, stop: () => undefined };
  const markStale = () => {
    entry.stale = true;
  };
  // The tab asked about: the pinned one, or the active one once known. A change to another tab (another tab loading
  // while the panel opens) leaves the answer good: the bench saw the first paint lost to such changes. The
  // subscriber's own listeners take over once it has taken the answer.
  let askedTabId = pinnedTabId;
  const onMessage = (message: unknown) => {
    const change = message as { type?: unknown; tabId?: unknown } | null;
    if (change?.type !== 'baton/tab-record-changed') return undefined;
    if (askedTabId === undefined || change.tabId === askedTabId) markStale();
    return undefined;
  };
  try {
    browser.runtime.onMessage.addListener(onMessage);
    if (pinnedTabId === undefined) browser.tabs.onActivated.addListener(markStale);
  } catch {
    return undefined;
  }
  entry.stop = () => {
    browser.runtime.onMessage.removeListener(onMessage);
    if (pinnedTabId === undefined) browser.tabs.onActivated.removeListener(markStale);
  };
  entry.answer = (async () => {
    let windowId: number | undefined;
    let tabId = pinnedTabId;
    if (pinnedTabId === undefined) {
      const win = await browser.windows.getCurrent().catch(() => undefined);
      windowId = win?.id;
      const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
      tabId = tab?.id;
      askedTabId = tabId;
    }
    const reply = tabId === undefined ? null : await browser.runtime.sendMessage({ type: 'baton/get-tab-record', tabId }).catch(() => null);
    return { windowId, tabId, reply };
  })();
  // An answer nobody takes (another page) must not keep its listeners.
  entry.answer.catch(() => undefined);
  slot.__batonTabRecordPrefetch = entry;
  return entry.answer;
}

/** The prefetched answer for this panel, once; null when none was asked, it was for another tab, or it may be old. */
export async function takePrefetchedTabRecord(pinnedTabId: number | undefined): Promise<PrefetchedTabRecord | null> {
  const entry = slot.__batonTabRecordPrefetch;
  slot.__batonTabRecordPrefetch = undefined;
  if (!entry) return null;
  const answer = await entry.answer.catch(() => null);
  entry.stop();
  return answer && entry.pinnedTabId === pinnedTabId && !entry.stale ? answer : null;
}

/**
 * The prefetched answer without taking it (the panel's subscription still takes it): for the first paint
 * (entrypoints/sidepanel/main.tsx), which draws the cached record before the app's code has loaded. Null as above.
 */
export async function peekPrefetchedTabRecord(pinnedTabId: number | undefined): Promise<PrefetchedTabRecord | null> {
  const entry = slot.__batonTabRecordPrefetch;
  if (!entry || entry.pinnedTabId !== pinnedTabId) return null;
  const answer = await entry.answer.catch(() => null);
  return answer && !entry.stale ? answer : null;
}
