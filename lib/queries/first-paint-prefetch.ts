import type { RecordRef } from '../domain/model';
import { recordKey } from '../domain/record-ref';
import { openFirstPaintStore, readFirstPaintRows, type FirstPaintRows } from '../store/first-paint-read';
import { firstPaintRef } from './first-paint-ref';

interface EarlyRead {
  key: string;
  rows: Promise<FirstPaintRows | null>;
}

// On the global object: the warm-up script (a bundle of its own) reads, the panel's first paint takes.
const slot = globalThis as { __batonFirstPaintRows?: EarlyRead | undefined };

/**
 * Begins the first paint's read of the store as soon as the worker has said which record the tab shows, from the
 * warm-up script (entrypoints/panel-warm-up.ts): the read then runs while the panel's modules load and compile,
 * not after them (issue 16: it was a sixth of a cold open's time to content). No answer, no record: nothing is read
 * (the connection opened meanwhile is closed).
 * `then` runs once the read has begun (or once it is known there is none): work for the main thread meanwhile.
 */
export function prefetchFirstPaintRows(answer: Promise<{ reply: unknown }>, then: () => void = () => undefined): void {
  slot.__batonFirstPaintRows = undefined;
  // The database opens while the worker is asked (the store's files open on a cold start: it was one more step
  // after the answer, delayed by the module evaluation it then met).
  const opened = openFirstPaintStore().catch(() => null);
  const close = () => void opened.then((db) => db?.close());
  void answer
    .then(({ reply }) => {
      const ref = firstPaintRef(reply);
      if (!ref) return close();
      const rows = readFirstPaintRows(ref, { opened }).catch(() => null);
      void rows.then(() => performance.mark('baton:rows-read'));
      slot.__batonFirstPaintRows = { key: recordKey(ref), rows };
    })
    .catch(close)
    .finally(then);
}

/**
 * The early read for `ref`, once; undefined when none was begun or it was for another record (the tab moved on
 * before the panel's code ran): the first paint reads for itself then.
 */
export function takeFirstPaintRows(ref: RecordRef): Promise<FirstPaintRows | null> | undefined {
  const early = slot.__batonFirstPaintRows;
  slot.__batonFirstPaintRows = undefined;
  return early?.key === recordKey(ref) ? early.rows : undefined;
}
