import { ConnectorError } from '../../../lib/connectors/connector';
import { createDemoConnector } from '../../../lib/connectors/demo/demo-connector';
import { DEMO_FEATURED } from '../../../lib/connectors/demo/featured';
import { leadContextSchema, type Feedback, type RecordRef } from '../../../lib/domain/model';
import { ANCHORS } from './anchors';

const now = (ANCHORS['Wednesday 14:00 JST'] as number) + 17 * 60_000;
const sfaRef = (id: string): RecordRef => ({ system: 'demo', instance: 'sfa', object: 'lead', id });
const maRef = (id: string): RecordRef => ({ system: 'demo', instance: 'ma', object: 'lead', id });

function feedbackFor(ref: RecordRef, id = 'fb-0001-abcdef'): Feedback {
  return {
    id,
    ref,
    personKey: 'taro.yamada@towa-seiki.co.jp',
    verdict: 'bad',
    reasonCodes: ['NO_BUDGET'],
    by: '佐藤 健一',
    at: now,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
  };
}

describe('demo connector', () => {
  it('returns the full, valid context of the same person from the SFA-like and the MA-like page', async () => {
    const connector = createDemoConnector();
    const hot = DEMO_FEATURED.hotJustHandedOff;
    const fromSfa = await connector.fetchContext(sfaRef(hot.sfa), { now });
    const fromMa = await connector.fetchContext(maRef(hot.ma), { now });
    expect(() => leadContextSchema.parse(fromSfa)).not.toThrow();
    expect(fromSfa.ref).toEqual(sfaRef(hot.sfa));
    expect(fromMa.ref).toEqual(maRef(hot.ma));
    expect(fromSfa.sources).toEqual(['demo']);
    expect(fromSfa.fetchedAt).toBe(now);
    expect(fromSfa.person.name).toBe('山田 太郎');
    expect(fromMa.person).toEqual(fromSfa.person);
    expect(fromSfa.person.links).toEqual([
      { ref: sfaRef(hot.sfa), url: `chrome-extension://test-extension-id/demo-sfa.html#/lead/${hot.sfa}` },
      { ref: maRef(hot.ma), url: `chrome-extension://test-extension-id/demo-ma.html#/lead/${hot.ma}` },
    ]);
    expect(fromSfa.events.length).toBeGreaterThan(5);
    expect(fromSfa.stageChanges.at(-1)?.stage).toBe('mql');
  });

  it('says clearly when a lead does not exist', async () => {
    const connector = createDemoConnector();
    const error = await connector.fetchContext(sfaRef('00Q000000000000AAA'), { now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ vendor: 'demo', kind: 'not-found' });
    expect((error as Error).message).toContain('00Q000000000000AAA');
    expect((error as Error).message).toMatch(/demo page/i);
    await expect(connector.fetchContext({ system: 'demo', instance: 'crm', object: 'lead', id: '1' }, { now })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('flags a possible duplicate with a link to the other record', async () => {
    const connector = createDemoConnector();
    const ctx = await connector.fetchContext(sfaRef(DEMO_FEATURED.duplicate.sfa), { now });
    expect(ctx.warnings).toEqual([
      expect.objectContaining({ code: 'possible_duplicate', refs: [sfaRef(DEMO_FEATURED.duplicateTwin.sfa)] }),
    ]);
    const clean = await connector.fetchContext(sfaRef(DEMO_FEATURED.slaMet.sfa), { now });
    expect(clean.warnings).toEqual([]);
  });

  it('delivers feedback once: a repeat with the same id finds the first delivery instead of doubling', async () => {
    const connector = createDemoConnector();
    const ref = sfaRef(DEMO_FEATURED.hotJustHandedOff.sfa);
    const first = await connector.deliverFeedback(feedbackFor(ref), { now });
    const again = await connector.deliverFeedback(feedbackFor(ref), { now });
    expect(first.alreadyExisted).toBe(false);
    expect(again).toEqual({ vendorId: first.vendorId, alreadyExisted: true });
    const other = await connector.deliverFeedback(feedbackFor(ref, 'fb-0002-abcdef'), { now });
    expect(other.vendorId).not.toBe(first.vendorId);
    const ctx = await connector.fetchContext(maRef(DEMO_FEATURED.hotJustHandedOff.ma), { now });
    expect(ctx.feedback.map((f) => [f.id, f.state, f.vendorId])).toEqual([
      ['fb-0001-abcdef', 'sent', first.vendorId],
      ['fb-0002-abcdef', 'sent', other.vendorId],
    ]);
  });

  it('refuses feedback for a lead it does not have, and malformed feedback with the field named', async () => {
    const connector = createDemoConnector();
    await expect(connector.deliverFeedback(feedbackFor(sfaRef('nope')), { now })).rejects.toMatchObject({ kind: 'not-found' });
    const bad = { ...feedbackFor(sfaRef(DEMO_FEATURED.cold.sfa)), verdict: 'meh' } as unknown as Feedback;
    const error = await connector.deliverFeedback(bad, { now }).catch((e: unknown) => e);
    expect(error).toMatchObject({ vendor: 'demo', kind: 'permanent' });
    expect((error as Error).message).toContain('verdict');
  });

  it('keeps data still within the hour and moves it with the next one; callers cannot corrupt it', async () => {
    const connector = createDemoConnector();
    const ref = sfaRef(DEMO_FEATURED.slaMet.sfa);
    const a = await connector.fetchContext(ref, { now });
    a.events.length = 0;
    a.person.name = 'changed';
    const b = await connector.fetchContext(ref, { now: now + 30 * 60_000 });
    expect(b.person.name).toBe('高橋 さくら');
    expect(b.events.length).toBeGreaterThan(0);
    const c = await connector.fetchContext(ref, { now: now + 60 * 60_000 });
    expect(c.events[0]!.occurredAt - b.events[0]!.occurredAt).toBe(3_600_000);
  });

  it('reads stages through the definitions when given, keeping the vendor value', async () => {
    const connector = createDemoConnector();
    const ref = sfaRef(DEMO_FEATURED.slaMet.sfa);
    const ctx = await connector.fetchContext(ref, {
      now,
      stageOf: (system, field, value) => (system === 'demo' && field === 'Status' && value === 'Closed - Converted' ? 'opportunity' : null),
    });
    expect(ctx.stageChanges.at(-1)).toMatchObject({ vendorValue: 'Closed - Converted', stage: 'opportunity' });
    expect(ctx.person.stage).toBe('opportunity');
    // Values the definitions do not map keep the demo's own reading.
    expect(ctx.stageChanges[0]).toMatchObject({ vendorValue: 'Inquiry', stage: 'inquiry' });
  });

  it('uses its own clock when given one, and honours latency and abort', async () => {
    const pinned = createDemoConnector({ now: () => now, latencyMs: 5 });
    const ctx = await pinned.fetchContext(sfaRef(DEMO_FEATURED.cold.sfa), { now: now + 10 * 86_400_000 });
    expect(ctx.fetchedAt).toBe(now);
    const controller = new AbortController();
    const pending = pinned.fetchContext(sfaRef(DEMO_FEATURED.cold.sfa), { now, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeDefined();
  });
});
