import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
// @ts-expect-error -- a plain-JS fake shared with node scripts; its shape is checked by these assertions.
import { createHubSpotFake, HUBSPOT_CONTACT_ID, HUBSPOT_PORTAL_ID } from './hubspot-fake.mjs';
// @ts-expect-error -- a plain-JS fake shared with node scripts; its shape is checked by these assertions.
import { createMarketoFake, MARKETO_API_HOST, MARKETO_LEAD_ID } from './marketo-fake.mjs';
import { en } from '../../lib/i18n/messages-en';
import { launchWithExtension, openPanelAsTab, tabIdShowing, type LaunchedExtension } from './support/browser';
import { startFakeHosts, type Handler } from './support/fake-hosts';
import { vendorPageHandler } from './fixtures/vendor-pages';

interface HubSpotFake {
  handle: Handler;
  state: {
    requests: { method: string; path: string; auth: string | null }[];
    notes: { id: string; body: string; contactId: string; associationTypeId: number; createdAt: string; archived: boolean }[];
  };
  storageSeed(): Record<string, unknown>;
}
interface MarketoFake {
  handle: Handler;
  state: {
    requests: { method: string; path: string; query: string }[];
    validTokens: Set<string>;
    tokensIssued: number;
    added: { id: number; leadId: number; activityTypeId: number; primaryAttributeValue: string }[];
  };
  storageSeed(feedbackActivityTypeId?: number): Record<string, unknown>;
}

const MARKETO_ENDPOINT = `https://${MARKETO_API_HOST as string}`;
/** A token the extension already holds (the usual case after the first view), known to the fake. */
const CACHED_MARKETO_TOKEN = 'e2e-cached-token:int';

let hub: HubSpotFake;
let mkto: MarketoFake;
let fake: Awaited<ReturnType<typeof startFakeHosts>>;
let ext: LaunchedExtension;

const text = (page: Page, selector = 'body') => page.locator(selector).first().evaluate((el) => (el as HTMLElement).textContent ?? '');
const BANDS = new RegExp(`${en['band.hot']}|${en['band.warm']}|${en['band.cool']}|${en['band.cold']}`);
const MQL_OUTCOME = new RegExp(`${en['qual.mqlPassed']}|${en['qual.mqlFailed']}`);

/**
 * Settings as an install from before the secrets store wrote them (storage.local). Baton moves them into its
 * `baton-secrets` database once and never lets such a copy replace a secret it already holds, so the copy a
 * previous test left there is dropped first: each test starts from the settings it names.
 */
async function seed(values: Record<string, unknown>): Promise<void> {
  await ext.worker.evaluate(async (v) => {
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('baton-secrets');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const secrets = open.result;
        if (!secrets.objectStoreNames.contains('entries')) {
          secrets.close();
          resolve();
          return;
        }
        const tx = secrets.transaction('entries', 'readwrite');
        for (const key of Object.keys(v)) tx.objectStore('entries').delete(key);
        tx.oncomplete = () => {
          secrets.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: Record<string, unknown>): Promise<void> } } } }).chrome;
    await api.storage.local.set(v);
  }, values);
}

/** The outbox rows of the extension (its IndexedDB, read from an extension page): what each delivery returned. */
async function outbox(page: Page): Promise<{ id: string; state: string; vendorId?: string; ref: { system: string } }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('baton');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('feedback').objectStore('feedback').getAll();
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            resolve(get.result);
            open.result.close();
          };
        };
      }),
  );
}

async function openRecord(url: string, recordId: string): Promise<{ record: Page; panel: Page }> {
  const record = await ext.context.newPage();
  await record.goto(url);
  const panel = await openPanelAsTab(ext, await tabIdShowing(ext, recordId));
  try {
    // The sales view (temperature) on a CRM page; the marketing "after handoff" view on an MA page.
    await panel.locator('.temperature [data-band], .handoff').first().waitFor({ timeout: 20_000 });
  } catch (error) {
    // What the panel said instead (a connector error names vendor, field and what to do).
    console.log(`panel for ${url} shows: ${await text(panel)}`);
    throw error;
  }
  return { record, panel };
}

