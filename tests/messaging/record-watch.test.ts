import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { POLL_MS, startContentScriptWatch, startRecordWatch, type WatchContext } from '../../lib/messaging/record-watch';
import type { RecordRef } from '../../lib/domain/model';

function fakeContext() {
  const intervals: (() => void)[] = [];
  const ctx: WatchContext = {
    setInterval: (handler) => intervals.push(handler),
    addEventListener: (target, type, handler) => target.addEventListener(type, handler),
    isInvalid: false,
  };
  return { ctx, tick: () => intervals.forEach((h) => h()) };
}

const detect = (url: string): RecordRef | null => {
  const m = /\/lead\/(\w+)/.exec(url);
  return m ? { system: 'demo', instance: 'sfa', object: 'lead', id: m[1]! } : null;
};

describe('record watch in the content script', () => {
  it('announces the record on start, again only when it changes, and strips query strings', async () => {
    const location = { href: 'https://x.example/lead/a?token=secret' };
    const send = vi.fn().mockResolvedValue(undefined);
    const { ctx, tick } = fakeContext();
    startRecordWatch(ctx, detect, send, location);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toEqual({ type: 'baton/record-viewed', ref: expect.objectContaining({ id: 'a' }), page: 'https://x.example/lead/a' });

    location.href = 'https://x.example/lead/a?tab=details';
    tick();
    expect(send).toHaveBeenCalledTimes(1);

    location.href = 'https://x.example/lead/b';
    tick();
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[1]![0].ref.id).toBe('b');

    location.href = 'https://x.example/home';
    tick();
    expect(send.mock.calls[2]![0].ref).toBeNull();
    expect(POLL_MS).toBeLessThanOrEqual(300);
  });

  it('sends again after a failed send (background restarting)', async () => {
    const location = { href: 'https://x.example/lead/a' };
    const send = vi.fn().mockRejectedValueOnce(new Error('Receiving end does not exist')).mockResolvedValue(undefined);
    const { ctx, tick } = fakeContext();
    startRecordWatch(ctx, detect, send, location);
    await Promise.resolve();
    await Promise.resolve();
    tick();
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('a vendor page cannot stop the record watcher', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useRealTimers();
  });

  /**
   * WXT's context stops itself when it hears "a newer copy of this content script started": a CustomEvent on
   * the document, named from the extension id (public) and the entrypoint name. Any page script can fire it.
   */
  function forgeScriptStarted() {
    const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
    document.dispatchEvent(
      new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged-by-the-page' } }),
    );
  }

  it('keeps following records after the page forges WXT\'s "content script started" event', async () => {
    vi.useFakeTimers();
    // WXT makes this context around every content script's main(), listening on the document.
    const ctx = new ContentScriptContext('content');
    const location = { href: 'https://x.example/lead/a' };
    const send = vi.fn().mockResolvedValue(undefined);
    startContentScriptWatch(detect, send, location);
    expect(send).toHaveBeenCalledTimes(1);

    forgeScriptStarted();
    expect(ctx.isInvalid).toBe(true); // the forged event does stop WXT's context…

    location.href = 'https://x.example/lead/b';
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(send).toHaveBeenCalledTimes(2); // …but not the watcher: it heard the navigation
    expect(send.mock.calls[1]![0].ref.id).toBe('b');

    location.href = 'https://x.example/lead/c';
    vi.advanceTimersByTime(POLL_MS);
    expect(send).toHaveBeenCalledTimes(3); // and its polling goes on
    expect(send.mock.calls[2]![0].ref.id).toBe('c');
  });

  it('stops when the extension itself goes away (reloaded or removed), so no orphan keeps polling', () => {
    vi.useFakeTimers();
    const location = { href: 'https://x.example/lead/a' };
    const send = vi.fn().mockResolvedValue(undefined);
    startContentScriptWatch(detect, send, location);
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    location.href = 'https://x.example/lead/b';
    vi.advanceTimersByTime(POLL_MS * 3);
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(send).toHaveBeenCalledTimes(1);
  });
});
