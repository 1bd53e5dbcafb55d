import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  createKintoneFake,
  KINTONE_APP_ID,
  KINTONE_CLIENT_ID,
  KINTONE_CLIENT_SECRET,
  KINTONE_DOMAIN,
  KINTONE_RECORD_ID,
  // @ts-expect-error -- a plain-JS fake shared with node scripts; its shape is checked by these assertions.
} from './kintone-fake.mjs';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, openPanelAsTab, tabIdShowing, type LaunchedExtension } from './support/browser';
import { startFakeHosts } from './support/fake-hosts';

interface KintoneFake {
  handle: Parameters<typeof startFakeHosts>[0][number];
  state: {
    requests: { method: string; path: string; app: string; token: string | null; authorization: string | null }[];
    comments: { id: string; text: string }[];
    authorizations: Record<string, string>[];
    tokenRequests: { form: Record<string, string>; authorization: string | null }[];
    accessToken: string | null;
    refreshes: number;
  };
  expireAccessToken(): void;
}

let kin: KintoneFake;
let fake: Awaited<ReturnType<typeof startFakeHosts>>;
let ext: LaunchedExtension;

const domain = KINTONE_DOMAIN as string;
const text = (page: Page, selector = 'body') => page.locator(selector).first().evaluate((el) => (el as HTMLElement).textContent ?? '');
const recordUrl = `https://${domain}/k/${KINTONE_APP_ID as string}/show#record=${KINTONE_RECORD_ID as string}`;
const SLA_WORDS = new RegExp(Object.keys(en).filter((k) => k.startsWith('sla.status.')).map((k) => en[k as keyof typeof en]).join('|'));
const signedInText = en['connections.kintone.signedIn'].replace('{domain}', domain);

beforeAll(async () => {
  kin = createKintoneFake({ now: Date.now(), dropFirstCommentResponse: true }) as KintoneFake;
  fake = await startFakeHosts([kin.handle]);
  ext = await launchWithExtension({ fakePort: fake.port });
});
afterAll(async () => {
  await ext?.close();
  await fake?.close();
});

describe('kintone through an OAuth client, end to end against a fake kintone domain', () => {
  it('signs in from the options page through kintone’s web-auth window, then maps the fields with that sign-in', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    const card = options.getByRole('region', { name: en['connections.kintone.title'], exact: true });
    await card.getByLabel(en['connections.kintone.domain']).fill(domain);
    await card.getByLabel(en['connections.kintone.appId']).fill(KINTONE_APP_ID as string);
    await card.getByRole('radio', { name: en['connections.kintone.auth.oauth'] }).check();
    expect(await card.getByLabel(en['connections.kintone.redirectUri']).inputValue()).toMatch(/^https:\/\/[a-p]{32}\.chromiumapp\.org\/kintone$/);
    await card.getByLabel(en['connections.kintone.clientId'], { exact: true }).fill(KINTONE_CLIENT_ID as string);
    await card.getByLabel(en['connections.kintone.clientSecret'], { exact: true }).fill(KINTONE_CLIENT_SECRET as string);
    await card.getByRole('button', { name: en['connections.kintone.signIn'] }).click();
    await card.getByText(signedInText).waitFor({ timeout: 20_000 });

    expect(kin.state.authorizations).toHaveLength(1);
    expect(kin.state.authorizations[0]).toMatchObject({ client_id: KINTONE_CLIENT_ID, response_type: 'code', scope: 'k:app_record:read k:app_record:write k:app_settings:read' });
    const exchange = kin.state.tokenRequests[0]!;
    expect(exchange.form).toEqual({ grant_type: 'authorization_code', code: 'e2e-authorization-code', redirect_uri: kin.state.authorizations[0]!.redirect_uri });
    expect(exchange.authorization).toMatch(/^Basic /);
    expect(await text(options)).not.toContain(KINTONE_CLIENT_SECRET as string);

    await card.getByRole('button', { name: en['connections.kintone.loadFields'] }).click();
    await card.getByLabel(en['connections.kintone.field.handoffDate']).waitFor({ timeout: 10_000 });
    const stages = card.getByRole('group', { name: en['connections.kintone.stageValues'] });
    await stages.getByLabel('商談化').selectOption('mql');
    await card.getByRole('button', { name: en['connections.kintone.saveMapping'] }).click();
    await card.getByText(en['connections.kintone.mappingSavedState']).waitFor({ timeout: 10_000 });
    const fieldReads = kin.state.requests.filter((r) => r.path === '/k/v1/app/form/fields.json');
    expect(fieldReads.map((r) => r.app)).toEqual(['12', '13']);
    expect(fieldReads.every((r) => r.authorization === `Bearer ${kin.state.accessToken}` && r.token === null)).toBe(true);
    await options.close();
  });

  it('shows the record with engagement and the SLA, read with the Bearer token in at most 3 calls', async () => {
    const before = kin.state.requests.length;
    const record = await ext.context.newPage();
    await record.goto(recordUrl);
    const panel = await openPanelAsTab(ext, await tabIdShowing(ext, KINTONE_RECORD_ID as string));
    try {
      await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 20_000 });
    } catch (error) {
      console.log(`panel shows: ${await text(panel)}`);
      throw error;
    }
    await expect.poll(() => text(panel, 'h1'), { timeout: 10_000 }).toContain('山田 太郎');
    expect(await panel.locator('.event').count()).toBeGreaterThan(0);
    expect(await text(panel, '.sla')).toMatch(SLA_WORDS);
    const view = kin.state.requests.slice(before);
    expect(view.length).toBeGreaterThan(0);
    expect(view.length).toBeLessThanOrEqual(3);
    expect(view.every((r) => r.authorization === `Bearer ${kin.state.accessToken}` && r.token === null)).toBe(true);
    await panel.close();
    await record.close();
  });

  it('an expired token is renewed once, and one feedback click makes exactly one record comment though the first answer is lost', async () => {
    const record = await ext.context.newPage();
    await record.goto(recordUrl);
    const panel = await openPanelAsTab(ext, await tabIdShowing(ext, KINTONE_RECORD_ID as string));
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 20_000 });
    // kintone ends the token's life before Baton's clock does: the delivery's first call is refused with 401.
    kin.expireAccessToken();
    const before = kin.state.requests.length;
    await panel.getByRole('button', { name: en['fb.good'] }).click();
    const mine = panel.locator('.feedback-list li').filter({ hasText: `${en['fb.you']} · ${en['fb.good']}` });
    await expect.poll(() => mine.first().textContent(), { timeout: 60_000, interval: 500 }).toContain(en['fb.state.sent']);

    const refreshes = kin.state.tokenRequests.filter((r) => r.form.grant_type === 'refresh_token');
    console.log('kintone OAuth delivery calls:', JSON.stringify(kin.state.requests.slice(before).map((r) => `${r.method} ${r.path} ${r.authorization === `Bearer ${kin.state.accessToken}` ? 'renewed' : 'old'}`)));
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]!.authorization).toMatch(/^Basic /);
    expect(kin.state.requests.slice(before).filter((r) => r.method === 'POST').every((r) => r.authorization === `Bearer ${kin.state.accessToken}`)).toBe(true);
    const standing = kin.state.comments.filter((c) => c.text.includes('[baton:'));
    expect(standing).toHaveLength(1);
    expect(standing[0]!.id).toBe('4');
    expect(await mine.count()).toBe(1);
    await panel.close();
    await record.close();
  });
});
