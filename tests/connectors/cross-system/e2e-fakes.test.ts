// @vitest-environment node
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error plain .mjs module without types, shared with the end-to-end harness
import { createHubSpotFake, HUBSPOT_CONTACT_ID, HUBSPOT_PORTAL_ID } from '../../e2e/hubspot-fake.mjs';
// @ts-expect-error plain .mjs module without types, shared with the end-to-end harness
import { createMarketoFake, MARKETO_LEAD_ID } from '../../e2e/marketo-fake.mjs';
import { createHubSpotConnector } from '../../../lib/connectors/hubspot/hubspot-connector';
import { createMarketoConnector } from '../../../lib/connectors/marketo/marketo-connector';
import { matchPeople } from '../../../lib/connectors/cross-system/match-people';
import { mergeContexts } from '../../../lib/connectors/cross-system/merge-contexts';
import { memoryStore } from '../../../lib/connectors/local-store';
import type { Feedback, RecordRef } from '../../../lib/domain/model';

type Fake = { handle(req: unknown, res: unknown): Promise<boolean>; storageSeed(...a: unknown[]): Record<string, unknown>; state: Record<string, unknown> };

let server: Server;
let port = 0;
let fakes: Fake[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      for (const f of fakes) if (await f.handle(req, res)) return;
      res.statusCode = 404;
      res.end();
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** fetch that sends every vendor URL to the local fake, keeping the vendor's Host header (as host-resolver-rules do). */
const loopbackFetch: typeof fetch = (input, init) =>
  new Promise((resolve, reject) => {
    const url = new URL(String(input));
    const headers = { ...(init?.headers as Record<string, string>), Host: url.host };
    const req = httpRequest({ host: '127.0.0.1', port, path: url.pathname + url.search, method: init?.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(new Response(Buffer.concat(chunks).toString('utf8'), { status: res.statusCode ?? 500, headers: res.headers as Record<string, string> })));
    });
    req.on('error', reject);
    if (init?.body) req.write(init.body);
    req.end();
  });

const NOW = Date.now();

describe('end-to-end fakes speak what the connectors expect', () => {
  it('HubSpot: a view takes 3 calls and a feedback click whose answer is lost still makes exactly one note', async () => {
    const hub = createHubSpotFake({ now: NOW, dropFirstNoteResponse: true }) as Fake & { state: { requests: unknown[]; notes: { contactId: string; associationTypeId: number }[] } };
    fakes = [hub];
    const storage = memoryStore(hub.storageSeed());
    const connector = createHubSpotConnector({ storage, fetchImpl: loopbackFetch, now: () => NOW });
    const ref: RecordRef = { system: 'hubspot', instance: HUBSPOT_PORTAL_ID, object: '0-1', id: HUBSPOT_CONTACT_ID };
    const ctx = await connector.fetchContext(ref, { now: NOW });
    expect(hub.state.requests).toHaveLength(3);
    expect(ctx.events.length).toBeGreaterThan(0);
    expect(ctx.activities.length).toBe(5);
    expect(Math.max(...ctx.events.map((e) => e.occurredAt))).toBeLessThanOrEqual(NOW);

    const fb: Feedback = { id: 'fb-e2e-0001-abcd', ref, personKey: 'bh@hubspot.com', verdict: 'good', reasonCodes: [], by: 'e2e', at: NOW, state: 'pending', attempts: 0, nextAttemptAt: NOW };
    await expect(connector.deliverFeedback(fb, { now: NOW })).rejects.toMatchObject({ kind: 'transient' });
    expect(await connector.deliverFeedback(fb, { now: NOW })).toMatchObject({ alreadyExisted: true });
    expect(hub.state.notes).toHaveLength(1);
    expect(hub.state.notes[0]).toMatchObject({ contactId: HUBSPOT_CONTACT_ID, associationTypeId: 202 });
  });

  it('Marketo: the lead with engagement after a 602 renewal, found from the SFA record by e-mail and merged', async () => {
    const mkto = createMarketoFake({ now: NOW, expireFirstToken: true }) as Fake & { state: { tokensIssued: number } };
    fakes = [mkto];
    const connector = createMarketoConnector({ storage: memoryStore(mkto.storageSeed()), fetchImpl: loopbackFetch, now: () => NOW });
    const ref: RecordRef = { system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: MARKETO_LEAD_ID };
    const ctx = await connector.fetchContext(ref, { now: NOW });
    expect(ctx.person.name).toBe('Taro Yamada');
    expect(ctx.events.some((e) => e.interesting)).toBe(true);
    expect(mkto.state.tokensIssued).toBe(2);

    const sfa = { ...ctx, ref: { system: 'salesforce' as const, instance: 'acme.my.salesforce.com', object: 'Lead', id: '00Q5g00000XYZ12EAA' }, sources: ['salesforce' as const], events: [], person: { ...ctx.person, links: [{ ref: { system: 'salesforce' as const, instance: 'acme.my.salesforce.com', object: 'Lead', id: '00Q5g00000XYZ12EAA' } }] } };
    const found = await connector.findPeople({ by: 'email', value: 'taro.yamada@example.co.jp' }, { now: NOW, instance: 'app-ab12.marketo.com' });
    const { match } = matchPeople(sfa.person, found);
    expect(match?.links[0]?.ref.id).toBe(MARKETO_LEAD_ID);
    const merged = mergeContexts(sfa, ctx);
    expect(merged.sources).toEqual(['salesforce', 'marketo']);
    expect(merged.events.length).toBe(ctx.events.length);
  });
});
