import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { DEMO_DEFAULT_LEAD } from '../../lib/connectors/demo/featured';
import { initialJsOf, kB, workerBytes } from './bundle-size';

/**
 * Cold open to content: a fresh Chromium launch opens the side panel (as a tab, `sidepanel.html?tab=ID`) on a
 * record already in the local cache, and the time from navigation start to the first frame showing its
 * temperature card is taken. The yardstick is the bench build's bare React 19 page (entrypoints/bench-react),
 * opened the same way. Each launch starts from a copy of one prepared profile without its code caches, so
 * every launch compiles the scripts anew. Medians of several launches, alternating the two pages.
 */
const PANEL_CONTENT = '.temperature [data-band]';
const BARE_CONTENT = '.bench-content';

// Runs in the page before its own scripts: the first animation frame after `selector` appears is the paint. The
// time is told through the console (read from CDP's console events), not by polling from the test: Playwright's
// waitForFunction evaluates its large injected script in the page, on the main thread the page still needs.
const CONTENT_MARK = 'baton-bench-content-at';
function contentTimer({ selector, mark }: { selector: string; mark: string }) {
  let done = false;
  const seen = () => {
    if (done || !document.querySelector(selector)) return false;
    done = true;
    requestAnimationFrame(() => console.debug(mark, performance.now()));
    return true;
  };
  new MutationObserver((_, observer) => {
    if (seen()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

async function launch(extensionDir: string, userDataDir: string): Promise<{ context: BrowserContext; id: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
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
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, id: new URL(worker.url()).host };
}

/** Says which record the first tab shows, as the content script would (the worker keeps it in storage.session). */
async function announceRecord(context: BrowserContext): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const ref = { system: 'demo', instance: 'sfa', object: 'lead', id: DEMO_DEFAULT_LEAD.sfa };
  return worker.evaluate(
    async ({ ref }) => {
      type Chrome = {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
        storage: { session: { set(items: object): Promise<void> } };
      };
      const api = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await api.tabs.query({});
      if (tab?.id === undefined) throw new Error('No tab to show the record in');
      await api.storage.session.set({ [`baton.tab.${tab.id}`]: { ref, page: 'demo-sfa' } });
      return tab.id;
    },
    { ref },
  );
}

async function timeOpen(context: BrowserContext, url: string, selector: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(contentTimer, { selector, mark: CONTENT_MARK });
  const contentAt = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${selector} within 30 s at ${url}`)), 30_000);
    page.on('console', (message) => {
      const [mark, at] = message.text().split(' ');
      if (mark !== CONTENT_MARK) return;
      clearTimeout(timer);
      resolve(Number(at));
    });
  });
  await page.goto(url);
  return contentAt;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function runColdOpenBench(options: { extensionDir?: string; launches?: number } = {}) {
  const extensionDir = resolve(options.extensionDir ?? process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'bench-react.html'))) {
    throw new Error(`No bench-react.html in ${extensionDir}: make the bench build (BATON_BENCH_PAGE=1 npx wxt build).`);
  }
  const launches = options.launches ?? Number(process.env.BATON_COLD_LAUNCHES ?? 7);
  const panelBytes = initialJsOf(extensionDir, 'sidepanel.html');
  const bareBytes = initialJsOf(extensionDir, 'bench-react.html');
  const worker = workerBytes(extensionDir);

  // The prepared profile: the extension installed and the demo record read once, so it is in the cache.
  const template = mkdtempSync(join(tmpdir(), 'baton-cold-template-'));
  {
    const { context, id } = await launch(extensionDir, template);
    const tabId = await announceRecord(context);
    await timeOpen(context, `chrome-extension://${id}/sidepanel.html?tab=${tabId}`, PANEL_CONTENT);
    await context.close();
  }

  const panel: number[] = [];
  const bare: number[] = [];
  try {
    for (let i = 0; i < launches * 2; i++) {
      const which = i % 2 === 0 ? 'panel' : 'bare';
      const profile = mkdtempSync(join(tmpdir(), 'baton-cold-'));
      cpSync(template, profile, {
        recursive: true,
        filter: (src) => !/(Code Cache|GPUCache|GrShaderCache|ShaderCache|Singleton\w*)$/.test(src),
      });
      const { context, id } = await launch(extensionDir, profile);
      try {
        const tabId = await announceRecord(context);
        const ms =
          which === 'panel'
            ? await timeOpen(context, `chrome-extension://${id}/sidepanel.html?tab=${tabId}`, PANEL_CONTENT)
            : await timeOpen(context, `chrome-extension://${id}/bench-react.html`, BARE_CONTENT);
        (which === 'panel' ? panel : bare).push(ms);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(template, { recursive: true, force: true });
  }

  const p = median(panel);
  const b = median(bare);
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
  console.log(`side panel initial JS: ${kB(panelBytes.raw)} (${kB(panelBytes.gzip)} gzip) in ${panelBytes.files.length} files`);
  console.log(`bare React page initial JS: ${kB(bareBytes.raw)} (${kB(bareBytes.gzip)} gzip)`);
  console.log(`background worker: ${kB(worker.raw)} (${kB(worker.gzip)} gzip)`);
  console.log(`cold open to content, median of ${launches} launches: panel ${p.toFixed(0)} ms [${fmt(panel)}], bare React ${b.toFixed(0)} ms [${fmt(bare)}]`);
  console.log(`ratio panel / bare React: ${(p / b).toFixed(2)}× (target ≤ 1.5×)`);
  return { panelMs: p, bareMs: b, ratio: p / b, panelBytes, bareBytes, worker };
}
