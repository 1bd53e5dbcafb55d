import { warmIntl } from '../lib/i18n/format';
import { pinnedTabFrom, prefetchTabRecord } from '../lib/messaging/tab-record-prefetch';
import { prefetchFirstPaintRows } from '../lib/queries/first-paint-prefetch';
import { warmStore } from '../lib/store/warm-store';

/**
 * A classic script the side panel's index.html runs before its module graph (Vite bundles every module script of
 * a page into one entry, which runs only once all its chunks have loaded). While those chunks download and
 * compile, the main thread is idle: the worker is asked which record the tab shows and the store is read for it, the
 * database files open, and ICU loads, in time the first paint would otherwise wait for.
 */
export default defineUnlistedScript(() => {
  // Phase marks: `npm run bench` prints when each came (scripts/bench/cold-open.ts).
  performance.mark('baton:warm-up');
  const answer = prefetchTabRecord(pinnedTabFrom(location.search));
  // ICU's first use (tens of milliseconds on this thread, unless the worker's process has made it already: see
  // entrypoints/background.ts) is put after the worker's answer and the start of the store's read for the first
  // paint, so that read runs beside it; with no answer coming, it runs at once.
  const warm = () => warmIntl(Date.now());
  if (answer) {
    // The read opens the database (as warmStore would) while the worker is asked.
    prefetchFirstPaintRows(answer, warm);
  } else {
    warmStore();
    warm();
  }
});
