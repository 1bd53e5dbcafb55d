import { browser } from 'wxt/browser';
import type { RecordRef } from '../domain/model';
import { tabRecordChangedSchema, tabRecordSchema } from './messages';
import { isFromExtensionPage, type MessageSender } from './senders';
import { takePrefetchedTabRecord } from './tab-record-prefetch';

export interface ActiveTabRecord {
  tabId: number;
  ref: RecordRef | null;
  page: string;
}

/**
 * Side-panel side of record tracking: calls `cb` with the record shown in the active tab of the panel's
 * window, now and whenever it changes (tab switch, in-page navigation, reload). `pinnedTabId` follows one
 * tab instead (the panel page opened as a normal tab, `sidepanel.html?tab=ID`).
 */
export function subscribeActiveTabRecord(
  cb: (record: ActiveTabRecord | null) => void,
  pinnedTabId?: number,
): () => void {
  let disposed = false;
  let windowId: number | undefined;
  let activeTabId: number | undefined = pinnedTabId;
  let generation = 0;

  const emitFor = async (tabId: number | undefined, prefetched?: { reply: unknown }) => {
    const mine = ++generation;
    if (tabId === undefined) {
      if (!disposed) cb(null);
      return;
    }
    const reply = prefetched ? prefetched.reply : await browser.runtime.sendMessage({ type: 'baton/get-tab-record', tabId }).catch(() => null);
    if (disposed || mine !== generation) return;
    const parsed = tabRecordSchema.safeParse(reply);
    cb(parsed.success ? { tabId, ...parsed.data } : { tabId, ref: null, page: '' });
  };

  const refresh = async () => {
    // The panel's warm-up may have asked already, while the scripts loaded (tab-record-prefetch.ts).
    const early = await takePrefetchedTabRecord(pinnedTabId);
    if (early && !disposed) {
      if (pinnedTabId === undefined) {
        windowId = early.windowId;
        activeTabId = early.tabId;
      }
      return emitFor(early.tabId, early);
    }
    if (pinnedTabId !== undefined) return emitFor(pinnedTabId);
    const win = await browser.windows.getCurrent().catch(() => undefined);
    windowId = win?.id;
    const [tab] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
    activeTabId = tab?.id;
    return emitFor(activeTabId);
  };

  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (pinnedTabId !== undefined || (windowId !== undefined && info.windowId !== windowId)) return;
    activeTabId = info.tabId;
    void emitFor(info.tabId);
  };
  // Only the worker (or another page of the extension) says which record a tab shows: a content script's
  // message reaches extension pages too, and must not switch the panel to a record of its choosing.
  const onMessage = (message: unknown, sender: MessageSender) => {
    if (!isFromExtensionPage(sender)) return undefined;
    const parsed = tabRecordChangedSchema.safeParse(message);
    if (!parsed.success || parsed.data.tabId !== activeTabId) return undefined;
    generation++;
    const { tabId, ref, page } = parsed.data;
    cb({ tabId, ref, page });
    return undefined;
  };

  browser.tabs.onActivated.addListener(onActivated);
  browser.runtime.onMessage.addListener(onMessage);
  void refresh();
  return () => {
    disposed = true;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.runtime.onMessage.removeListener(onMessage);
  };
}
