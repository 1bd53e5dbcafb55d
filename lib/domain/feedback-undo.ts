import type { Feedback } from './model';

/** Undo is offered while the outbox still holds the click: pending, never attempted, inside its window. */
export function canUndo(f: Feedback, now: number): boolean {
  return f.state === 'pending' && f.attempts === 0 && now < f.nextAttemptAt;
}

/** The person's own latest click that still counts (not cancelled), among the feedback shown. */
export function latestOwnClick(feedback: readonly Feedback[], by: string): Feedback | undefined {
  return feedback.filter((f) => f.by === by && f.state !== 'cancelled').sort((a, b) => b.at - a.at)[0];
}