beforeAll(async () => {
  const now = Date.now();
  hub = createHubSpotFake({ now, dropFirstNoteResponse: true }) as HubSpotFake;
  mkto = createMarketoFake({ now, onePage: true, dropFirstActivityResponse: true }) as MarketoFake;
  mkto.state.validTokens.add(CACHED_MARKETO_TOKEN);
  fake = await startFakeHosts([hub.handle, mkto.handle, vendorPageHandler()]);
  ext = await launchWithExtension({ fakePort: fake.port });
  await seed({
    ...hub.storageSeed(),
    ...mkto.storageSeed(),
    'baton.marketo.token': { endpoint: MARKETO_ENDPOINT, accessToken: CACHED_MARKETO_TOKEN, expiresAt: now + 3_600_000 },
  });
});
afterAll(async () => {
  await ext?.close();
  await fake?.close();
});

describe('HubSpot, end to end against a fake API', () => {
  it('shows the contact with engagement and outcome from at most 3 calls, and a reload within the freshness window makes none', async () => {
    const before = hub.state.requests.length;
    const { record, panel } = await openRecord(
      `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL_ID as string}/record/0-1/${HUBSPOT_CONTACT_ID as string}`,
      HUBSPOT_CONTACT_ID as string,
    );
    await expect.poll(() => text(panel, 'h1'), { timeout: 10_000 }).toContain('Halligan');
    expect(await text(panel, '.temperature')).toMatch(BANDS);
    expect(await panel.locator('.event').count()).toBeGreaterThan(0);
    expect(await text(panel, '.qualification')).toMatch(MQL_OUTCOME);
    const view = hub.state.requests.slice(before);
    console.log('HubSpot calls for an uncached view:', JSON.stringify(view.map((r) => `${r.method} ${r.path}`)));
    expect(view.length).toBeGreaterThan(0);
    expect(view.length).toBeLessThanOrEqual(3);
    expect(view.every((r) => r.auth === `Bearer ${(hub.storageSeed()['baton.hubspot.settings'] as { accessToken: string }).accessToken}`)).toBe(true);

    const beforeReload = hub.state.requests.length;
    await panel.reload();
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 10_000 });
    expect(await text(panel, 'h1')).toContain('Halligan');
    expect(hub.state.requests.slice(beforeReload)).toEqual([]);
    await panel.close();
    await record.close();
  });

  it('one feedback click makes exactly one note on the contact, though the first answer is lost', async () => {
    const { record, panel } = await openRecord(
      `https://app.hubspot.com/contacts/${HUBSPOT_PORTAL_ID as string}/record/0-1/${HUBSPOT_CONTACT_ID as string}`,
      HUBSPOT_CONTACT_ID as string,
    );
    await panel.getByRole('button', { name: en['fb.good'] }).click();
    const mine = panel.locator('.feedback-list li').filter({ hasText: `${en['fb.you']} · ${en['fb.good']}` });
    await expect.poll(() => mine.first().textContent(), { timeout: 60_000, interval: 500 }).toContain(en['fb.state.sent']);
    console.log(
      'HubSpot feedback calls:',
      JSON.stringify(hub.state.requests.filter((r) => r.path.includes('/notes')).map((r) => `${r.method} ${r.path}`)),
      'notes stored:',
      JSON.stringify(hub.state.notes.map((n) => ({ id: n.id, archived: n.archived }))),
    );
    // The first POST was stored and its connection cut. However the second copy came (Chromium's own resend, or
    // the outbox's retry), one note is left standing, and it is the first one stored.
    const standing = hub.state.notes.filter((n) => !n.archived);
    expect(standing).toHaveLength(1);
    expect(standing[0]!.id).toBe(hub.state.notes[0]!.id);
    expect(standing[0]!.contactId).toBe(HUBSPOT_CONTACT_ID);
    expect(standing[0]!.associationTypeId).toBe(202);
    expect(standing[0]!.body).toContain('Good lead');
    expect(await mine.count()).toBe(1);
    // The receipt names the note left standing.
    const sent = (await outbox(panel)).filter((f) => f.ref.system === 'hubspot');
    expect(sent.map((f) => [f.state, f.vendorId])).toEqual([['sent', standing[0]!.id]]);

    // Still one, still delivered, after a reload.
    await panel.reload();
    await expect.poll(() => mine.count(), { timeout: 10_000 }).toBe(1);
    expect(await mine.first().textContent()).toContain(en['fb.state.sent']);
    expect(hub.state.notes.filter((n) => !n.archived)).toHaveLength(1);
    await panel.close();
    await record.close();
  });
});

