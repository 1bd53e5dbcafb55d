import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { feedbackNoteBody, noteCarriesFeedback, parseFeedbackNote } from '../../../lib/connectors/hubspot/feedback-note';
import { createHubSpotConnector } from '../../../lib/connectors/hubspot/hubspot-connector';
import { saveHubSpotSettings } from '../../../lib/connectors/hubspot/settings';
import { memoryStore } from '../../../lib/connectors/local-store';
import type { Feedback, RecordRef } from '../../../lib/domain/model';
import engagements from '../../fixtures/hubspot/engagements.json';
import { API, hubspotFake } from './hubspot-msw';

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const ref: RecordRef = { system: 'hubspot', instance: '62515', object: '0-1', id: '512' };
const fb: Feedback = {
  id: 'fb_7f3a-22c1-bad', ref, personKey: 'bh@hubspot.com', verdict: 'bad', reasonCodes: ['no_budget', 'student'],
  comment: 'Says "<b>no</b>" & leaves', by: "O'Brien / 佐藤", at: NOW, state: 'pending', attempts: 0, nextAttemptAt: NOW,
};

describe('feedback notes', () => {
  it('reads back what was written, with user text intact and never as markup', () => {
    const body = feedbackNoteBody(fb);
    expect(body).not.toContain('<b>');
    const back = parseFeedbackNote(body, { ref, personKey: 'bh@hubspot.com', noteId: '77', timestamp: NOW + 5 });
    expect(back).toMatchObject({ id: fb.id, verdict: 'bad', reasonCodes: ['no_budget', 'student'], comment: fb.comment, by: fb.by, state: 'sent', vendorId: '77', at: NOW + 5 });
  });

  it('ignores notes Baton did not write, and a token that only starts like ours', () => {
    expect(parseFeedbackNote('<p>Budget confirmed</p>', { ref, personKey: 'k', noteId: '1', timestamp: NOW })).toBeNull();
    expect(noteCarriesFeedback(feedbackNoteBody({ ...fb, id: `${fb.id}9` }), fb.id)).toBe(false);
    expect(noteCarriesFeedback(feedbackNoteBody(fb), fb.id)).toBe(true);
  });

  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it("shows feedback already on the contact in the panel's context", async () => {
    const note = { ...engagements.results[3], engagement: { ...engagements.results[3]!.engagement, id: 4455 }, metadata: { body: feedbackNoteBody(fb) } };
    server.use(
      http.get(`${API}/engagements/v1/engagements/associated/CONTACT/:id/paged`, () => HttpResponse.json({ ...engagements, results: [...engagements.results, note] })),
      ...hubspotFake().handlers,
    );
    const storage = memoryStore();
    await saveHubSpotSettings(storage, { accessToken: 'pat-na1-11111111-2222-3333-4444-555555555555' });
    const ctx = await createHubSpotConnector({ storage }).fetchContext(ref, { now: NOW });
    expect(ctx.feedback).toEqual([expect.objectContaining({ id: fb.id, verdict: 'bad', vendorId: '4455', personKey: 'bh@hubspot.com' })]);
  });

  it('shows a feedback once when a duplicate note survived, as the oldest note', async () => {
    const base = engagements.results[3]!;
    const noteAt = (id: number, createdAt: number) => ({ ...base, engagement: { ...base.engagement, id, createdAt, timestamp: fb.at }, metadata: { body: feedbackNoteBody(fb) } });
    server.use(
      http.get(`${API}/engagements/v1/engagements/associated/CONTACT/:id/paged`, () =>
        HttpResponse.json({ ...engagements, results: [...engagements.results, noteAt(4457, 1763700002000), noteAt(4456, 1763700001000)] }),
      ),
      ...hubspotFake().handlers,
    );
    const storage = memoryStore();
    await saveHubSpotSettings(storage, { accessToken: 'pat-na1-11111111-2222-3333-4444-555555555555' });
    const ctx = await createHubSpotConnector({ storage }).fetchContext(ref, { now: NOW });
    expect(ctx.feedback).toEqual([expect.objectContaining({ id: fb.id, vendorId: '4456' })]);
  });
});
