import { lazy, Suspense } from 'react';
import { LoadingSkeleton } from '../panel/panel-states';

// Loaded on demand: a panel opened on a record paints that record first, without the queue's code
// (its judgement, countdown and filters) in the cold open's JavaScript.
const MyQueue = lazy(async () => ({ default: (await import('./my-queue')).MyQueue }));

/** The person's queue, fetched with its code the first time it shows (the tab has no record, or the My queue tab). */
export function LazyMyQueue() {
  return (
    <Suspense fallback={<LoadingSkeleton />}>
      <MyQueue />
    </Suspense>
  );
}
