import { browser } from 'wxt/browser';

/** What the browser tells a listener about who sent a runtime message (the fields Baton reads). */
export type MessageSender = { id?: string; tab?: { id?: number }; url?: string; frameId?: number };

/**
 * Sent by one of this extension's own pages or its worker: the side panel, the options page, the demo pages,
 * the background. A content script shares the extension's id but its `url` is the vendor page's, so the
 * origin tells them apart. The panel may be open as a tab (`sidepanel.html?tab=ID`, also the options page
 * when Chrome opens it in a tab), so `sender.tab` alone does not mean "content script".
 * https://developer.chrome.com/docs/extensions/reference/api/runtime#type-MessageSender
 */
export function isFromExtensionPage(sender: MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  // The trailing slash of getURL('/') keeps out lookalikes such as chrome-extension://ID.evil.example/.
  return sender.url.startsWith(browser.runtime.getURL('/'));
}

/**
 * The tab a message speaks for: the sender's own tab, never one named in the message. Undefined for a
 * sender outside any tab (the docked panel, the worker) or from another extension.
 */
export function senderTabId(sender: MessageSender): number | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const tabId = sender.tab?.id;
  return tabId === undefined || tabId < 0 ? undefined : tabId;
}
