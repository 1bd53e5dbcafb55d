import { detectRecord } from '../lib/sites/detect-record';
import { CONTENT_SCRIPT_MATCHES } from '../lib/sites/hosts';
import { startContentScriptWatch } from '../lib/messaging/record-watch';

// Tiny on purpose: it runs on heavy CRM pages. It reads the URL, tells the background which record this tab
// shows, and follows in-page navigation. No IndexedDB here: it would belong to the vendor page's origin.
export default defineContentScript({
  matches: CONTENT_SCRIPT_MATCHES,
  runAt: 'document_idle',
  // WXT's ctx is not used: a page can end it by forging its "script started" event (lib/messaging/record-watch).
  main() {
    startContentScriptWatch(detectRecord);
  },
});
