import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { handleBackgroundMessage } from '../../lib/messaging/tab-records';

/** The side panel asks: an extension page, no tab. */
const panel = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') });
const lead = { system: 'salesforce', instance: 'acme', object: 'Lead', id: '00Q5e00000AbCdEEAV' } as const;

describe('background record tracking', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('remembers the record a tab reports and tells the panel', async () => {
    const broadcast = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 7 } };
    await handleBackgroundMessage({ type: 'baton/record-viewed', ref: lead, page: 'https://acme.lightning.force.com/lightning/r/Lead/x/view' }, sender);
    expect(broadcast).toHaveBeenCalledWith(expect.objectContaining({ type: 'baton/tab-record-changed', tabId: 7, ref: lead }));
    const reply = await handleBackgroundMessage({ type: 'baton/get-tab-record', tabId: 7 }, panel());
    expect(reply).toEqual({ ref: lead, page: 'https://acme.lightning.force.com/lightning/r/Lead/x/view' });
  });

  it('says nothing is known for a tab that never reported', async () => {
    expect(await handleBackgroundMessage({ type: 'baton/get-tab-record', tabId: 99 }, panel())).toEqual({ ref: null, page: '' });
  });

  it('ignores malformed messages and messages from other extensions', async () => {
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 3 } };
    await handleBackgroundMessage({ type: 'baton/record-viewed', ref: { ...lead, system: 'evil' }, page: '' }, sender);
    await handleBackgroundMessage({ type: 'baton/record-viewed', ref: lead, page: '' }, { id: 'another-extension', tab: { id: 3 } });
    expect(await handleBackgroundMessage({ type: 'baton/get-tab-record', tabId: 3 }, panel())).toEqual({ ref: null, page: '' });
  });
});
