import { canUndo, latestOwnClick } from '../../lib/domain/feedback-undo';
import type { Feedback } from '../../lib/domain/model';

const T0 = Date.parse('2026-11-25T10:00:00+09:00');

function click(over: Partial<Feedback> = {}): Feedback {
  return {
    id: 'feedback-1',
    ref: { system: 'salesforce', instance: 'acme', object: 'Lead', id: '00Q000000000001AAA' },
    personKey: 'taro@example.co.jp',
    verdict: 'good',
    reasonCodes: [],
    by: 'Sato Hanako',
    at: T0,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: T0 + 5_000,
    ...over,
  };
}

describe('taking a feedback click back', () => {
  it('is offered while the click waits in its undo window, never attempted', () => {
    expect(canUndo(click(), T0)).toBe(true);
    expect(canUndo(click(), T0 + 4_999)).toBe(true);
  });

  it('ends the moment the window closes', () => {
    expect(canUndo(click(), T0 + 5_000)).toBe(false);
  });

  it('is not offered once the outbox has tried to send it, or for a click already sent or cancelled', () => {
    expect(canUndo(click({ attempts: 1 }), T0)).toBe(false);
    expect(canUndo(click({ state: 'sending' }), T0)).toBe(false);
    expect(canUndo(click({ state: 'sent' }), T0)).toBe(false);
    expect(canUndo(click({ state: 'cancelled' }), T0)).toBe(false);
  });

  it("the person's own latest click is the newest of theirs, whoever clicked after them", () => {
    const older = click({ id: 'mine-older-1', at: T0 - 60_000, verdict: 'bad' });
    const newer = click({ id: 'mine-newer-1', at: T0 });
    const someoneElse = click({ id: 'theirs-0001', at: T0 + 60_000, by: 'Suzuki Ichiro' });
    expect(latestOwnClick([older, someoneElse, newer], 'Sato Hanako')).toBe(newer);
    expect(latestOwnClick([newer, older], 'Sato Hanako')).toBe(newer);
  });

  it('a click taken back no longer counts: the one before it is the latest again', () => {
    const kept = click({ id: 'mine-kept-01', at: T0 - 60_000, state: 'sent' });
    const undone = click({ id: 'mine-undone1', at: T0, state: 'cancelled' });
    expect(latestOwnClick([kept, undone], 'Sato Hanako')).toBe(kept);
    expect(latestOwnClick([undone], 'Sato Hanako')).toBeUndefined();
    expect(latestOwnClick([], 'Sato Hanako')).toBeUndefined();
  });
});
