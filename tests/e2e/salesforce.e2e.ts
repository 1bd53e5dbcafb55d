import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
// @ts-expect-error -- a plain-JS fake shared with node scripts; its shape is checked by these assertions.
import { createSalesforceFakeOrg, FAKE_CONSUMER_KEY, FAKE_LEAD_ID } from './salesforce-fake-org.mjs';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, openPanelAsTab, tabIdShowing, type LaunchedExtension } from './support/browser';
import { startFakeHosts } from './support/fake-hosts';
import { vendorPageHandler } from './fixtures/vendor-pages';

interface FakeOrg {
  handle(req: unknown, res: unknown): boolean;
  state: { requests: { method: string; host: string; path: string }[]; tasks: { Subject: string; WhoId: string }[] };
  storageSeed(): Record<string, unknown>;
  leadUrl: string;
}

let org: FakeOrg;
let fake: Awaited<ReturnType<typeof startFakeHosts>>;
let ext: LaunchedExtension;

const text = (page: Page, selector = 'body') => page.locator(selector).first().evaluate((el) => (el as HTMLElement).textContent ?? '');
const apiCalls = () => org.state.requests.filter((r) => r.host === 'acme.my.salesforce.com');

beforeAll(async () => {
  org = createSalesforceFakeOrg({ now: Date.now(), dropFirstTaskResponse: true, untouched: true }) as FakeOrg;
  fake = await startFakeHosts([(req, res) => org.handle(req, res), vendorPageHandler()]);
  ext = await launchWithExtension({ fakePort: fake.port });
});
afterAll(async () => {
  await ext?.close();
  await fake?.close();
});

describe('Salesforce, end to end against a fake org', () => {
  it('connects from the options page through the OAuth web-auth flow', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    const card = options.getByRole('region', { name: en['connections.salesforce.title'] });
    await card.getByLabel(en['connections.salesforce.consumerKey']).fill(FAKE_CONSUMER_KEY);
    await card.getByRole('button', { name: en['connections.salesforce.connect'], exact: true }).click();
    await expect.poll(() => text(options, '.sf-conn'), { timeout: 20_000 }).toContain('sato@acme.example');
    expect(org.state.requests.some((r) => r.path === '/services/oauth2/token')).toBe(true);
    await options.close();
  });

  it('shows the lead from one API call, and one click of feedback makes exactly one Task though the first answer is lost', async () => {
    const callsBefore = apiCalls().length;
    const crm = await ext.context.newPage();
    await crm.goto(org.leadUrl);
    const panel = await openPanelAsTab(ext, await tabIdShowing(ext, FAKE_LEAD_ID));
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 20_000 });
    const composite = apiCalls().slice(callsBefore).filter((r) => r.path.endsWith('/composite'));
    expect(composite).toHaveLength(1);

    expect(await text(panel, '.temperature')).toMatch(new RegExp(`${en['band.hot']}|${en['band.warm']}|${en['band.cool']}|${en['band.cold']}`));
    expect(await panel.locator('.event').count()).toBeGreaterThan(0);
    // Handed off two hours ago and never touched: the SLA countdown is on screen with a status word.
    expect(await text(panel, '.sla')).toMatch(new RegExp(Object.keys(en).filter((k) => k.startsWith('sla.status.')).map((k) => en[k as keyof typeof en]).join('|')));

    await panel.getByRole('button', { name: en['fb.good'] }).click();
    const mine = panel.locator('.feedback-list li').filter({ hasText: `${en['fb.you']} · ${en['fb.good']}` });
    await expect.poll(() => mine.first().textContent(), { timeout: 60_000, interval: 500 }).toContain(en['fb.state.sent']);
    expect(org.state.tasks).toHaveLength(1);
    expect(org.state.tasks[0]!.WhoId).toBe(FAKE_LEAD_ID);

    // A second look within the freshness window asks Salesforce nothing.
    const before = apiCalls().length;
    await panel.reload();
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 10_000 });
    expect(apiCalls().slice(before).filter((r) => r.path.endsWith('/composite'))).toHaveLength(0);
    await panel.close();
    await crm.close();
  });
});
