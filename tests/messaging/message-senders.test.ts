import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { subscribeActiveTabRecord, type ActiveTabRecord } from '../../lib/messaging/active-tab-record';
import { startOutboxDelivery } from '../../lib/messaging/outbox-delivery';
import { handleBackgroundMessage } from '../../lib/messaging/tab-records';
import { runOutbox } from '../../lib/store/outbox-runner';
import { openBatonDb } from '../../lib/store/db';

// The outbox run itself is tested elsewhere: here only whether a kick starts one.
vi.mock('../../lib/store/outbox-runner', () => ({ runOutbox: vi.fn(async () => undefined) }));

import type { MessageSender } from '../../lib/messaging/senders';

type BrowserSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
/** The fake's listeners take the browser's full MessageSender type; the fields here are what a sender carries. */
const trigger = (message: unknown, sender: MessageSender) => fakeBrowser.runtime.onMessage.trigger(message, sender as BrowserSender);

const EXT = `chrome-extension://${fakeBrowser.runtime.id}`;
/** Who can send a runtime message, as the browser describes them. */
const SENDERS = {
  dockedPanel: { id: fakeBrowser.runtime.id, url: `${EXT}/sidepanel.html` },
  panelInATab: { id: fakeBrowser.runtime.id, url: `${EXT}/sidepanel.html?tab=7`, tab: { id: 12 } },
  optionsPage: { id: fakeBrowser.runtime.id, url: `${EXT}/options.html` },
  worker: { id: fakeBrowser.runtime.id, url: `${EXT}/background.js` },
  contentScriptTab7: { id: fakeBrowser.runtime.id, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEEAV/view', tab: { id: 7 }, frameId: 0 },
  contentScriptTab8: { id: fakeBrowser.runtime.id, url: 'https://app.hubspot.com/contacts/1234567/record/0-1/51', tab: { id: 8 }, frameId: 0 },
  lookalikeOrigin: { id: fakeBrowser.runtime.id, url: `${EXT}.evil.example/sidepanel.html`, tab: { id: 8 } },
  anotherExtension: { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' },
} satisfies Record<string, MessageSender>;

const lead7 = { system: 'salesforce', instance: 'acme', object: 'Lead', id: '00Q5e00000AbCdEEAV' } as const;
const forged = { system: 'salesforce', instance: 'acme', object: 'Lead', id: '00Q5e00000EvilXXAV' } as const;
const page7 = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEEAV/view';

async function tabRecord(tabId: number) {
  return handleBackgroundMessage({ type: 'baton/get-tab-record', tabId }, SENDERS.dockedPanel);
}

describe('messages only from where they belong', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    vi.mocked(runOutbox).mockClear();
  });

  it("a content script sets only its own tab's record, whatever tab it names", async () => {
    await handleBackgroundMessage({ type: 'baton/record-viewed', ref: lead7, page: page7 }, SENDERS.contentScriptTab7);
    await handleBackgroundMessage({ type: 'baton/record-viewed', tabId: 7, ref: forged, page: page7 }, SENDERS.contentScriptTab8);
    expect(await tabRecord(7)).toEqual({ ref: lead7, page: page7 });
    expect(await tabRecord(8)).toMatchObject({ ref: forged });
  });

  it('a record announced without a tab (an extension page, another extension) is ignored', async () => {
    expect(await handleBackgroundMessage({ type: 'baton/record-viewed', ref: forged, page: '' }, SENDERS.dockedPanel)).toBeUndefined();
    expect(await handleBackgroundMessage({ type: 'baton/record-viewed', ref: forged, page: '' }, { ...SENDERS.anotherExtension, tab: { id: 7 } })).toBeUndefined();
    expect(await tabRecord(7)).toEqual({ ref: null, page: '' });
  });

  it.each([
    ['a content script asking for another tab', SENDERS.contentScriptTab8],
    ['a content script asking for its own tab', SENDERS.contentScriptTab7],
    ['a page on a lookalike origin', SENDERS.lookalikeOrigin],
    ['another extension', SENDERS.anotherExtension],
    ['a sender without a URL', { id: fakeBrowser.runtime.id }],
  ])("refuses to tell a tab's record to %s", async (_case, sender) => {
    await handleBackgroundMessage({ type: 'baton/record-viewed', ref: lead7, page: page7 }, SENDERS.contentScriptTab7);
    expect(await handleBackgroundMessage({ type: 'baton/get-tab-record', tabId: 7 }, sender)).toBeUndefined();
    const replies = await trigger({ type: 'baton/get-tab-record', tabId: 7 }, sender);
    expect(replies.every((r) => r === undefined)).toBe(true);
  });

  it.each([
    ['the docked panel', SENDERS.dockedPanel],
    ['the panel opened as a tab', SENDERS.panelInATab],
  ])("tells a tab's record to %s", async (_case, sender) => {
    await handleBackgroundMessage({ type: 'baton/record-viewed', ref: lead7, page: page7 }, SENDERS.contentScriptTab7);
    expect(await handleBackgroundMessage({ type: 'baton/get-tab-record', tabId: 7 }, sender)).toEqual({ ref: lead7, page: page7 });
  });

  it('only extension pages can kick the outbox', async () => {
    startOutboxDelivery({ db: openBatonDb('senders-outbox'), connectorFor: async () => Promise.reject(new Error('not used')) });
    await vi.waitFor(() => expect(runOutbox).not.toHaveBeenCalled());
    for (const sender of [SENDERS.contentScriptTab7, SENDERS.anotherExtension, SENDERS.lookalikeOrigin]) {
      await trigger({ type: 'baton/outbox-kick' }, sender);
    }
    expect(runOutbox).not.toHaveBeenCalled();
    await trigger({ type: 'baton/outbox-kick' }, SENDERS.dockedPanel);
    await vi.waitFor(() => expect(runOutbox).toHaveBeenCalledTimes(1));
  });

  it('a content script cannot switch the open panel to a record of its choosing', async () => {
    const seen: (ActiveTabRecord | null)[] = [];
    const stop = subscribeActiveTabRecord((r) => seen.push(r), 7);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    const change = { type: 'baton/tab-record-changed', tabId: 7, ref: forged, page: page7 };
    await trigger(change, SENDERS.contentScriptTab7);
    await trigger(change, SENDERS.contentScriptTab8);
    await trigger(change, SENDERS.anotherExtension);
    expect(seen.some((r) => r?.ref?.id === forged.id)).toBe(false);
    // The background worker's broadcast is heard.
    await trigger({ ...change, ref: lead7 }, SENDERS.worker);
    expect(seen.at(-1)).toEqual({ tabId: 7, ref: lead7, page: page7 });
    stop();
  });
});
