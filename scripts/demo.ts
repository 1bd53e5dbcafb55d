/**
 * `npm run demo`: builds the production extension (done by the npm script before this runs), then opens
 * Chromium or Chrome with Baton loaded on the demo Salesforce-like lead page, and opens the side panel.
 * Without a browser or a display it says what is missing and how to load the build by hand.
 */
import { resolve } from 'node:path';
import { EXTENSION_DIR, findBrowser, launchWithExtension } from '../tests/e2e/support/browser';

const manual = `
Load it by hand instead:
  1. Open chrome://extensions, turn on Developer mode.
  2. "Load unpacked" → choose ${resolve(EXTENSION_DIR)}
  3. Click the Baton icon in the toolbar, then "Try the demo".
Firefox: npm run build:firefox, then about:debugging → "Load Temporary Add-on" → .output/firefox-mv2/manifest.json`;

async function main(): Promise<number> {
  const browserPath = findBrowser();
  if (!browserPath) {
    console.error(`No Chromium or Chrome found. Install one (Debian: apt-get install chromium) or set CHROME_PATH.${manual}`);
    return 1;
  }
  const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  if (!hasDisplay) {
    console.error(`No display (DISPLAY is not set), so no browser window can open here.${manual}`);
    return 1;
  }
  process.env.CHROME_PATH = browserPath;
  const ext = await launchWithExtension({ headless: false });
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(ext.url('demo-sfa.html'));
  // The demo page's "Open the Baton panel" button calls sidePanel.open() inside the click (a user gesture).
  const openButton = page.locator('[data-baton-open-panel]');
  if (await openButton.count()) await openButton.first().click().catch(() => undefined);
  console.log(`Baton demo is open (${browserPath}). Close the browser window to end.`);
  await new Promise<void>((done) => ext.context.on('close', () => done()));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}${manual}`);
    process.exit(1);
  },
);
