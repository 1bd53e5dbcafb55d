import '../lib/zod-jitless';
import { migrateSecretsOutOfLocalStorage } from '../lib/connectors/local-store';
import { connectorFor } from '../lib/connectors/registry';
import { startCacheBudget } from '../lib/messaging/cache-budget';
import { startCustomerHosts } from '../lib/messaging/customer-hosts';
import { startDefinitionsSync } from '../lib/messaging/definitions-sync';
import { startOutboxDelivery } from '../lib/messaging/outbox-delivery';
import { startQueueAlerts } from '../lib/messaging/queue-alerts';
import { startQueueBadge } from '../lib/messaging/queue-badge';
import { startTabRecords } from '../lib/messaging/tab-records';
import { startTeamSync } from '../lib/messaging/team-sync';
import { keepTeamViewsAfterSync } from '../lib/queries/keep-team-views';
import { setupTeamPageMenu } from '../lib/messaging/team-page-menu';
import { setupToolbarAction } from '../lib/messaging/toolbar-action';
import { db } from '../lib/store/db';
import { warmIntl } from '../lib/i18n/format';

// Wiring only: every listener is registered synchronously at start, so a woken service worker hears the
// event that woke it.
export default defineBackground(() => {
  // Installs made before secrets left storage.local (content scripts can read it): move them, sign no one out.
  void migrateSecretsOutOfLocalStorage().catch((error: unknown) => console.warn('Baton: moving secrets out of storage.local failed; retried at next start', error));
  setupToolbarAction();
  setupTeamPageMenu();
  startTabRecords();
  startOutboxDelivery({ db, connectorFor });
  startDefinitionsSync({ db, storage: browser.storage });
  startCacheBudget({ db });
  const alerts = startQueueAlerts({ db });
  const badge = startQueueBadge({ db, onQueue: alerts.onQueue });
  startTeamSync({
    db,
    connectorFor,
    onMineSynced: () => void badge.refresh().catch(() => undefined),
    // The team page's first visit after a sync paints from these (about ten seconds of work for 100,000 people).
    onTeamSynced: (system) => void keepTeamViewsAfterSync(db, (error) => console.warn('Baton: keeping the team page views failed; the page works them out itself', error), system),
  });
  startCustomerHosts();
  // ICU's first use (45–90 ms: locale data, the zone database) is kept per process, and the extension's pages run in
  // this worker's process (a Chromium trace of the panel's cold open shows the worker's thread in the panel's
  // process): paid here, after this wake's events are taken, the panel's first paint no longer pays it on its main
  // thread while its scripts load (issue 16).
  setTimeout(() => warmIntl(Date.now()), 0);
});
