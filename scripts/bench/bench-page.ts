import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

/**
 * Opens the extension's unlisted bench page (entrypoints/bench) in Debian's Chromium with the bench build loaded,
 * so IndexedDB is the extension origin's, as in the side panel; runs `body`, then closes everything.
 * Lines the page logs with `[bench]` are echoed with `label`.
 */
export async function withBenchPage<T>(
  label: string,
  body: (page: Page, chromiumVersion: string) => Promise<T>,
  options: { extensionDir?: string; executablePath?: string } = {},
): Promise<T> {
  const extensionDir = resolve(options.extensionDir ?? process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'bench.html'))) {
    throw new Error(`No bench.html in ${extensionDir}: run "BATON_BENCH_PAGE=1 npx wxt build" first (the bench page is entrypoints/bench).`);
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
      if (message.text().startsWith('[bench]')) console.log(`[${label}] ${message.text().slice(8)}`);
    });
    await page.goto(`chrome-extension://${extensionId}/bench.html`);
    await page.waitForFunction(() => typeof window.runBench === 'function');
    const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '?'));
    return await body(page, version);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