describe('Marketo, end to end against a fake API', () => {
  const leadUrl = `https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=${MARKETO_LEAD_ID as string}`;

  it('shows the lead with engagement and outcome; with the token cached the view costs at most 3 calls, a reload none', async () => {
    // The activity type names are cached too, as after the first view or "Test connection".
    await seed({
      'baton.marketo.activityTypes': { endpoint: MARKETO_ENDPOINT, fetchedAt: Date.now(), types: [{ id: 1, name: 'Visit Webpage' }, { id: 2, name: 'Fill Out Form' }, { id: 10, name: 'Open Email' }] },
    });
    const before = mkto.state.requests.length;
    const { record, panel } = await openRecord(leadUrl, MARKETO_LEAD_ID as string).catch((error: unknown) => {
      console.log('Marketo calls:', JSON.stringify(mkto.state.requests));
      throw error;
    });
    await expect.poll(() => text(panel, 'h1'), { timeout: 10_000 }).toContain('Yamada');
    // A Marketo page opens on the marketing view: the handoff and its SLA outcome.
    expect(await text(panel, '.handoff')).toContain(en['handoff.slaOutcome']);
    expect(await panel.locator('.handoff [data-status]').first().getAttribute('data-status')).toMatch(/^(on_track|at_risk|breached|met|met_late)$/);
    // The sales view of the same person: temperature, engagement from Marketo's activities, qualification.
    await panel.getByRole('tab', { name: en['tabs.sales'] }).click();
    await panel.locator('.temperature [data-band]').first().waitFor({ timeout: 5_000 });
    expect(await text(panel, '.temperature')).toMatch(BANDS);
    expect(await panel.locator('.event').count()).toBeGreaterThan(0);
    expect(await text(panel, '.qualification')).toMatch(MQL_OUTCOME);
    const view = mkto.state.requests.slice(before);
    console.log('Marketo calls for an uncached view:', JSON.stringify(view.map((r) => `${r.method} ${r.path}`)));
    expect(view.some((r) => r.path === '/identity/oauth/token')).toBe(false);
    expect(mkto.state.tokensIssued).toBe(0);
    expect(view.length).toBeGreaterThan(0);
    expect(view.length).toBeLessThanOrEqual(3);

    const beforeReload = mkto.state.requests.length;
    await panel.reload();
    await panel.locator('.temperature [data-band], .handoff').first().waitFor({ timeout: 10_000 });
    expect(await text(panel, 'h1')).toContain('Yamada');
    expect(mkto.state.requests.slice(beforeReload)).toEqual([]);
    await panel.close();
    await record.close();
  });

  it('one feedback click is delivered once as a custom activity; a resent POST leaves a copy Marketo cannot delete', async () => {
    const FEEDBACK_ACTIVITY_TYPE = 100001;
    await seed(mkto.storageSeed(FEEDBACK_ACTIVITY_TYPE));
    const { record, panel } = await openRecord(leadUrl, MARKETO_LEAD_ID as string);
    await panel.getByRole('button', { name: en['fb.bad'] }).click();
    const mine = panel.locator('.feedback-list li').filter({ hasText: `${en['fb.you']} · ${en['fb.bad']}` });
    await expect.poll(() => mine.first().textContent(), { timeout: 60_000, interval: 500 }).toContain(en['fb.state.sent']);
    console.log(
      'Marketo feedback calls:',
      JSON.stringify(mkto.state.requests.filter((r) => r.path.includes('/activities') && r.query.includes(String(FEEDBACK_ACTIVITY_TYPE)) || r.method === 'POST').map((r) => `${r.method} ${r.path}`)),
      'activities added:',
      JSON.stringify(mkto.state.added.map((a) => a.id)),
    );
    // At least one activity, every one for this lead and this click; one feedback on screen, delivered.
    expect(mkto.state.added.length).toBeGreaterThanOrEqual(1);
    expect(mkto.state.added.length).toBeLessThanOrEqual(2);
    expect(new Set(mkto.state.added.map((a) => a.primaryAttributeValue)).size).toBe(1);
    expect(mkto.state.added.every((a) => String(a.leadId) === MARKETO_LEAD_ID && a.activityTypeId === FEEDBACK_ACTIVITY_TYPE)).toBe(true);
    expect(await mine.count()).toBe(1);
    // Every attempt names the same activity, the oldest; a copy cannot be deleted (no API), so it stays in
    // Marketo's activity log with the same feedback id.
    const sent = (await outbox(panel)).filter((f) => f.ref.system === 'marketo');
    expect(sent.map((f) => [f.state, f.vendorId])).toEqual([['sent', String(mkto.state.added[0]!.id)]]);
    await panel.close();
    await record.close();
  });
});
