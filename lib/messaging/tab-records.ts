import { browser } from 'wxt/browser';
import { inboundMessageSchema, type TabRecord, type TabRecordChanged } from './messages';
import { isFromExtensionPage, senderTabId, type MessageSender } from './senders';

/**
 * Background side of record tracking: which record each tab shows. Kept in storage.session so a suspended
 * service worker wakes up knowing it (storage.session is not readable by content scripts by default).
 */
const KEY_PREFIX = 'baton.tab.';

async function readTabRecord(tabId: number): Promise<TabRecord> {
  const key = `${KEY_PREFIX}${tabId}`;
  const stored = await browser.storage.session.get(key);
  const value = stored[key] as TabRecord | undefined;
  return value ?? { ref: null, page: '' };
}

async function writeTabRecord(tabId: number, record: TabRecord): Promise<void> {
  await browser.storage.session.set({ [`${KEY_PREFIX}${tabId}`]: record });
  const changed: TabRecordChanged = { type: 'baton/tab-record-changed', tabId, ...record };
  // Reaches extension pages (the side panel), never content scripts. No receiver is not an error.
  await browser.runtime.sendMessage(changed).catch(() => undefined);
}

/**
 * Handles one runtime message. Returns the reply, or undefined when the message is not for the background.
 * Exported for tests; the listener below wraps it in both reply styles Chrome and Firefox accept.
 * A content script speaks only for its own tab (the tab comes from the sender, never from the message) and
 * cannot read any tab's record; only the extension's own pages (the panel) may ask.
 */
export async function handleBackgroundMessage(raw: unknown, sender: MessageSender): Promise<unknown> {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = inboundMessageSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const message = parsed.data;
  switch (message.type) {
    case 'baton/record-viewed': {
      const tabId = senderTabId(sender);
      if (tabId === undefined) return undefined;
      await writeTabRecord(tabId, { ref: message.ref, page: message.page });
      return { ok: true };
    }
    case 'baton/get-tab-record':
      if (!isFromExtensionPage(sender)) return undefined;
      return readTabRecord(message.tabId);
    default:
      return undefined;
  }
}

export function startTabRecords(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type !== 'baton/record-viewed' && type !== 'baton/get-tab-record') return undefined;
    // Returning the promise is the reply in Firefox and in Chrome ≥ 99 alike.
    return handleBackgroundMessage(message, sender);
  });

  // A full navigation away (to a non-vendor page, where no content script runs) must not leave the old
  // record behind. `status` is visible without the `tabs` permission; the URL is not, and we don't need it.
  // Same-document navigations (pushState) do not pass through 'loading': the content script reports those.
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void writeTabRecord(tabId, { ref: null, page: '' });
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(`${KEY_PREFIX}${tabId}`);
  });
}
