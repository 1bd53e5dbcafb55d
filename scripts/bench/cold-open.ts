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
// The app's own card (it renders into #root, shown once it takes over from the first paint): the panel is live.
const PANEL_LIVE = '#root:not([hidden]) .temperature [data-band]';
const BARE_CONTENT = '.bench-content';

// Runs in the page before its own scripts: the first animation frame after `selector` appears is the paint. The
// time is told through the console (read from CDP's console events), not by polling from the test: Playwright's
// waitForFunction evaluates its large injected script in the page, on the main thread the page still needs.
const CONTENT_MARK = 'baton-bench-content-at';
const LIVE_MARK = 'baton-bench-live-at';
function contentTimer({ selectors }: { selectors: { selector: string; mark: string }[] }) {
  const pending = new Set(selectors);
  new MutationObserver((_, observer) => {
    for (const entry of pending) {
      const { selector, mark } = entry;
      if (!document.querySelector(selector)) continue;
      pending.delete(entry);
      requestAnimationFrame(() => console.debug(mark, performance.now()));
    }
    if (pending.size === 0) observer.disconnect();
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

/** Navigation start to the first frame showing `selector`, and to the first showing `live` (the app's own, live card). */
async function timeOpen(
  context: BrowserContext,
  url: string,
  selector: string,
  live = selector,
): Promise<{ content: number; live: number; marks: Record<string, number> }> {
  const page = await context.newPage();
  await page.addInitScript(contentTimer, { selectors: [{ selector, mark: CONTENT_MARK }, { selector: live, mark: LIVE_MARK }] });
  const heard = (wanted: string) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No ${wanted} within 30 s at ${url}`)), 30_000);
      page.on('console', (message) => {
        const [mark, at] = message.text().split(' ');
        if (mark !== wanted) return;
        clearTimeout(timer);
        resolve(Number(at));
      });
    });
  const contentAt = heard(CONTENT_MARK);
  const liveAt = heard(LIVE_MARK);
  await page.goto(url);
  const at = { content: await contentAt, live: await liveAt };
  // The page's own phase marks (entrypoints/panel-warm-up.ts, entrypoints/sidepanel/main.tsx, the early store read).
  const marks = await page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('baton:')).map((m) => [m.name.slice(6), m.startTime])),
  );
  return { ...at, marks };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function runColdOpenBench(options: { extensionDir?: string; launches?: number } = {}) {
  const extensionDir = resolve(options.extensionDir ?? process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3');
  if (!existsSync(join(extensionDir, 'bench-react.html'))) {
    throw new Error(`No bench-react.html in ${extensionDir}: make the bench build (BATON_BENCH_PAGE=1 npx wxt build).`);
  }
  const launches = options.launches ?? Number(process.env.BATON_COLD_LAUNCHES ?? 15);
  const panelBytes = initialJsOf(extensionDir, 'sidepanel.html');
  const bareBytes = initialJsOf(extensionDir, 'bench-react.html');
  const worker = workerBytes(extensionDir);

  // The prepared profile: the extension installed and the demo record read once, so it is in the cache.
  const template = mkdtempSync(join(tmpdir(), 'baton-cold-template-'));
  {
    const { context, id } = await launch(extensionDir, template);
    const tabId = await announceRecord(context);
    await timeOpen(context, `chrome-extension://${id}/sidepanel.html?tab=${tabId}`, PANEL_CONTENT, PANEL_LIVE);
    await context.close();
  }

  const panel: number[] = [];
  const panelLive: number[] = [];
  const phases = new Map<string, number[]>();
  const bare: number[] = [];
  const barePhases = new Map<string, number[]>();
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
        if (which === 'panel') {
          const at = await timeOpen(context, `chrome-extension://${id}/sidepanel.html?tab=${tabId}`, PANEL_CONTENT, PANEL_LIVE);
          panel.push(at.content);
          panelLive.push(at.live);
          for (const [name, ms] of Object.entries(at.marks)) phases.set(name, [...(phases.get(name) ?? []), ms]);
        } else {
          const at = await timeOpen(context, `chrome-extension://${id}/bench-react.html`, BARE_CONTENT);
          bare.push(at.content);
          for (const [name, ms] of Object.entries(at.marks)) barePhases.set(name, [...(barePhases.get(name) ?? []), ms]);
        }
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
  // The content above may be the first paint (inert, drawn from the cache); this is when the app's own cards replace it.
  const live = median(panelLive);
  console.log(`panel live (the app has taken over from the first paint), median: ${live.toFixed(0)} ms [${fmt(panelLive)}], ${(live / b).toFixed(2)}× bare React`);
  // Where the panel's time goes: each phase's median (launches without the mark, e.g. no first paint, are left out).
  const order = ['warm-up', 'modules', 'rows-read', 'judged', 'first-frame'];
  const phaseLine = (of: Map<string, number[]>) => order.filter((name) => of.has(name)).map((name) => `${name} ${median(of.get(name)!).toFixed(0)}`).join(' · ');
  console.log(`panel phases, median ms from navigation: ${phaseLine(phases)} · content ${p.toFixed(0)}`);
  console.log(`bare React phases, median ms from navigation: ${phaseLine(barePhases)} · content ${b.toFixed(0)}`);
  return { panelMs: p, panelLiveMs: live, bareMs: b, ratio: p / b, panelBytes, bareBytes, worker };
}
