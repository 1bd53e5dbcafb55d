import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { canUndo, latestOwnClick } from '../domain/feedback-undo';
import { recordKey, type Feedback, type RecordRef } from '../domain/model';
import { amendFeedback, listFeedback, recordFeedback, retryFeedback, undoFeedback, type FeedbackInput } from '../store/outbox';
import { useBatonDeps } from './baton-deps';

/**
 * Feedback on the record: clicks made here (with their delivery state, live as the background sends them)
 * and feedback already in the system of record, once each, newest first.
 */
export function useFeedbackFor(ref: RecordRef | null): Feedback[] | undefined {
  const { db } = useBatonDeps();
  const key = ref ? recordKey(ref) : null;
  return useLiveQuery(async () => {
    if (key === null) return [];
    const record = await db.records.get(key);
    const [local, remote] = await Promise.all([
      listFeedback(db, { recordKey: key }),
      record ? db.remoteFeedback.where('personKey').equals(record.personKey).toArray() : db.remoteFeedback.where('recordKey').equals(key).toArray(),
    ]);
    const byId = new Map<string, Feedback>();
    for (const { recordKey: _r, ...feedback } of remote) byId.set(feedback.id, feedback);
    // Our own row knows the delivery state; it wins over the vendor's copy of the same click.
    for (const feedback of local) byId.set(feedback.id, feedback);
    return [...byId.values()].sort((a, b) => b.at - a.at);
  }, [db, key]);
}

export interface FeedbackActions {
  give(input: FeedbackInput): Promise<Feedback>;
  /**
   * A click in the panel: changing one's mind inside the undo window replaces the earlier click (`shown`: the
   * feedback on screen) instead of sending both, so the vendor counts the lead once.
   */
  click(input: FeedbackInput, shown: readonly Feedback[]): Promise<Feedback>;
  undo(id: string): Promise<boolean>;
  /** Reasons or a comment after delivery: the outbox updates the one vendor record (false: not delivered yet). */
  amend(id: string, reasonCodes: string[], comment?: string): Promise<boolean>;
  retry(id: string): Promise<boolean>;
}

export function useFeedbackActions(): FeedbackActions {
  const { db, now, onFeedbackQueued } = useBatonDeps();
  return useMemo((): FeedbackActions => {
    const give = async (input: FeedbackInput) => {
      const feedback = await recordFeedback(db, input, now());
      onFeedbackQueued?.(feedback.nextAttemptAt);
      return feedback;
    };
    return {
      give,
      async click(input, shown) {
        const mine = latestOwnClick(shown, input.by);
        if (mine && canUndo(mine, now())) await undoFeedback(db, mine.id, now());
        return give(input);
      },
      undo: (id) => undoFeedback(db, id, now()),
      async amend(id, reasonCodes, comment) {
        const at = now();
        const queued = await amendFeedback(db, id, { reasonCodes, ...(comment ? { comment } : {}) }, at);
        if (queued) onFeedbackQueued?.(at);
        return queued;
      },
      async retry(id) {
        const at = now();
        const queued = await retryFeedback(db, id, at);
        if (queued) onFeedbackQueued?.(at);
        return queued;
      },
    };
  }, [db, now, onFeedbackQueued]);
}
