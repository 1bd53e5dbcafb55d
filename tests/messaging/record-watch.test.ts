import { describe, expect, it, vi } from 'vitest';
import { POLL_MS, startRecordWatch, type WatchContext } from '../../lib/messaging/record-watch';
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
