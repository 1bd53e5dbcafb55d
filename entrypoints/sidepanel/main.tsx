import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { FirstPaintPanel } from '../../components/panel/first-paint-panel';
import { firstPaintRef, readFirstPaint } from '../../lib/queries/first-paint';
import { peekPrefetchedTabRecord, pinnedTabFrom } from '../../lib/messaging/tab-record-prefetch';

/**
 * The side panel opens in two steps (issue 16). This small module draws the tab's record from the cache (raw
 * IndexedDB, no Dexie, no zod, no connector: see lib/queries/first-paint.ts) as soon as the warm-up's question to
 * the worker is answered; then it loads the app (./panel-app-mount.tsx), which renders hidden and takes the panel
 * over once it shows the same lead (or whatever it finds instead). Nothing cached: the app paints at once.
 * Returns how to remove the first paint, or null when there is none.
 */
async function paintFirst(): Promise<(() => void) | null> {
  try {
    const prefetched = await peekPrefetchedTabRecord(pinnedTabFrom(location.search));
    const ref = firstPaintRef(prefetched?.reply);
    if (!ref) return null;
    const now = Date.now();
    const paint = await readFirstPaint(ref, now, navigator.onLine);
    if (!paint) return null;
    const host = document.createElement('div');
    // Drawn, not live: no click or focus lands on it, and assistive technology (and a test's role query) waits for
    // the app, whose elements take clicks and keys.
    host.inert = true;
    host.setAttribute('aria-hidden', 'true');
    document.body.prepend(host);
    const root = createRoot(host);
    flushSync(() => root.render(<FirstPaintPanel paint={paint} now={now} />));
    return () => {
      root.unmount();
      host.remove();
    };
  } catch {
    // A first paint only: the app paints (and reports) on its own.
    return null;
  }
}

void paintFirst().then((removeFirstPaint) => {
  const load = () => void import('./panel-app-mount').then(({ mountPanelApp }) => mountPanelApp(removeFirstPaint));
  // Let the frame with the first paint reach the screen before the app's code is evaluated on this thread.
  if (removeFirstPaint) requestAnimationFrame(() => setTimeout(load, 0));
  else load();
});
