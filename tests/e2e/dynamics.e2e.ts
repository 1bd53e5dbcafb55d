import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
// @ts-expect-error -- a plain-JS fake shared with node scripts; its shape is checked by these assertions.
import { createDynamicsFake, FAKE_CLIENT_ID, FAKE_DYNAMICS_LEAD_ID, FAKE_ENV, FAKE_TENANT } from './dynamics-fake.mjs';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, openPanelAsTab, tabIdShowing, type LaunchedExtension } from './support/browser';
import { startFakeHosts } from './support/fake-hosts';

interface DynamicsFake {
  handle(req: unknown, res: unknown): boolean;
  state: {
    requests: { method: string; host: string; path: string }[];
    tasks: { subject: string; regarding: string; statecode: number; statuscode?: number }[];
    taskPosts: number;
    tokenForms: Record<string, string>[];
  };
  leadUrl: string;
}

let d365: DynamicsFake;
let fake: Awaited<ReturnType<typeof startFakeHosts>>;
let ext: LaunchedExtension;

const text = (page: Page, selector = 'body') => page.locator(selector).first().evaluate((el) => (el as HTMLElement).textContent ?? '');
const webApiCalls = () => d365.state.requests.filter((r) => r.host === FAKE_ENV && r.path.startsWith('/api/data/'));

beforeAll(async () => {
  d365 = createDynamicsFake({ now: Date.now(), dropFirstTaskResponse: true }) as DynamicsFake;
  fake = await startFakeHosts([(req, res) => d365.handle(req, res)]);
  ext = await launchWithExtension({ fakePort: fake.port });
});
afterAll(async () => {
  await ext?.close();
  await fake?.close();
});

describe('Dynamics 365, end to end against a fake environment at contoso.crm7.dynamics.com', () => {
  it('signs in from the options page through Microsoft’s web-auth window (PKCE, no secret)', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    const card = options.getByRole('region', { name: en['connections.dynamics.title'] });
    expect(await card.getByLabel(en['connections.dynamics.redirectUri']).inputValue()).toMatch(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/dynamics$/);
    await card.getByLabel(en['connections.dynamics.tenant']).fill(FAKE_TENANT);
    await card.getByLabel(en['connections.dynamics.clientId']).fill(FAKE_CLIENT_ID);
    await card.getByLabel(en['connections.dynamics.environment']).fill(FAKE_ENV);
    await card.getByRole('button', { name: en['connections.dynamics.signIn'] }).click();
    await expect.poll(() => text(options, '.vendor-conn'), { timeout: 20_000 }).toContain('ichiro.suzuki@contoso.co.jp');
    const exchange = d365.state.tokenForms.find((f) => f.grant_type === 'authorization_code')!;
    expect(exchange.code_verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(exchange.client_secret).toBeUndefined();
    expect(d365.state.requests.some((r) => r.host === 'login.microsoftonline.com' && r.path.startsWith(`/${FAKE_TENANT}/oauth2/v2.0/authorize`))).toBe(true);
    await options.close();
  });

  it('shows the lead with engagement and SLA from one Web API read and one $batch for journeys interactions (absent here, said once); one feedback click makes exactly one completed task though the first answer is lost', async () => {
    const before = webApiCalls().length;
    const crm = await ext.context.newPage();
    await crm.goto(d365.leadUrl);
    const panel = await openPanelAsTab(ext, await tabIdShowing(ext, FAKE_DYNAMICS_LEAD_ID));
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 20_000 });
    const reads = webApiCalls().slice(before).filter((r) => r.method === 'GET');
    expect(reads.map((r) => r.path.split('?')[0])).toEqual([`/api/data/v9.2/leads(${FAKE_DYNAMICS_LEAD_ID})`]);
    // The second and last call: one $batch for Customer Insights – Journeys, whose tables this environment lacks.
    await expect.poll(() => webApiCalls().slice(before).filter((r) => r.method === 'POST').map((r) => r.path), { timeout: 20_000 }).toEqual(['/api/data/v9.2/$batch']);
    await panel.getByText(en['warn.marketing_interactions_unavailable']).waitFor({ timeout: 20_000 });

    expect(await text(panel)).toContain('佐藤 花子');
    expect(await panel.locator('.event').count()).toBeGreaterThan(0);
    expect(await text(panel, '.sla')).toMatch(new RegExp(Object.keys(en).filter((k) => k.startsWith('sla.status.')).map((k) => en[k as keyof typeof en]).join('|')));

    await panel.getByRole('button', { name: en['fb.good'] }).click();
    const mine = panel.locator('.feedback-list li').filter({ hasText: `${en['fb.you']} · ${en['fb.good']}` });
    await expect.poll(() => mine.first().textContent(), { timeout: 60_000, interval: 500 }).toContain(en['fb.state.sent']);
    // Chromium resends the POST whose connection was cut (measured: 2 POSTs, 2 tasks created, the twin deleted).
    expect(d365.state.taskPosts).toBeGreaterThanOrEqual(1);
    expect(d365.state.tasks).toHaveLength(1);
    expect(d365.state.tasks[0]).toMatchObject({ regarding: FAKE_DYNAMICS_LEAD_ID, statecode: 1, statuscode: 5 });
    expect(d365.state.tasks[0]!.subject).toMatch(/\[baton:[A-Za-z0-9_-]+\]$/);

    // A second look within the freshness window asks Dynamics 365 nothing.
    const again = webApiCalls().length;
    await panel.reload();
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 10_000 });
    expect(webApiCalls().slice(again).filter((r) => r.path.includes('/leads('))).toHaveLength(0);
    await panel.close();
    await crm.close();
  });
});
