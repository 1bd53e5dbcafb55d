import { createSalesforceConnector } from '../../../lib/connectors/salesforce/connector';
import { amendFeedback, deliverDue, recordFeedback, UNDO_WINDOW_MS } from '../../../lib/store/outbox';
import { freshDb } from '../../store/lead-context-fixture';
import { connectedStore, withFakeOrg, LEAD_ID } from './fake-org';

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const ref = { system: 'salesforce' as const, instance: 'acme', object: 'Lead', id: LEAD_ID };
const { state } = withFakeOrg();

describe('amending delivered feedback (Salesforce)', () => {
  it('updates the one Task exactly once through the outbox, also when the first answer is lost, and creates none', async () => {
    const db = freshDb();
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const connectorFor = async () => connector;
    const clock = { now: NOW };
    const fb = await recordFeedback(db, { ref, personKey: 'taro.yamada@example.co.jp', verdict: 'bad', by: 'Sato Hanako' }, clock.now);
    clock.now += UNDO_WINDOW_MS;
    expect(await deliverDue(db, connectorFor, () => clock.now, { random: () => 0 })).toMatchObject({ sent: 1 });
    expect(state.tasks).toHaveLength(1);
    const taskId = state.tasks[0]!.Id;

    // A minute later, past the undo window: the reasons and a comment.
    clock.now += 60_000;
    expect(await amendFeedback(db, fb.id, { reasonCodes: ['no-budget'], comment: '予算は来期' }, clock.now)).toBe(true);
    state.dropPatchResponses = 1; // Salesforce applies the update, the answer is lost: the outbox resends it.
    expect(await deliverDue(db, connectorFor, () => clock.now, { random: () => 0 })).toMatchObject({ retrying: 1 });
    clock.now += 10 * 60_000;
    expect(await deliverDue(db, connectorFor, () => clock.now, { random: () => 0 })).toMatchObject({ sent: 1 });
    // Nothing more is due: the amend was settled once.
    clock.now += 60 * 60_000;
    expect(await deliverDue(db, connectorFor, () => clock.now)).toMatchObject({ sent: 0, retrying: 0 });

    expect(state.tasks).toHaveLength(1);
    expect(state.tasks[0]).toMatchObject({ Id: taskId });
    expect(state.tasks[0]!.Subject).toContain('no-budget');
    expect(state.tasks[0]!.Description).toContain('予算は来期');
    expect(state.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/sobjects/Task'))).toHaveLength(1);
    expect(state.requests.filter((r) => r.method === 'PATCH' && r.url.includes(`/sobjects/Task/${taskId}`))).toHaveLength(2);
    const row = await db.feedback.get(fb.id);
    expect(row).toMatchObject({ state: 'sent', vendorId: taskId, reasonCodes: ['no-budget'], comment: '予算は来期' });
  });

  it('refuses to amend what is not delivered yet (the undo window replaces it instead)', async () => {
    const db = freshDb();
    const fb = await recordFeedback(db, { ref, personKey: 'p', verdict: 'good', by: 'Sato Hanako' }, NOW);
    expect(await amendFeedback(db, fb.id, { reasonCodes: ['GOOD_FIT'] }, NOW + 1)).toBe(false);
  });

  it('a system that keeps activities as written (no amendFeedback) settles the amend as sent, without a call', async () => {
    const db = freshDb();
    let calls = 0;
    const marketoLike = {
      system: 'marketo' as const,
      fetchContext: () => Promise.reject(new Error('unused')),
      deliverFeedback: async () => {
        calls++;
        return { vendorId: '9001', alreadyExisted: false };
      },
    };
    const fb = await recordFeedback(db, { ref: { system: 'marketo', instance: '123-ABC-456', object: 'lead', id: '42' }, personKey: 'p', verdict: 'bad', by: 'Sato Hanako' }, NOW);
    await deliverDue(db, async () => marketoLike, NOW + UNDO_WINDOW_MS);
    expect(await amendFeedback(db, fb.id, { reasonCodes: ['no-budget'] }, NOW + 60_000)).toBe(true);
    expect(await deliverDue(db, async () => marketoLike, NOW + 60_000)).toMatchObject({ sent: 1, failed: 0 });
    expect(calls).toBe(1);
    expect(await db.feedback.get(fb.id)).toMatchObject({ state: 'sent', vendorId: '9001', reasonCodes: ['no-budget'] });
  });
});
