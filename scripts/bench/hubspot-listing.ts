import { setupServer } from 'msw/node';
import { createHubSpotConnector } from '../../lib/connectors/hubspot/hubspot-connector';
import { saveHubSpotSettings } from '../../lib/connectors/hubspot/settings';
import { memoryStore } from '../../lib/connectors/local-store';
import type { Stage } from '../../lib/domain/model';
import { fakeClock, hubspotPortalFake, syntheticContact, type PortalActivity, type PortalContact } from '../../tests/connectors/hubspot/hubspot-portal-fake';

/**
 * The HubSpot team listing against the portal fake (documented shapes and limits): calls per 1,000 contacts, by kind,
 * and the time HubSpot's rate limits alone impose (a fake clock that only the rate gate advances), at the lowest
 * (100 / 10 s) and the Professional (190 / 10 s) tier. Real latency comes on top: about one search page in flight
 * at a time, the batch calls of a page in parallel. Run: BATON_BENCH=hubspot npm run bench
 */
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 3, 0);
const FROM = NOW - 180 * DAY;
const STAGES: Record<string, Stage> = { lead: 'inquiry', marketingqualifiedlead: 'mql' };
const stageOf = (_s: string, field: string, value: string) => (field === 'lifecyclestage' ? (STAGES[value] ?? null) : null);

/** n contacts over 150 days; every fourth handed off; each with `perContact` activities (calls, e-mails, notes in turn). */
function portal(n: number, perContact: number): { contacts: PortalContact[]; activities: PortalActivity[] } {
  const types = ['calls', 'emails', 'notes'] as const;
  const activities: PortalActivity[] = [];
  const step = Math.floor((150 * DAY) / n);
  const contacts = Array.from({ length: n }, (_, i) => {
    const created = FROM + DAY + i * step;
    const c = syntheticContact(i, created, i % 4 === 0 ? created + DAY : undefined);
    const own: Partial<Record<(typeof types)[number], string[]>> = {};
    for (let k = 0; k < perContact; k++) {
      const type = types[k % types.length]!;
      const id = String(10_000_000 + i * 100 + k);
      (own[type] ??= []).push(id);
      activities.push({ id, properties: { hs_timestamp: new Date(created + k * 3_600_000).toISOString(), hs_email_direction: 'EMAIL' }, createdAt: c.createdAt, updatedAt: c.createdAt, archived: false });
    }
    return { ...c, activities: own };
  });
  return { contacts, activities };
}

async function run(n: number, perContact: number, burstMax: number, emailEvents: 'handed-off' | 'none') {
  const clock = fakeClock(NOW);
  const { contacts, activities } = portal(n, perContact);
  const fake = hubspotPortalFake({ contacts, activities, clock: clock.now, burstMax });
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const storage = memoryStore();
    await saveHubSpotSettings(storage, { accessToken: 'pat-na1-11111111-2222-3333-4444-555555555555' });
    const connector = createHubSpotConnector({ storage, now: clock.now, sleep: clock.sleep, emailEvents });
    const started = performance.now();
    let listed = 0;
    let calls = 0;
    for await (const page of connector.listContexts!({ from: FROM, to: NOW, scope: 'team' }, { now: NOW, stageOf })) {
      listed += page.contexts.length;
      calls += page.calls;
    }
    const kinds = new Map<string, number>();
    for (const r of fake.requests) {
      const kind = r.path.endsWith('/search') ? 'search' : r.path.includes('/associations/') ? 'associations' : r.path.includes('/contacts/batch') ? 'contacts batch' : r.path.includes('/batch/read') ? 'activities batch' : r.path.includes('/email/') ? 'e-mail events' : 'identity';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const per1000 = (x: number) => ((x / listed) * 1000).toFixed(1);
    console.log(
      `[hubspot listing] ${listed} contacts, ${perContact} activities each, e-mail events ${emailEvents}, tier ${burstMax}/10 s: ` +
        `${calls} calls = ${per1000(calls)} per 1,000 (${[...kinds].map(([k, v]) => `${k} ${per1000(v)}`).join(', ')}); ` +
        `rate limits alone take ${((clock.now() - NOW) / 1000).toFixed(1)} s; this machine's processing ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    server.close();
  }
}

export async function runHubSpotListingBench(): Promise<void> {
  await run(1_000, 0, 100, 'none');
  await run(1_000, 6, 100, 'none');
  await run(1_000, 6, 100, 'handed-off');
  await run(10_000, 6, 100, 'handed-off');
  await run(10_000, 6, 190, 'handed-off');
}
