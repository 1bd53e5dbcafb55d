import { afterEach, describe, expect, it } from 'vitest';
import type { Feedback, LeadContext, RecordRef } from '../../lib/domain/model';
import { recordKey } from '../../lib/domain/model';
import { readContext, saveContext } from '../../lib/store/context-repo';
import type { BatonDb } from '../../lib/store/db';
import { countUndelivered, purgeSystem } from '../../lib/store/purge-system';
import { freshDb, leadContext, sfRef, T0 } from './lead-context-fixture';
import { readSnapshotContexts, readSyncState, writeSnapshotPage, writeSyncState } from '../../lib/store/snapshot-repo';

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

const hubRef = (id: string): RecordRef => ({ system: 'hubspot', instance: '62515', object: '0-1', id });

/** A person known only from HubSpot: their events, activities and remote feedback all come from HubSpot. */
function hubspotOnly(id: string): LeadContext {
  const ref = hubRef(id);
  const remote: Feedback = {
    id: `remote-${id}-0001`, ref, personKey: `${id}@hub.example`, verdict: 'good', reasonCodes: [], by: 'Ito', at: T0 - 1000,
    state: 'sent', attempts: 1, nextAttemptAt: T0 - 1000,
  };
  return {
    ref,
    person: { key: `${id}@hub.example`, name: 'Hub Only', email: `${id}@hub.example`, stage: 'mql', attributes: {}, links: [{ ref }] },
    events: [{ id: `hubspot:${id}-e`, source: 'hubspot', sourceId: `${id}-e`, type: 'form_submit', occurredAt: T0 - 5000 }],
    activities: [{ id: `hubspot:${id}-a`, source: 'hubspot', type: 'email', occurredAt: T0 - 4000 }],
    stageChanges: [{ id: `hubspot:${id}-s`, source: 'hubspot', stage: 'mql', vendorValue: 'marketingqualifiedlead', at: T0 - 3000 }],
    opportunities: [],
    feedback: [remote],
    warnings: [],
    fetchedAt: T0,
    sources: ['hubspot'],
  };
}

function click(ref: RecordRef, id: string, state: Feedback['state']) {
  return {
    id, ref, personKey: 'p', verdict: 'bad' as const, reasonCodes: [], by: 'Sato', at: T0, state, attempts: 0, nextAttemptAt: T0,
    recordKey: recordKey(ref), authFailures: 0,
  };
}

describe('disconnecting a system removes what Baton cached from it', () => {
  it('removes people only known from that system, with their records, events, activities, stages and remote feedback', async () => {
    db = freshDb();
    const hub = hubspotOnly('51');
    await saveContext(db, hub);
    const sf = leadContext(sfRef('00Q000000000001AAA'));
    await saveContext(db, sf);

    const result = await purgeSystem(db, 'hubspot');
    expect(result.peopleRemoved).toBe(1);
    expect(await readContext(db, hub.ref)).toBeUndefined();
    expect(await db.people.get(hub.person.key)).toBeUndefined();
    expect(await db.events.where('id').equals(`hubspot:51-e`).count()).toBe(0);
    expect(await db.activities.get('hubspot:51-a')).toBeUndefined();
    expect(await db.stageChanges.get('hubspot:51-s')).toBeUndefined();
    expect(await db.remoteFeedback.get('remote-51-0001')).toBeUndefined();
    expect(await db.sync.get(recordKey(hub.ref))).toBeUndefined();
    // Another system's person is untouched.
    expect((await readContext(db, sf.ref))?.context.events).toHaveLength(3);
  });

  it("keeps a person also known from another connected system, minus the disconnected system's data", async () => {
    db = freshDb();
    // Salesforce's view of a person whose events come from Marketo (leadContext): disconnect Marketo.
    const sf = leadContext(sfRef('00Q000000000002AAA'));
    await saveContext(db, sf);
    await purgeSystem(db, 'marketo');
    const after = await readContext(db, sf.ref);
    expect(after?.context.person.name).toBe(sf.person.name);
    expect(after?.context.events).toEqual([]);
    expect(after?.context.activities).toHaveLength(1);
    expect(after?.context.person.links.map((l) => l.ref.system)).toEqual(['salesforce']);
    const row = await db.people.get(sf.person.key);
    expect(row?.linkKeys.every((k) => !k.startsWith('marketo|'))).toBe(true);
    expect(row?.sources).toEqual(['salesforce']);
  });

  it('keeps undelivered feedback (until delivered or discarded) and drops the delivered history of that system', async () => {
    db = freshDb();
    const ref = hubRef('51');
    await db.feedback.bulkAdd([click(ref, 'fb-pending-0001', 'pending'), click(ref, 'fb-failed-00001', 'failed'), click(ref, 'fb-sent-000001', 'sent'), click(sfRef('00Q000000000003AAA'), 'fb-sf-sent-0001', 'sent')]);
    expect(await countUndelivered(db, 'hubspot')).toBe(2);

    await purgeSystem(db, 'hubspot');
    expect((await db.feedback.toArray()).map((f) => f.id).sort()).toEqual(['fb-failed-00001', 'fb-pending-0001', 'fb-sf-sent-0001']);

    await purgeSystem(db, 'hubspot', { discardUndelivered: true });
    expect((await db.feedback.toArray()).map((f) => f.id)).toEqual(['fb-sf-sent-0001']);
    expect(await countUndelivered(db, 'hubspot')).toBe(0);
  });
});

describe("disconnecting a system removes its team snapshot too", () => {
  it("drops the system's synced people, sync state and the team page's kept answers, and keeps another system's snapshot", async () => {
    db = freshDb();
    const hubspotScope = { system: 'hubspot', instance: '62515', kind: 'team' } as const;
    const salesforceScope = { system: 'salesforce', instance: 'acme.my.salesforce.com', kind: 'team' } as const;
    const salesforceLead = { ...hubspotOnly('x'), ref: sfRef('00Q000000000001AAA'), sources: ['salesforce' as const] };
    await writeSnapshotPage(db, hubspotScope, { contexts: [hubspotOnly('a'), hubspotOnly('b')], deleted: [] });
    await writeSnapshotPage(db, salesforceScope, { contexts: [salesforceLead], deleted: [] });
    await writeSyncState(db, { scope: hubspotScope, period: { from: 0, to: T0 }, cursor: null, inFlight: null, callsUsed: 3, callsLastRun: 3 });
    // A team-page answer kept from before, naming a HubSpot person in its comments.
    await db.teamAnswers.put({ key: 'detail|0|1', generation: 'g1', now: T0, computedAt: T0, answer: { comments: [{ name: 'Ada Lovelace', comment: 'Real need' }] } });

    await purgeSystem(db, 'hubspot');

    expect((await readSnapshotContexts(db)).map((c) => c.ref.system)).toEqual(['salesforce']);
    expect(await readSyncState(db, hubspotScope)).toBeNull();
    expect(await db.teamAnswers.count()).toBe(0);
  });
});
