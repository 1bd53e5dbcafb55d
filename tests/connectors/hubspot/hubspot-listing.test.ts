import { setupServer } from 'msw/node';
import { createHubSpotConnector } from '../../../lib/connectors/hubspot/hubspot-connector';
import { saveHubSpotSettings } from '../../../lib/connectors/hubspot/settings';
import { memoryStore } from '../../../lib/connectors/local-store';
import { ConnectorError } from '../../../lib/connectors/connector';
import type { ListPage, ListRequest } from '../../../lib/connectors/listing';
import type { HubSpotListingDeps } from '../../../lib/connectors/hubspot/list-contacts';
import type { RecordRef, Stage } from '../../../lib/domain/model';
import emailEvents from '../../fixtures/hubspot/email-events.json';
import { hubspotFake } from './hubspot-msw';
import { fakeClock, fixtureActivities, fixtureContact, hubspotPortalFake, syntheticContact, type PortalActivity, type PortalContact } from './hubspot-portal-fake';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 3, 0);
const FROM = NOW - 180 * DAY;
const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';
const STAGES: Record<string, Stage> = { lead: 'inquiry', marketingqualifiedlead: 'mql', salesqualifiedlead: 'sql', customer: 'won' };
const stageOf = (_s: string, field: string, value: string) => (field === 'lifecyclestage' ? (STAGES[value] ?? null) : null);
const team: ListRequest = { from: FROM, to: NOW, scope: 'team' };

async function connectedStore() {
  const storage = memoryStore();
  await saveHubSpotSettings(storage, { accessToken: TOKEN });
  return storage;
}

async function listing(over: Partial<HubSpotListingDeps> = {}) {
  const clock = fakeClock(NOW);
  const storage = await connectedStore();
  const connector = createHubSpotConnector({ storage, now: clock.now, sleep: clock.sleep, ...over });
  return { connector, clock, storage };
}

async function collect(gen: AsyncGenerator<ListPage, void, void>): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  for await (const p of gen) pages.push(p);
  return pages;
}

const idsOf = (pages: ListPage[]) => pages.flatMap((p) => p.contexts.map((c) => c.ref.id));

/** n synthetic contacts created over the period, one every `step` ms from `start`. */
function spread(n: number, start = FROM + DAY, step = Math.floor((150 * DAY) / n)): PortalContact[] {
  return Array.from({ length: n }, (_, i) => syntheticContact(i, start + i * step));
}

describe('HubSpot listing: same judgement as the panel', () => {
  it("lists a contact as the very context fetchContext gives the panel, from batch calls instead of the panel's", async () => {
    const { connector } = await listing();
    server.use(...hubspotPortalFake({ contacts: [fixtureContact()], activities: fixtureActivities(), emailEvents: { 'bh@hubspot.com': emailEvents.events } }).handlers);
    const pages = await collect(connector.listContexts!(team, { now: NOW, stageOf }));
    const listed = pages.flatMap((p) => p.contexts);
    expect(listed).toHaveLength(1);

    server.resetHandlers();
    server.use(...hubspotFake().handlers);
    const panel = await connector.fetchContext({ system: 'hubspot', instance: '62515', object: '0-1', id: '512' }, { now: NOW, stageOf });
    expect(listed[0]).toEqual(panel);
    // Not vacuous: the context carries every part the panel shows.
    expect(panel.activities.map((a) => a.type)).toEqual(['call', 'email', 'meeting', 'note', 'task']);
    expect(panel.events.filter((e) => e.type.startsWith('email_'))).toHaveLength(3);
    expect(panel.stageChanges.length).toBeGreaterThan(2);
  });
});

