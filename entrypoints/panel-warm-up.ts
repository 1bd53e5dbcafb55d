import { warmIntl } from '../lib/i18n/format';
import { pinnedTabFrom, prefetchTabRecord } from '../lib/messaging/tab-record-prefetch';
import { warmStore } from '../lib/store/warm-store';

/**
 * A classic script the side panel's index.html runs before its module graph (Vite bundles every module script of
 * a page into one entry, which runs only once all its chunks have loaded). While those chunks download and
 * compile, the main thread is idle: the worker is asked which record the tab shows, the database files open, and
 * ICU loads, in time the first paint would otherwise wait for.
 */
export default defineUnlistedScript(() => {
  prefetchTabRecord(pinnedTabFrom(location.search));
  warmStore();
  warmIntl(Date.now());
});
