import { browser } from 'wxt/browser';
import type { RecordRef } from '../domain/model';
import { sameRecord } from '../domain/record-ref';
import type { RecordViewed } from './messages';
import { pageLabel } from './page-label';

/** The slice of WXT's ContentScriptContext the watcher needs (timers and listeners die with the context). */
export interface WatchContext {
  setInterval(handler: () => void, timeout?: number): number;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void;
  readonly isInvalid: boolean;
}

/**
 * Lightning and HubSpot change records with history.pushState, without a page load. We listen to the
 * Navigation API where the browser has it (Chromium) and also compare location.href every POLL_MS, which
 * is a string comparison: cheap enough for heavy pages and well inside the 300 ms the panel promises.
 */
export const POLL_MS = 150;

export function startRecordWatch(
  ctx: WatchContext,
  detect: (url: string) => RecordRef | null,
  send: (message: RecordViewed) => Promise<unknown> = (m) => browser.runtime.sendMessage(m),
  location: { readonly href: string } = window.location,
): void {
  let lastHref = '';
  let lastRef: RecordRef | null | undefined;

  const check = () => {
    if (ctx.isInvalid) return;
    const href = location.href;
    if (href === lastHref) return;
    lastHref = href;
    const ref = detect(href);
    if (lastRef !== undefined && sameRecord(ref, lastRef)) return;
    lastRef = ref;
    send({ type: 'baton/record-viewed', ref, page: pageLabel(href) }).catch(() => {
      // The background may be restarting; the next change or the visibility check sends again.
      lastRef = undefined;
      lastHref = '';
    });
  };

  check();
  ctx.setInterval(check, POLL_MS);
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  if (nav) ctx.addEventListener(nav, 'currententrychange', () => queueMicrotask(check));
  ctx.addEventListener(window, 'popstate', check);
  ctx.addEventListener(window, 'hashchange', check);
  // A tab coming back to the front re-announces itself: the background may have been restarted meanwhile.
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      lastRef = undefined;
      lastHref = '';
      check();
    }
  });
}

/**
 * The watcher's own lifetime: as long as the extension lives. Deliberately not WXT's ContentScriptContext:
 * that context ends itself when it hears a "content script started" CustomEvent on the document, whose name is
 * built from the extension id (public) and the entrypoint name, so any script on the vendor page can forge it
 * and stop Baton from following records in the tab. Nothing on the page can forge `browser.runtime.id` going
 * away, which is what really ends a content script (extension reloaded, updated or removed): then every timer
 * and listener here is dropped, so no orphan keeps polling.
 * (wxt/dist/utils/content-script-context.mjs, `listenForNewerScripts`.)
 */
export function extensionLifetime(): WatchContext {
  const life = new AbortController();
  const alive = () => {
    if (!life.signal.aborted && browser.runtime?.id == null) life.abort();
    return !life.signal.aborted;
  };
  return {
    setInterval(handler, timeout) {
      const id = window.setInterval(() => {
        if (alive()) handler();
      }, timeout);
      life.signal.addEventListener('abort', () => window.clearInterval(id));
      return id;
    },
    addEventListener(target, type, handler) {
      target.addEventListener(type, (event) => {
        if (alive()) handler(event);
      }, { signal: life.signal });
    },
    get isInvalid() {
      return !alive();
    },
  };
}

/**
 * The content script's entry: follows the records this tab shows for as long as the extension lives. It takes
 * no WXT context on purpose (see `extensionLifetime`).
 */
export function startContentScriptWatch(
  detect: (url: string) => RecordRef | null,
  send?: (message: RecordViewed) => Promise<unknown>,
  location?: { readonly href: string },
): void {
  startRecordWatch(extensionLifetime(), detect, send, location);
}