describe('HubSpot listing: paging and the 10,000-result cap', () => {
  it('pages the search with after, 200 a page, sorted by id, and reports progress against the total', async () => {
    const { connector } = await listing({ emailEvents: 'none' });
    const fake = hubspotPortalFake({ contacts: spread(450) });
    server.use(...fake.handlers);
    const pages = await collect(connector.listContexts!(team, { now: NOW, stageOf }));

    const ids = idsOf(pages);
    expect(ids).toHaveLength(450);
    expect(new Set(ids).size).toBe(450);
    const searches = fake.requests.filter((r) => r.path.endsWith('/search'));
    expect(searches.map((r) => (r.body as { after?: string }).after)).toEqual([undefined, '200', '400']);
    expect(searches.every((r) => (r.body as { limit: number }).limit === 200)).toBe(true);
    expect(searches[0]?.body).toMatchObject({ sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
    // Five search pages make one listing page: 450 contacts come in one.
    expect(pages.map((p) => p.progress)).toEqual([{ done: 450, total: 450 }]);
    expect(pages.at(-1)?.cursor).toBeNull();
  });

  it('splits a period holding more than 10,000 contacts by halving, and lists each contact exactly once', async () => {
    // 11,000 contacts; every tenth is created in the first half of the period and handed off in the second, so it
    // matches both halves' searches.
    const contacts = spread(11_000).map((c, i) =>
      i % 10 === 0 ? syntheticContact(i, FROM + DAY + i * 1000, NOW - DAY - i * 1000) : c,
    );
    const { connector } = await listing({ emailEvents: 'none' });
    const fake = hubspotPortalFake({ contacts });
    server.use(...fake.handlers);
    const pages = await collect(connector.listContexts!(team, { now: NOW, stageOf }));

    const ids = idsOf(pages);
    expect(ids).toHaveLength(11_000);
    expect(new Set(ids).size).toBe(11_000);
    expect(pages.at(-1)?.progress).toEqual({ done: 11_000, total: 11_000 });
    const windows = new Set(
      fake.requests
        .filter((r) => r.path.endsWith('/search'))
        .map((r) => JSON.stringify((r.body as { filterGroups: { filters: { value?: string }[] }[] }).filterGroups[0]?.filters.slice(0, 2).map((f) => f.value))),
    );
    expect(windows.size).toBeGreaterThanOrEqual(3); // the period, then at least its two halves
    // The fake answers 400 past 10,000 results: the run never asked for one.
    expect(fake.requests.filter((r) => r.path.endsWith('/search')).every((r) => Number((r.body as { after?: string }).after ?? 0) < 10_000)).toBe(true);
  }, 120_000); // more than 10,000 contacts through the whole pipeline: seconds of work on a busy machine
});

describe('HubSpot listing: kill and resume', () => {
  it('resumes a run stopped after a page from its cursor, listing nobody twice and nobody missing', async () => {
    const contacts = spread(2_300);
    const fake = hubspotPortalFake({ contacts });
    server.use(...fake.handlers);

    const first = await listing({ emailEvents: 'none' });
    const seen: string[] = [];
    let cursor: string | null = null;
    for await (const p of first.connector.listContexts!(team, { now: NOW, stageOf })) {
      seen.push(...p.contexts.map((c) => c.ref.id));
      cursor = p.cursor;
      break; // the worker dies here
    }
    expect(seen).toHaveLength(1_000);

    // A new worker (new connector, nothing in memory) picks the cursor up.
    const second = await listing({ emailEvents: 'none' });
    const rest = await collect(second.connector.listContexts!({ ...team, cursor: cursor! }, { now: NOW, stageOf }));
    const all = [...seen, ...idsOf(rest)];
    expect(all).toHaveLength(2_300);
    expect(new Set(all)).toEqual(new Set(contacts.map((c) => c.id)));
    expect(rest.map((p) => p.progress)).toEqual([
      { done: 2_000, total: 2_300 },
      { done: 2_300, total: 2_300 },
    ]);
  });

  it('stops when aborted mid-page, and the last cursor resumes without duplicates', async () => {
    const contacts = spread(1_500);
    const fake = hubspotPortalFake({ contacts });
    server.use(...fake.handlers);
    const controller = new AbortController();
    const { connector } = await listing({ emailEvents: 'none' });
    const seen: string[] = [];
    let cursor: string | null = null;
    const run = async () => {
      for await (const p of connector.listContexts!(team, { now: NOW, stageOf, signal: controller.signal })) {
        seen.push(...p.contexts.map((c) => c.ref.id));
        cursor = p.cursor;
        controller.abort(); // the person presses Cancel while the next page loads
      }
    };
    await expect(run()).rejects.toThrow();
    expect(seen).toHaveLength(1_000);
    const rest = await collect(connector.listContexts!({ ...team, cursor: cursor! }, { now: NOW, stageOf }));
    const all = [...seen, ...idsOf(rest)];
    expect(all).toHaveLength(1_500);
    expect(new Set(all).size).toBe(1_500);
  });

  it('refuses a cursor of another period with a clear message', async () => {
    const { connector } = await listing();
    server.use(...hubspotPortalFake({ contacts: spread(3) }).handlers);
    const p = collect(connector.listContexts!({ ...team, from: FROM - DAY, cursor: JSON.stringify({ v: 1, key: 'team:1:2:', phase: 'contacts', windows: [], done: 0 }) }, { now: NOW }));
    await expect(p).rejects.toThrow(/another period or scope/);
  });
});

describe('HubSpot listing: incremental sync', () => {
  it('lists only contacts modified since the last sync, and reports the archived and the merged-away as deleted', async () => {
    const lastSync = NOW - 2 * DAY;
    const contacts = spread(30);
    const changed = contacts[4]!;
    changed.properties = { ...changed.properties, lifecyclestage: 'marketingqualifiedlead', hs_v2_date_entered_marketingqualifiedlead: new Date(NOW - DAY).toISOString(), lastmodifieddate: new Date(NOW - DAY).toISOString() };
    const survivor = contacts[7]!;
    survivor.properties = { ...survivor.properties, hs_merged_object_ids: '100900;100901', lastmodifieddate: new Date(NOW - 3_600_000).toISOString() };
    const gone = contacts[9]!;
    gone.archived = true;
    gone.archivedAt = new Date(NOW - DAY).toISOString();
    const longGone = contacts[11]!;
    longGone.archived = true;
    longGone.archivedAt = new Date(NOW - 40 * DAY).toISOString();
    const fake = hubspotPortalFake({ contacts });
    server.use(...fake.handlers);

    const { connector } = await listing({ emailEvents: 'none' });
    const pages = await collect(connector.listContexts!({ ...team, modifiedSince: lastSync }, { now: NOW, stageOf }));

    expect(idsOf(pages).sort()).toEqual([changed.id, survivor.id].sort());
    expect(pages.flatMap((p) => p.contexts).find((c) => c.ref.id === changed.id)?.person.stage).toBe('mql');
    const deleted = pages.flatMap((p) => p.deleted);
    const ref = (id: string): RecordRef => ({ system: 'hubspot', instance: '62515', object: '0-1', id });
    expect(deleted).toEqual(expect.arrayContaining([ref('100900'), ref('100901'), ref(gone.id)]));
    expect(deleted).not.toContainEqual(ref(longGone.id));
    expect(deleted).toHaveLength(3);
    const search = fake.requests.find((r) => r.path.endsWith('/search'))?.body as { filterGroups: { filters: unknown[] }[] };
    expect(search.filterGroups.every((g) => g.filters.some((f) => JSON.stringify(f) === JSON.stringify({ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(lastSync) })))).toBe(true);
    expect(pages.at(-1)?.cursor).toBeNull();
  });
});

describe("HubSpot listing: 'mine'", () => {
  it("lists the signed-in user's own open handed-off contacts, found through the token's user and its owner record", async () => {
    const mine = syntheticContact(1, FROM + DAY, FROM + 2 * DAY);
    const notHandedOff = syntheticContact(2, FROM + DAY);
    const someoneElses = syntheticContact(3, FROM + DAY, FROM + 2 * DAY, {});
    someoneElses.properties = { ...someoneElses.properties, hubspot_owner_id: '5555' };
    const won = syntheticContact(4, FROM + DAY, FROM + 2 * DAY);
    won.properties = { ...won.properties, lifecyclestage: 'customer' };
    const oldButOpen = syntheticContact(5, FROM - 400 * DAY, FROM - 300 * DAY);
    const fake = hubspotPortalFake({ contacts: [mine, notHandedOff, someoneElses, won, oldButOpen] });
    server.use(...fake.handlers);

    const { connector } = await listing({ emailEvents: 'none' });
    const pages = await collect(connector.listContexts!({ ...team, scope: 'mine' }, { now: NOW, stageOf }));
    expect(idsOf(pages).sort()).toEqual([mine.id, oldButOpen.id].sort());
    expect(fake.requests.find((r) => r.path.startsWith('/crm/v3/owners/'))).toMatchObject({ path: '/crm/v3/owners/9586504', search: '?idProperty=userId' });
    const body = fake.requests.find((r) => r.path.endsWith('/search'))?.body as { filterGroups: { filters: unknown[] }[] };
    expect(body.filterGroups[0]?.filters).toContainEqual({ propertyName: 'hubspot_owner_id', operator: 'EQ', value: '41629779' });
  });
});

describe('HubSpot listing: calls and limits', () => {
  it('counts every request in the pages, and spends 51 calls per 1,000 contacts with two activities each, plus one per handed-off contact', async () => {
    // 1,000 contacts, each with a call and a note; every fourth handed off (its e-mail events are read).
    const contacts = spread(1_000).map((c, i) => {
      const withMql = i % 4 === 0 ? syntheticContact(i, FROM + DAY + i * 10_000, FROM + 2 * DAY + i * 10_000) : c;
      return { ...withMql, activities: { calls: [String(900_000 + i)], notes: [String(800_000 + i)] } };
    });
    const activities = contacts.flatMap((c, i): PortalActivity[] => [
      { id: String(900_000 + i), properties: { hs_timestamp: c.createdAt, hs_call_title: 'Call', hs_call_status: 'COMPLETED', hubspot_owner_id: '41629779' }, createdAt: c.createdAt, updatedAt: c.createdAt, archived: false },
      { id: String(800_000 + i), properties: { hs_timestamp: c.createdAt, hs_note_body: 'Note' }, createdAt: c.createdAt, updatedAt: c.createdAt, archived: false },
    ]);
    const fake = hubspotPortalFake({ contacts, activities });
    server.use(...fake.handlers);
    const { connector } = await listing();
    const pages = await collect(connector.listContexts!(team, { now: NOW, stageOf }));

    const calls = pages.reduce((n, p) => n + p.calls, 0);
    expect(calls).toBe(fake.requests.length);
    const emailCalls = fake.requests.filter((r) => r.path === '/email/public/v1/events').length;
    expect(emailCalls).toBe(250);
    // token info 1 + search 5 + contacts 20 (50 a batch with history) + associations 5 (one a type for 1,000)
    // + calls 10 + notes 10 (100 a batch) = 51.
    expect(calls - emailCalls).toBe(51);
    expect(pages.flatMap((p) => p.contexts).every((c) => c.activities.length === 2)).toBe(true);
  });

  it('follows a contact whose associations span several answers', async () => {
    const c = { ...syntheticContact(1, FROM + DAY), activities: { calls: ['1', '2', '3', '4', '5'] } };
    const activities = ['1', '2', '3', '4', '5'].map((id) => ({ id, properties: { hs_timestamp: c.createdAt }, createdAt: c.createdAt, updatedAt: c.createdAt, archived: false }));
    server.use(...hubspotPortalFake({ contacts: [c], activities, associationsPerAnswer: 2 }).handlers);
    const { connector } = await listing({ emailEvents: 'none' });
    const pages = await collect(connector.listContexts!(team, { now: NOW, stageOf }));
    expect(pages[0]?.contexts[0]?.activities).toHaveLength(5);
  });

  it('never exceeds the 10-second window nor the search rate, by the fake clock', async () => {
    const clock = fakeClock(NOW);
    const contacts = spread(5_000);
    const fake = hubspotPortalFake({ contacts, clock: clock.now, burstMax: 100 });
    server.use(...fake.handlers);
    const storage = await connectedStore();
    const connector = createHubSpotConnector({ storage, now: clock.now, sleep: clock.sleep, emailEvents: 'none' });
    await collect(connector.listContexts!(team, { now: NOW, stageOf }));

    const times = fake.requests.map((r) => r.at);
    const searchTimes = fake.requests.filter((r) => r.path.endsWith('/search')).map((r) => r.at);
    const most = (ts: number[], windowMs: number) => Math.max(...ts.map((t) => ts.filter((u) => u > t - windowMs && u <= t).length));
    expect(fake.requests.length).toBeGreaterThan(140);
    expect(most(times, 10_000)).toBeLessThanOrEqual(100);
    expect(most(times, 10_000)).toBeGreaterThan(50); // it does use the window, not crawl
    expect(most(searchTimes, 1_000)).toBeLessThanOrEqual(5);
  });

  it('waits the interval HubSpot asks for after a 429 and carries on, counting the refused call', async () => {
    const clock = fakeClock(NOW);
    const fake = hubspotPortalFake({ contacts: spread(10), clock: clock.now });
    server.use(...fake.handlers);
    const storage = await connectedStore();
    const connector = createHubSpotConnector({ storage, now: clock.now, sleep: clock.sleep, emailEvents: 'none' });
    fake.throttle(1);
    const pages = await collect(connector.listContexts!(team, { now: NOW, stageOf }));
    expect(idsOf(pages)).toHaveLength(10);
    expect(pages.reduce((n, p) => n + p.calls, 0)).toBe(fake.requests.length);
    expect((fake.requests[1]?.at ?? 0) - (fake.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(10_000);
  });

  it("explains a 'mine' run whose token's user is not an owner, before listing anyone", async () => {
    const fake = hubspotPortalFake({ contacts: [syntheticContact(1, FROM + DAY, FROM + 2 * DAY)], noOwner: true });
    server.use(...fake.handlers);
    const { connector } = await listing();
    const error = await collect(connector.listContexts!({ ...team, scope: 'mine' }, { now: NOW, stageOf })).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: 'permanent', message: expect.stringMatching(/not an owner.*token created by your own HubSpot user/) });
    expect(fake.requests.some((r) => r.path.endsWith('/search'))).toBe(false);
  });

  it("says which scope a 'mine' run lacks when the token cannot read owners", async () => {
    server.use(...hubspotPortalFake({ contacts: [], noOwnerScope: true }).handlers);
    const { connector } = await listing();
    const error = await collect(connector.listContexts!({ ...team, scope: 'mine' }, { now: NOW, stageOf })).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ kind: 'permanent', message: expect.stringContaining('crm.objects.owners.read') });
  });
});
