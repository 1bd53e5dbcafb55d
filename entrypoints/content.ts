import { detectRecord } from '../lib/sites/detect-record';
import { CONTENT_SCRIPT_MATCHES } from '../lib/sites/hosts';
import { startContentScriptWatch } from '../lib/messaging/record-watch';
import { loadCustomerHostsFor } from '../lib/messaging/customer-hosts-page';

// Tiny on purpose: it runs on heavy CRM pages. It reads the URL, tells the background which record this tab
// shows, and follows in-page navigation. No IndexedDB here: it would belong to the vendor page's origin.
// The same file is registered at runtime for the customer hosts an admin adds in options
// (lib/messaging/customer-hosts.ts); there it first learns which vendor the host belongs to.
export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  // WXT's ctx is not used: a page can end it by forging its "script started" event (lib/messaging/record-watch).
  async main() {
    await loadCustomerHostsFor(window.location.href);
    startContentScriptWatch(detectRecord);
  },
});
