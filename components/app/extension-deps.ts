import { browser } from 'wxt/browser';
import { browserLocalStore } from '../../lib/connectors/local-store';
import { connectorFor, partnersFor } from '../../lib/connectors/registry';
import { salesforceBrowserDeps } from '../../lib/connectors/salesforce/browser-deps';
import type { BatonDeps } from '../../lib/queries/baton-deps';
import { db } from '../../lib/store/db';

/**
 * What the extension pages give the query hooks: the app database, the connector registry (and the connected
 * systems on the other side of each page, for one person across systems), and a nudge to
 * the background worker when feedback is queued (the worker delivers it, even after the panel closes).
 */
export const extensionDeps: BatonDeps = {
  db,
  connectorFor,
  partnersFor,
  onFeedbackQueued: () => {
    browser.runtime.sendMessage({ type: 'baton/outbox-kick' }).catch(() => {
      // The worker also runs the outbox on its alarm; a lost nudge only delays delivery.
    });
  },
};

/** What the options page's connection cards are given: the browser's storage, identity and permissions. */
export function connectionDeps() {
  return { salesforce: salesforceBrowserDeps(), storage: browserLocalStore() };
}
