import { browser } from 'wxt/browser';
import type { MessageSender } from './tab-records';

export type { MessageSender };

/** Only pages of this extension (options, panel) may ask: a content script shares our id but not our origin. */
export function fromExtensionPage(sender: MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  return sender.url.startsWith(browser.runtime.getURL('/'));
}
