import { createSalesforceConnector } from '../../../lib/connectors/salesforce/connector';
import type { Feedback } from '../../../lib/domain/model';
import { feedbackFromTask } from '../../../lib/connectors/salesforce/feedback-task';
import { connectedStore, withFakeOrg, LEAD_ID } from './fake-org';

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const feedback: Feedback = {
  id: 'fb_01JDX2Q7-retry',
  ref: { system: 'salesforce', instance: 'acme', object: 'Lead', id: LEAD_ID },
  personKey: 'taro.yamada@example.co.jp',
  verdict: 'bad',
  reasonCodes: ['not-target', 'no-budget'],
  comment: '予算が来期まで無い',
  by: 'Sato Hanako',
  at: Date.UTC(2026, 10, 25, 2, 0),
  state: 'pending',
  attempts: 0,
  nextAttemptAt: Date.UTC(2026, 10, 25, 2, 0),
};

const { server, state } = withFakeOrg();

describe('Salesforce feedback write-back', () => {
  it('creates one completed Task people can read, carrying the feedback id', async () => {
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const receipt = await connector.deliverFeedback(feedback, { now: NOW });
    expect(receipt.alreadyExisted).toBe(false);
    expect(state.tasks).toHaveLength(1);
    const task = state.tasks[0]!;
    expect(receipt.vendorId).toBe(task.Id);
    expect(task).toMatchObject({ WhoId: LEAD_ID, Status: 'Completed' });
    expect(task.Subject).toBe('Baton lead feedback: \u{1F44E} Not a good lead: not-target, no-budget [baton:fb_01JDX2Q7-retry]');
    expect(task.Description).toContain('予算が来期まで無い');
    // Read back from another browser, it is the same feedback.
    expect(feedbackFromTask(task, feedback.ref, feedback.personKey)).toMatchObject({ id: feedback.id, verdict: 'bad', reasonCodes: ['not-target', 'no-budget'], state: 'sent' });
  });

  it('a dropped response and a retry still make exactly one Task', async () => {
    state.dropTaskResponses = 1;
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const first = await connector.deliverFeedback(feedback, { now: NOW }).catch((e: unknown) => e);
    expect(first).toMatchObject({ kind: 'transient' });
    expect(state.tasks).toHaveLength(1); // the fake created it; the client never heard

    const retry = await connector.deliverFeedback({ ...feedback, attempts: 1 }, { now: NOW + 60_000 });
    expect(retry).toEqual({ vendorId: state.tasks[0]!.Id, alreadyExisted: true });
    expect(state.tasks).toHaveLength(1);
    expect(state.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/sobjects/Task'))).toHaveLength(1);
  });

  it('a request the browser resent (two Tasks created, one answer seen) ends as one Task, the oldest', async () => {
    state.resendNextTask = true;
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const receipt = await connector.deliverFeedback(feedback, { now: NOW });
    expect(state.tasks).toHaveLength(1);
    expect(receipt).toEqual({ vendorId: state.tasks[0]!.Id, alreadyExisted: false });
    expect(state.tasks[0]!.Id).toBe('00T5e00000New00EAB');
  });

  it('delivering the same feedback twice never doubles it', async () => {
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    await connector.deliverFeedback(feedback, { now: NOW });
    await connector.deliverFeedback(feedback, { now: NOW });
    expect(state.tasks).toHaveLength(1);
  });

  it('two different feedback clicks make two Tasks', async () => {
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    await connector.deliverFeedback(feedback, { now: NOW });
    await connector.deliverFeedback({ ...feedback, id: 'fb_01JDX2Q7-other', verdict: 'good', reasonCodes: [] }, { now: NOW });
    expect(state.tasks.map((t) => t.Subject)).toEqual([
      expect.stringContaining('[baton:fb_01JDX2Q7-retry]'),
      'Baton lead feedback: \u{1F44D} Good lead [baton:fb_01JDX2Q7-other]',
    ]);
  });

  it('updates the mapped custom field when the admin set one', async () => {
    const patched: unknown[] = [];
    server.events.on('request:start', async ({ request }) => {
      if (request.method === 'PATCH') patched.push({ url: new URL(request.url).pathname, body: await request.clone().json() });
    });
    const connector = createSalesforceConnector({ storage: connectedStore({ feedbackField: 'Baton_Lead_Quality__c' }), now: () => NOW });
    await connector.deliverFeedback(feedback, { now: NOW });
    expect(patched).toEqual([{ url: `/services/data/v65.0/sobjects/Lead/${LEAD_ID}`, body: { Baton_Lead_Quality__c: 'bad: not-target, no-budget' } }]);
  });

  it('refuses records that are not leads or contacts, without calling Salesforce', async () => {
    const connector = createSalesforceConnector({ storage: connectedStore(), now: () => NOW });
    const e = await connector.deliverFeedback({ ...feedback, ref: { ...feedback.ref, object: 'Opportunity' } }, { now: NOW }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'permanent' });
    expect(state.requests).toHaveLength(0);
  });
});
