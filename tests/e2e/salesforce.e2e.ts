import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
// @ts-expect-error -- a plain-JS fake shared with node scripts; its shape is checked by these assertions.
import { createSalesforceFakeOrg, FAKE_CONSUMER_KEY, FAKE_LEAD_ID } from './salesforce-fake-org.mjs';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, openPanelAsTab, tabIdShowing, type LaunchedExtension } from './support/browser';
import { startFakeHosts } from './support/fake-hosts';
import { vendorPageHandler } from './fixtures/vendor-pages';

interface FakeOrg {
  handle(req: unknown, res: unknown): boolean;
  state: {
    requests: { method: string; host: string; path: string }[];
    tasks: { Id: string; Subject: string; WhoId: string; Description: string }[];
    updates: { object: string; id: string; fields: Record<string, string> }[];
  };
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
  it('adds reasons to a delivered "not a good lead" by updating its one Task, and creates none', async () => {
    const crm = await ext.context.newPage();
    await crm.goto(org.leadUrl);
    const panel = await openPanelAsTab(ext, await tabIdShowing(ext, FAKE_LEAD_ID));
    const tasksBefore = org.state.tasks.length;
    const status = panel.locator('.feedback [role="status"]');
    await panel.getByRole('button', { name: en['fb.bad'] }).click();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain(en['fb.state.pending']);
    // Past the undo window and delivered: what the person sees, and the org has the one new Task.
    await expect.poll(() => status.textContent(), { timeout: 60_000, interval: 500 }).toContain(en['fb.state.sent']);
    expect(org.state.tasks).toHaveLength(tasksBefore + 1);
    const task = org.state.tasks.at(-1)!;
    const marker = /\[baton:[\w-]+\]/.exec(task.Subject)![0];
    const postsBefore = org.state.requests.filter((r) => r.method === 'POST' && /\/sobjects\/Task$/.test(r.path)).length;

    // Then the reasons: one chip and a comment, saved after delivery.
    const reason = DEFAULT_DEFINITIONS.feedbackReasons.find((r) => r.verdict === 'bad')!;
    const comment = 'Student project, no budget';
    await panel.getByRole('button', { name: reason.label.en }).click();
    await panel.getByLabel(en['fb.comment']).fill(comment);
    await panel.getByRole('button', { name: en['fb.saveReasons'] }).click();
    await panel.getByText(en['fb.amended']).waitFor({ timeout: 10_000 });
    // The list shows the comment as soon as the amendment is queued, and "Delivered" again once it went out.
    const mine = panel.locator('.feedback-list li').filter({ hasText: `“${comment}”` });
    await expect
      .poll(async () => (await mine.count()) > 0 && ((await status.textContent()) ?? '').includes(en['fb.state.sent']), { timeout: 60_000, interval: 500 })
      .toBe(true);
    expect(await mine.first().textContent()).toContain(reason.label.en);

    // The same Task, updated in place, once; no Task created.
    expect(org.state.updates.filter((u) => u.object === 'Task')).toEqual([{ object: 'Task', id: task.Id, fields: expect.any(Object) }]);
    expect(org.state.tasks).toHaveLength(tasksBefore + 1);
    expect(org.state.tasks.filter((t) => t.Subject.includes(marker))).toHaveLength(1);
    expect(org.state.requests.filter((r) => r.method === 'POST' && /\/sobjects\/Task$/.test(r.path))).toHaveLength(postsBefore);
    expect(task.Subject).toContain(reason.code);
    expect(task.Description).toContain(comment);
    await panel.close();
    await crm.close();
  });
});
