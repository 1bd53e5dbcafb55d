import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, type LaunchedExtension } from './support/browser';

const badgeText = () =>
  ext.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}));

// The demo rep's queue in the production build: synced by the worker, painted by the panel, counted on the badge.
let ext: LaunchedExtension;

beforeAll(async () => {
  ext = await launchWithExtension({ locale: 'en-US' });
});
afterAll(async () => {
  await ext?.close();
});

describe('my queue (demo rep)', () => {
  it('lists the rep’s urgent leads most overdue first, and the toolbar badge counts them', async () => {
    const panel = await ext.context.newPage();
    // A panel whose tab shows no record: the queue. Its first "Sync now" asks the worker for my leads.
    await panel.goto(ext.url('sidepanel.html'));
    await panel.setViewportSize({ width: 420, height: 1000 });
    const syncNow = panel.getByRole('button', { name: en['queue.syncNow'] });
    const list = panel.getByRole('list', { name: en['queue.heading'] });
    await Promise.race([syncNow.waitFor({ timeout: 15_000 }).then(() => syncNow.click()), list.waitFor({ timeout: 15_000 })]);
    await list.waitFor({ timeout: 20_000 });

    const states = await list.locator('li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.state));
    expect(states.length).toBeGreaterThanOrEqual(2);
    expect(new Set(states)).toEqual(new Set(['breached', 'at_risk']));
    // By SLA due: every breached lead (due passed) before every lead at risk (due ahead).
    expect(states).toEqual([...states].sort((a, b) => (a === b ? 0 : a === 'breached' ? -1 : 1)));

    // The badge: the same count, painted by the worker after the sync (and set for the next change).
    await expect
      .poll(async () => ext.worker.evaluate(() => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({})), { timeout: 15_000 })
      .toBe(String(states.length));
    const alarm = await ext.worker.evaluate(() => (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome.alarms.get('baton-queue-badge'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());

    // All: the on-track and touched leads join, and one click opens a lead's demo page.
    await panel.getByRole('radio', { name: /All/ }).click();
    await expect.poll(async () => list.locator('li').count()).toBeGreaterThan(states.length);
    const opened = ext.context.waitForEvent('page');
    await list.getByRole('button', { name: /^Open .* in Demo/ }).first().click();
    expect((await opened).url()).toMatch(/demo-sfa\.html/);
  });
  it('repaints the badge as soon as new definitions are imported in options, not at the next sync', async () => {
    // The badge the worker painted after the sync (on its own, this test waits for it too).
    await expect.poll(() => badgeText(), { timeout: 60_000 }).not.toBe('');
    const before = Number(await badgeText());
    expect(before).toBeGreaterThan(0);
    // The team's corrected SLA table (same effective date, next version): budgets a hundred times longer and "at
    // risk" only at 90% of them, so none of the rep's leads is at risk or breached any more.
    const corrected = {
      ...DEFAULT_DEFINITIONS,
      version: 2,
      changeLog: [...DEFAULT_DEFINITIONS.changeLog, { version: 2, date: '2026-11-25', summary: { ja: '期限を延長', en: 'Longer budgets' } }],
      sla: {
        ...DEFAULT_DEFINITIONS.sla,
        warnAtFraction: 0.9,
        policies: DEFAULT_DEFINITIONS.sla.policies.map((p) => ({ ...p, budgetMinutes: p.budgetMinutes * 100 })),
      },
    };
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    await options.getByLabel(en['opt.import']).setInputFiles({ name: 'team-definitions.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrected)) });
    await options.getByText(en['opt.importOk'].replace('{version}', '2')).waitFor({ timeout: 10_000 });
    // Saved by the options page; the worker hears it (Dexie's cross-context live query) and repaints.
    await expect.poll(() => badgeText(), { timeout: 15_000 }).toBe('');
  });
});
