import '../lib/zod-jitless';
import { connectorFor } from '../lib/connectors/registry';
import { startCacheBudget } from '../lib/messaging/cache-budget';
import { startDefinitionsSync } from '../lib/messaging/definitions-sync';
import { startOutboxDelivery } from '../lib/messaging/outbox-delivery';
import { startTabRecords } from '../lib/messaging/tab-records';
import { setupToolbarAction } from '../lib/messaging/toolbar-action';
import { db } from '../lib/store/db';

// Wiring only: every listener is registered synchronously at start, so a woken service worker hears the
// event that woke it.
export default defineBackground(() => {
  setupToolbarAction();
  startTabRecords();
  startOutboxDelivery({ db, connectorFor });
  startDefinitionsSync({ db, storage: browser.storage });
  startCacheBudget({ db });
});
