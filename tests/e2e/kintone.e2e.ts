import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
// @ts-expect-error -- a plain-JS fake shared with node scripts; its shape is checked by these assertions.
import { createKintoneFake, KINTONE_ACTIVITY_TOKEN, KINTONE_APP_ID, KINTONE_DOMAIN, KINTONE_RECORD_ID, KINTONE_TOKEN } from './kintone-fake.mjs';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, openPanelAsTab, tabIdShowing, type LaunchedExtension } from './support/browser';
import { startFakeHosts } from './support/fake-hosts';

interface KintoneFake {
  handle: Parameters<typeof startFakeHosts>[0][number];
  state: {
    requests: { method: string; path: string; app: string; token: string | null }[];
    comments: { id: string; text: string }[];
  };
}

let kin: KintoneFake;
let fake: Awaited<ReturnType<typeof startFakeHosts>>;
let ext: LaunchedExtension;

const text = (page: Page, selector = 'body') => page.locator(selector).first().evaluate((el) => (el as HTMLElement).textContent ?? '');
const recordUrl = `https://${KINTONE_DOMAIN as string}/k/${KINTONE_APP_ID as string}/show#record=${KINTONE_RECORD_ID as string}`;
const SLA_WORDS = new RegExp(Object.keys(en).filter((k) => k.startsWith('sla.status.')).map((k) => en[k as keyof typeof en]).join('|'));

beforeAll(async () => {
  kin = createKintoneFake({ now: Date.now(), dropFirstCommentResponse: true }) as KintoneFake;
  fake = await startFakeHosts([kin.handle]);
  ext = await launchWithExtension({ fakePort: fake.port });
});
afterAll(async () => {
  await ext?.close();
  await fake?.close();
});

describe('kintone, end to end against a fake kintone domain', () => {
  it('connects the app from the options page and saves the field mapping it proposes', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.url('options.html'));
    const card = options.getByRole('region', { name: en['connections.kintone.title'], exact: true });
    await card.getByLabel(en['connections.kintone.domain']).fill(KINTONE_DOMAIN as string);
    await card.getByLabel(en['connections.kintone.appId']).fill(KINTONE_APP_ID as string);
    await card.getByLabel(en['connections.kintone.token']).fill(KINTONE_TOKEN as string);
    await card.getByLabel(en['connections.kintone.activityToken']).fill(KINTONE_ACTIVITY_TOKEN as string);
    await card.getByRole('button', { name: en['connections.kintone.save'], exact: true }).click();
    await card.getByText(en['connections.kintone.connected']).waitFor({ timeout: 10_000 });

    await card.getByRole('button', { name: en['connections.kintone.loadFields'] }).click();
    await card.getByLabel(en['connections.kintone.field.handoffDate']).waitFor({ timeout: 10_000 });
    expect(await card.getByLabel(en['connections.kintone.field.company']).inputValue()).toBe('会社名');
    expect(await card.getByLabel(en['connections.kintone.activity.dateField']).inputValue()).toBe('活動日時');
    // This company's 商談化 (deal created) is the handoff to sales, and its 商談化日 the handoff date.
    const stages = card.getByRole('group', { name: en['connections.kintone.stageValues'] });
    await stages.getByLabel('商談化').selectOption('mql');
    await card.getByRole('button', { name: en['connections.kintone.saveMapping'] }).click();
    await card.getByText(en['connections.kintone.mappingSavedState']).waitFor({ timeout: 10_000 });
    expect(kin.state.requests.filter((r) => r.path === '/k/v1/app/form/fields.json').map((r) => r.app)).toEqual(['12', '13']);
    await options.close();
  });

  it('shows the record with engagement and the SLA from at most 3 calls, and a reload within the freshness window makes none', async () => {
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
    console.log('kintone calls for an uncached view:', JSON.stringify(view.map((r) => `${r.method} ${r.path} app=${r.app}`)));
    expect(view.length).toBeGreaterThan(0);
    expect(view.length).toBeLessThanOrEqual(3);
    expect(view.every((r) => r.token === `${KINTONE_TOKEN as string},${KINTONE_ACTIVITY_TOKEN as string}`)).toBe(true);

    const beforeReload = kin.state.requests.length;
    await panel.reload();
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 10_000 });
    expect(await text(panel, 'h1')).toContain('山田 太郎');
    expect(kin.state.requests.slice(beforeReload)).toEqual([]);
    await panel.close();
    await record.close();
  });

  it('one feedback click makes exactly one record comment, though the first answer is lost', async () => {
    const record = await ext.context.newPage();
    await record.goto(recordUrl);
    const panel = await openPanelAsTab(ext, await tabIdShowing(ext, KINTONE_RECORD_ID as string));
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 20_000 });
    await panel.getByRole('button', { name: en['fb.good'] }).click();
    const mine = panel.locator('.feedback-list li').filter({ hasText: `${en['fb.you']} · ${en['fb.good']}` });
    await expect.poll(() => mine.first().textContent(), { timeout: 60_000, interval: 500 }).toContain(en['fb.state.sent']);
    const posts = kin.state.requests.filter((r) => r.path === '/k/v1/record/comment.json');
    console.log('kintone feedback calls:', JSON.stringify(posts.map((r) => r.method)), 'Baton comments stored:', JSON.stringify(kin.state.comments.filter((c) => c.text.includes('[baton:')).map((c) => c.id)));
    const standing = kin.state.comments.filter((c) => c.text.includes('[baton:'));
    expect(standing).toHaveLength(1);
    // The first comment stored is the one kept (its answer was cut); any later copy was deleted.
    expect(standing[0]!.id).toBe('4');
    expect(standing[0]!.text).toContain('Good lead');
    expect(await mine.count()).toBe(1);

    await panel.reload();
    await expect.poll(() => mine.count(), { timeout: 10_000 }).toBe(1);
    expect(await mine.first().textContent()).toContain(en['fb.state.sent']);
    await panel.close();
    await record.close();
  });
});
