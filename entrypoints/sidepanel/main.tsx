import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { FirstPaintPanel } from '../../components/panel/first-paint-panel';
import { loadCatalog } from '../../lib/i18n/load-catalog';
import { resolveLocale } from '../../lib/i18n/locale';
import { readFirstPaint } from '../../lib/queries/first-paint';
import { takeFirstPaintRows } from '../../lib/queries/first-paint-prefetch';
import { firstPaintRef } from '../../lib/queries/first-paint-ref';
import { peekPrefetchedTabRecord, pinnedTabFrom } from '../../lib/messaging/tab-record-prefetch';

// Phase marks (with the warm-up's): `npm run bench` prints when each came (scripts/bench/cold-open.ts).
performance.mark('baton:modules');

/**
 * The side panel opens in two steps (issue 16). This small module draws the tab's record from the cache (raw
 * IndexedDB, no Dexie, no zod, no connector: see lib/queries/first-paint.ts) as soon as the warm-up's question to
 * the worker is answered; then it loads the app (./panel-app-mount.tsx), which renders hidden and takes the panel
 * over once it shows the same lead (or whatever it finds instead). Nothing cached: the app paints at once.
 * The first paint comes in two frames (components/panel/first-frame.tsx): the top of the panel, then the rest.
 * Returns how to draw the rest and how to remove the first paint, or null when there is none.
 */
async function paintFirst(): Promise<{ complete: () => void; remove: () => void } | null> {
  // The browser's language is the likely one (the settings' 'auto'): its catalog loads while the store is read.
  const likely = resolveLocale('auto', navigator.languages);
  const likelyCatalog = loadCatalog(likely);
  likelyCatalog.catch(() => undefined);
  try {
    const prefetched = await peekPrefetchedTabRecord(pinnedTabFrom(location.search));
    const ref = firstPaintRef(prefetched?.reply);
    if (!ref) return null;
    const now = Date.now();
    const paint = await readFirstPaint(ref, now, navigator.onLine, undefined, takeFirstPaintRows(ref));
    if (!paint) return null;
    performance.mark('baton:judged');
    const locale = resolveLocale(paint.language, navigator.languages);
    const catalog = await (locale === likely ? likelyCatalog : loadCatalog(locale));
    const host = document.createElement('div');
    // Drawn, not live: no click or focus lands on it, and assistive technology (and a test's role query) waits for
    // the app, whose elements take clicks and keys.
    host.inert = true;
    host.setAttribute('aria-hidden', 'true');
    document.body.prepend(host);
    const root = createRoot(host);
    flushSync(() => root.render(<FirstPaintPanel paint={paint} locale={locale} catalog={catalog} now={now} firstFrame />));
    performance.mark('baton:first-frame');
    return {
      complete: () => flushSync(() => root.render(<FirstPaintPanel paint={paint} locale={locale} catalog={catalog} now={now} />)),
      remove: () => {
        root.unmount();
        host.remove();
      },
    };
  } catch {
    // A first paint only: the app paints (and reports) on its own.
    return null;
  }
}

void paintFirst().then((firstPaint) => {
  const load = () => void import('./panel-app-mount').then(({ mountPanelApp }) => mountPanelApp(firstPaint?.remove ?? null));
  if (!firstPaint) return load();
  // Let the frame with the top of the panel reach the screen, then draw the rest while the app's code loads (its
  // download and compilation are off this thread; it is evaluated once this thread is free).
  requestAnimationFrame(() =>
    setTimeout(() => {
      load();
      try {
        firstPaint.complete();
      } catch {
        // The top stays on screen; the app draws the rest.
      }
    }, 0),
  );
});
