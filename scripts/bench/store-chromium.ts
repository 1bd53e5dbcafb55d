import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { formatStoreBench, FULL_SCALE, type StoreBenchResult, type StoreBenchScale } from './store-bench-core';

/**
 * The store benchmark in real Chromium, inside the production build of the extension (its unlisted
 * `bench.html` page, so IndexedDB is the extension origin's, as in the side panel).
 * Needs the bench build (`npm run bench` makes it). Run: BATON_BENCH=chromium npm run bench
 */
export async function runStoreChromiumBench(
  options: { extensionDir?: string; scale?: Partial<StoreBenchScale>; executablePath?: string } = {},
): Promise<StoreBenchResult> {
  const extensionDir = resolve(options.extensionDir ?? process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'bench.html'))) {
    throw new Error(`No bench.html in ${extensionDir}: run "npx wxt build" first (the bench page is entrypoints/bench).`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'baton-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().startsWith('[bench]')) console.log(`[store chromium] ${message.text().slice(8)}`);
    });
    await page.goto(`chrome-extension://${extensionId}/bench.html`);
    await page.waitForFunction(() => typeof window.runBench === 'function');
    const scale = { ...FULL_SCALE, ...options.scale };
    const result = await page.evaluate((s) => window.runBench!(s), scale);
    const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
    console.log(formatStoreBench(`Chromium ${version}, production build`, result));
    return result;
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
