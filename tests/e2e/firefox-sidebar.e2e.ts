import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoConnector } from '../../lib/connectors/demo/demo-connector';
import { DEMO_FEATURED } from '../../lib/connectors/demo/featured';
import { en } from '../../lib/i18n/messages-en';
import { sidewaysOverflow } from './support/sideways-scroll';

// The Firefox build (`wxt build -b firefox`) in Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core
// (Playwright's Firefox needs its own patched build). Recipe: /work/shared/notes/toolchain.md, "Real Firefox".
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_DIR = resolve('.output/firefox-mv2');
const GECKO_ID = 'baton@baton.example';
// Fixed in advance (pref extensions.webextensions.uuids) so the test knows the add-on's moz-extension origin.
const UUID = '0b5a7e2c-9f10-4a51-9b1e-6d1f4a523c0e';
const url = (path: string) => `moz-extension://${UUID}/${path}`;
const SIDEBAR_WIDTH = 240; // what Firefox's sidebar leaves for content by default

let browser: Browser;
const errors: string[] = [];

type BidiContext = {
  navigate(url: string, wait: 'complete'): Promise<void>;
  setViewport(options: { viewport: { width: number; height: number } }): Promise<void>;
};
const contextOf = (page: Page) => (page.mainFrame() as unknown as { browsingContext: BidiContext }).browsingContext;

/** page.goto never settles on moz-extension URLs; BiDi's own navigate with wait=complete does. */
async function navigate(page: Page, to: string): Promise<void> {
  await contextOf(page).navigate(to, 'complete');
}

/**
 * The viewport through BiDi's own `browsingContext.setViewport`: puppeteer's `page.setViewport` also sends
 * `emulation.setScreenOrientationOverride`, which Firefox ESR 140 (Debian bookworm's firefox-esr today) does not know.
 */
async function setWidth(page: Page, width: number, height: number): Promise<void> {
  await contextOf(page).setViewport({ viewport: { width, height } });
}

/**
 * Waits until `probe` (run in the page) answers true. Puppeteer's waitForFunction and waitForSelector build their
 * poller with `new Function` inside the page, which the extension page's CSP refuses in Firefox ESR 140; each probe
 * here is a plain BiDi `script.callFunction`. It ends as soon as the page shows what is waited for.
 */
async function waitInPage(page: Page, probe: (arg: string) => boolean, arg: string, what: string, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(probe, arg).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Firefox: ${what} did not show within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const headingIs = (name: string) => document.querySelector('h1')?.textContent === name;

async function newWatchedPage(name: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${name}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${name}: ${String(error)}`));
  return page;
}

const demo = createDemoConnector({ pageBase: url('') });
const nameOf = async (sfaId: string) =>
  (await demo.fetchContext({ system: 'demo', instance: 'sfa', object: 'lead', id: sfaId }, { now: Date.now() })).person.name;

beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: install Debian's firefox-esr (apt-get install firefox-esr) or set FIREFOX_PATH.`);
  if (!existsSync(resolve(ADDON_DIR, 'manifest.json'))) throw new Error(`No Firefox build in ${ADDON_DIR}: run \`npx wxt build -b firefox\` first.`);
  browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    // Firefox 153's BiDi refuses to navigate to moz-extension URLs ("not allowed in this context") unless asked to.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }) },
  });
  await browser.installExtension(ADDON_DIR);
});
afterAll(async () => {
  await browser?.close();
});

describe('Baton in Firefox ESR', () => {
  it('shows the demo record in a 240 px sidebar without sideways scrolling, follows the record, and delivers a click', async () => {
    const first = DEMO_FEATURED.hotJustHandedOff;
    const second = DEMO_FEATURED.englishOpportunity;

    const record = await newWatchedPage('demo SFA page');
    await navigate(record, url(`demo-sfa.html#/lead/${first.sfa}`));
    const tabId = await record.evaluate(async () => {
      const api = (globalThis as unknown as { browser: { tabs: { getCurrent(): Promise<{ id: number }> } } }).browser;
      return (await api.tabs.getCurrent()).id;
    });

    // The sidebar's page, pinned to the record's tab as the docked sidebar follows the active tab.
    const panel = await newWatchedPage('sidebar');
    await setWidth(panel, SIDEBAR_WIDTH, 900);
    await navigate(panel, url(`sidepanel.html?tab=${tabId}`));
    expect(await panel.evaluate(() => window.innerWidth)).toBe(SIDEBAR_WIDTH);
    const heading = () => panel.evaluate(() => document.querySelector('h1')?.textContent ?? '');
    await waitInPage(panel, headingIs, await nameOf(first.sfa), 'the first lead');
    await waitInPage(panel, (selector) => document.querySelector(selector) !== null, '[data-band]', 'the temperature');
    const { overflow, culprits } = await panel.evaluate(sidewaysOverflow);
    expect(overflow, `scrolls sideways at ${SIDEBAR_WIDTH}px: ${culprits.join(', ')}`).toBeLessThanOrEqual(0);

    // The person moves to another lead in the same tab: the sidebar follows.
    await record.evaluate((hash) => {
      location.hash = hash;
    }, `#/lead/${second.sfa}`);
    await waitInPage(panel, headingIs, await nameOf(second.sfa), 'the second lead');
    expect(await heading()).toBe(await nameOf(second.sfa));

    // One click of feedback reaches the demo CRM once the undo window has passed.
    // Each probe runs in the page, so each finds the button itself (by its accessible name: label or text).
    await waitInPage(
      panel,
      (name) => [...document.querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name),
      en['fb.good'],
      'the feedback buttons',
    );
    await panel.evaluate((name) => {
      [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name)!.click();
    }, en['fb.good']);
    await waitInPage(
      panel,
      (word) => [...document.querySelectorAll('.feedback [role="status"]')].some((s) => s.textContent?.includes(word)),
      en['fb.state.sent'],
      'the delivered feedback',
    );

    expect(errors).toEqual([]);
    await panel.close();
    await record.close();
  });
});
