import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

/** CHROME_PATH, else Chromium or Chrome where systems usually install it. Playwright never downloads a browser. */
export const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findBrowser(): string | undefined {
  return [process.env.CHROME_PATH, ...BROWSER_CANDIDATES].find((p): p is string => !!p && existsSync(p));
}

export function chromiumPath(): string {
  const found = findBrowser();
  if (!found) throw new Error("No Chromium found: install Debian's chromium (apt-get install chromium) or set CHROME_PATH.");
  return found;
}

export interface LaunchedExtension {
  context: BrowserContext;
  userDataDir: string;
  extensionId: string;
  worker: Worker;
  url(path: string): string;
  close(): Promise<void>;
}

export async function launchWithExtension(
  options: { fakePort?: number; headless?: boolean; locale?: string; extraArgs?: string[]; extensionDir?: string; env?: Record<string, string> } = {},
): Promise<LaunchedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No production build in ${EXTENSION_DIR}: run \`npx wxt build\` first.`);
  }
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = mkdtempSync(join(tmpdir(), 'baton-chromium-'));
  // Chromium's sandbox cannot run as root (CI and these machines); a normal user keeps it. --test-type hides the
  // "unsupported command-line flag" bar that --no-sandbox would otherwise put over the demo.
  const asRoot = process.getuid?.() === 0;
  const args = [
    ...(asRoot ? ['--no-sandbox', '--test-type'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    // Loopback only. Playwright does not list the docked side panel as a page of a persistent context, but a
    // second connection over CDP does (see openRealSidePanel).
    '--remote-debugging-port=0',
  ];
  if (options.fakePort) {
    args.push(
      `--host-resolver-rules=MAP *.lightning.force.com:443 127.0.0.1:${options.fakePort}, MAP *.my.salesforce.com:443 127.0.0.1:${options.fakePort}, MAP login.salesforce.com:443 127.0.0.1:${options.fakePort}, MAP app.hubspot.com:443 127.0.0.1:${options.fakePort}, MAP api.hubapi.com:443 127.0.0.1:${options.fakePort}, MAP *.marketo.com:443 127.0.0.1:${options.fakePort}, MAP *.mktorest.com:443 127.0.0.1:${options.fakePort}, MAP *.crm7.dynamics.com:443 127.0.0.1:${options.fakePort}, MAP login.microsoftonline.com:443 127.0.0.1:${options.fakePort}, MAP *.cybozu.com:443 127.0.0.1:${options.fakePort}, MAP * ~NOTFOUND`,
      '--ignore-certificate-errors',
    );
  }
  if (options.locale) args.push(`--lang=${options.locale}`);
  args.push(...(options.extraArgs ?? []));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    ignoreHTTPSErrors: true,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 800 },
    ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    userDataDir,
    extensionId,
    worker,
    url: (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The tab id the background worker recorded for a page showing `recordId` (the panel pins to it with ?tab=). */
export async function tabIdShowing(ext: LaunchedExtension, recordId: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const id = await ext.worker.evaluate(async (wanted) => {
      const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } }).chrome;
      const all = (await api.storage.session.get(null)) as Record<string, { ref: { id: string } | null }>;
      const hit = Object.entries(all).find(([k, v]) => k.startsWith('baton.tab.') && v?.ref?.id === wanted);
      return hit ? Number(hit[0].slice('baton.tab.'.length)) : null;
    }, recordId);
    if (id !== null) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No tab reported record ${recordId} to the background worker within ${timeoutMs} ms`);
}

export async function openPanelAsTab(ext: LaunchedExtension, tabId: number): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(ext.url(`sidepanel.html?tab=${tabId}`));
  return page;
}

/**
 * Opens Chrome's real docked side panel the way a person does: a click (a user gesture) in an extension page
 * that calls sidePanel.open(). Returns the panel's page, reached through a CDP connection to the browser.
 */
export async function openRealSidePanel(ext: LaunchedExtension): Promise<Page> {
  const opener = await ext.context.newPage();
  await opener.goto(ext.url('options.html'));
  await opener.evaluate(async () => {
    const api = (globalThis as unknown as {
      chrome: { windows: { getCurrent(): Promise<{ id: number }> }; sidePanel: { open(o: { windowId: number }): Promise<void> } };
    }).chrome;
    const { id: windowId } = await api.windows.getCurrent();
    const button = document.createElement('button');
    button.id = 'baton-e2e-open-panel';
    button.textContent = 'Open the side panel';
    button.addEventListener('click', () => void api.sidePanel.open({ windowId }));
    document.body.prepend(button);
  });
  await opener.click('#baton-e2e-open-panel');
  const port = readFileSync(join(ext.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const panel = cdp.contexts().flatMap((c) => c.pages()).find((p) => p.url().endsWith('/sidepanel.html'));
    if (panel) {
      await opener.close();
      return panel;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The side panel did not open within 10 s of the click');
}
