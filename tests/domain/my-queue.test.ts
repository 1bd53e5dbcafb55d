import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Band } from '../../lib/domain/definitions/schema';
import {
  buildQueue,
  compareQueueLeads,
  isMyLead,
  nextQueueChange,
  queueAlertCount,
  queueLeadOf,
  queueSecondsLeft,
  queueStateAt,
  queueTick,
  type QueueClock,
  type QueueLead,
} from '../../lib/domain/my-queue';
import type { LeadContext } from '../../lib/domain/model';
import { computeSla, slaPolicyFor } from '../../lib/domain/sla';
import { alertKey, queueAlertsAt } from '../../lib/domain/queue-alerts';
import { jst, NEW_YORK, showJst } from './time-helpers';

const D = DEFAULT_DEFINITIONS;
const CAL = D.calendar;
const BANDS: Band[] = ['hot', 'warm', 'cool', 'cold'];

function clock(handoff: number, band: Band, firstTouchAt: number | null = null): QueueClock {
  return { handoffAt: handoff, budgetMinutes: slaPolicyFor(D, band).budgetMinutes, warnAtFraction: D.sla.warnAtFraction, firstTouchAt };
}

/** The panel's judgement of the same lead: the oracle the badge must agree with. */
function panelStatus(handoff: number, band: Band, now: number) {
  return computeSla({ handoffAt: handoff, band, firstTouchAt: null, definitions: D, now }).status;
}

function lead(id: string, c: QueueClock, calendar = CAL): QueueLead {
  return {
    ...c,
    ref: { system: 'demo', instance: 'sfa', object: 'lead', id },
    name: id,
    band: 'hot',
    atRiskAt: 0,
    dueAt: computeSla({ handoffAt: c.handoffAt, band: c.budgetMinutes === 60 ? 'hot' : 'warm', firstTouchAt: null, definitions: { ...D, calendar }, now: c.handoffAt }).dueAt,
    lastEngagement: null,
  };
}
describe('next badge change (the one alarm)', () => {
  it('a hot lead handed off at 11:30 turns at risk at 13:15, after lunch, then breaches at 13:30', () => {
    const c = clock(jst('2026-11-25 11:30'), 'hot');
    const first = nextQueueChange([c], CAL, jst('2026-11-25 11:40'))!;
    expect(showJst(first)).toBe('2026-11-25 13:15');
    expect(showJst(nextQueueChange([c], CAL, first)!)).toBe('2026-11-25 13:30');
    expect(nextQueueChange([c], CAL, jst('2026-11-25 13:30'))).toBeNull();
  });

  it('a warm lead handed off on a Friday evening before Silver Week changes state on Thursday, not over the holidays', () => {
    const c = clock(jst('2026-09-18 17:00'), 'warm');
    // 240 business minutes × 0.75 = 180: the Friday's last hour, then Thursday 09:00–11:00.
    expect(showJst(nextQueueChange([c], CAL, jst('2026-09-19 10:00'))!)).toBe('2026-09-24 11:00');
  });

  it('takes the earliest change over many leads and ignores touched ones', () => {
    const a = clock(jst('2026-11-25 10:00'), 'warm');
    const b = clock(jst('2026-11-25 10:00'), 'hot');
    const touched = clock(jst('2026-11-25 09:00'), 'hot', jst('2026-11-25 09:05'));
    expect(showJst(nextQueueChange([a, b, touched], CAL, jst('2026-11-25 10:01'))!)).toBe('2026-11-25 10:45');
  });

  it('uses a lead’s own calendar when it has one (a New York office in daylight saving)', () => {
    const c = { ...clock(Date.parse('2026-03-06T16:30:00-05:00'), 'hot'), calendar: NEW_YORK };
    // 45 business minutes: 30 on Friday, 15 on Monday (the clocks changed on Sunday).
    expect(new Date(nextQueueChange([c], CAL, c.handoffAt + 1)!).toISOString()).toBe('2026-03-09T13:15:00.000Z');
  });

  it('property: the state of every lead is the panel’s until the next change, and one lead’s state differs at it', () => {
    const start = jst('2026-01-01 00:00');
    const span = 400 * 24 * 3_600_000;
    fc.assert(
      fc.property(
        fc.array(fc.record({ handoff: fc.integer({ min: start, max: start + span }), band: fc.constantFrom(...BANDS) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 20 * 24 * 3_600_000 }),
        (raw, after) => {
          const now = Math.max(...raw.map((r) => r.handoff)) + after;
          const clocks = raw.map((r) => clock(r.handoff, r.band));
          const next = nextQueueChange(clocks, CAL, now);
          const before = raw.map((r) => panelStatus(r.handoff, r.band, now));
          if (next === null) {
            // Nothing ahead: every lead handed off by now is already breached.
            expect(before.every((s) => s === 'breached')).toBe(true);
            return;
          }
          expect(next).toBeGreaterThan(now);
          const justBefore = raw.map((r) => panelStatus(r.handoff, r.band, next - 1));
          expect(justBefore).toEqual(before);
          const at = raw.map((r) => panelStatus(r.handoff, r.band, next));
          expect(at.some((s, i) => s !== before[i])).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('queue state and order', () => {
  it('agrees with the panel at each instant around lunch', () => {
    const c = clock(jst('2026-11-25 11:30'), 'hot');
    const l = { ...lead('a', c), atRiskAt: jst('2026-11-25 13:15') };
    for (const t of ['11:30', '11:59', '12:30', '13:14', '13:15', '13:29', '13:30', '17:00']) {
      const now = jst(`2026-11-25 ${t}`);
      expect(queueStateAt(l, now), t).toBe(panelStatus(c.handoffAt, 'hot', now));
    }
  });

  it('sorts untouched leads by due, touched ones last, and counts at risk and breached with the worst', () => {
    const breached = { ...lead('b', clock(jst('2026-11-24 10:00'), 'hot')), atRiskAt: jst('2026-11-24 10:45') };
    const risky = { ...lead('r', clock(jst('2026-11-25 10:00'), 'hot')), atRiskAt: jst('2026-11-25 10:45') };
    const fine = { ...lead('f', clock(jst('2026-11-25 10:00'), 'warm')), atRiskAt: jst('2026-11-25 13:00') };
    const met = { ...lead('m', clock(jst('2026-11-20 10:00'), 'hot', jst('2026-11-20 10:10'))), atRiskAt: 0 };
    const now = jst('2026-11-25 10:50');
    expect([met, fine, risky, breached].sort(compareQueueLeads).map((l) => l.name)).toEqual(['b', 'r', 'f', 'm']);
    expect(queueAlertCount([met, fine, risky, breached], now)).toEqual({ count: 2, worst: 'breached' });
    expect(queueAlertCount([fine, risky], now)).toEqual({ count: 1, worst: 'at_risk' });
    expect(queueAlertCount([fine, met], now)).toEqual({ count: 0, worst: null });
  });
});

describe('queue alerts due', () => {
  it('a hot lead handed to me calls for one hot_handoff alert while untouched and in time; at risk and breach for any band', () => {
    const hot = { ...lead('h', clock(jst('2026-11-25 10:00'), 'hot')), band: 'hot' as const, atRiskAt: jst('2026-11-25 10:45') };
    const warm = { ...lead('w', clock(jst('2026-11-25 09:00'), 'warm')), band: 'warm' as const, atRiskAt: jst('2026-11-25 12:00') };
    const kinds = (now: string) => queueAlertsAt([hot, warm], jst(now)).map((a) => `${a.lead.name}:${a.kind}`);
    expect(kinds('2026-11-25 10:05')).toEqual(['h:hot_handoff']);
    expect(kinds('2026-11-25 10:50')).toEqual(['h:hot_handoff', 'h:at_risk']);
    expect(kinds('2026-11-25 12:10')).toEqual(['h:breached', 'w:at_risk']);
    expect(alertKey(hot, 'at_risk')).not.toBe(alertKey({ ...hot, handoffAt: hot.handoffAt + 1 }, 'at_risk'));
  });
});

describe('queue states at their edges', () => {
  const due = jst('2026-11-25 11:00');
  const l = { atRiskAt: jst('2026-11-25 10:45'), dueAt: due };

  it('a touch exactly at due meets the SLA; a minute later meets it late; a touch logged for later does not count yet', () => {
    expect(queueStateAt({ ...l, firstTouchAt: due }, due + 3_600_000)).toBe('met');
    expect(queueStateAt({ ...l, firstTouchAt: due + 60_000 }, due + 3_600_000)).toBe('met_late');
    expect(queueStateAt({ ...l, firstTouchAt: due + 60_000 }, due)).toBe('breached');
    expect(queueStateAt({ ...l, firstTouchAt: jst('2026-11-25 10:50') }, jst('2026-11-25 10:50') - 1)).toBe('at_risk');
  });

  it('the badge stays at its worst: a breach listed before a lead at risk', () => {
    const breached = { ...l, firstTouchAt: null };
    const risky = { atRiskAt: jst('2026-11-25 10:45'), dueAt: jst('2026-11-25 12:00'), firstTouchAt: null };
    expect(queueAlertCount([breached, risky], jst('2026-11-25 11:10'))).toEqual({ count: 2, worst: 'breached' });
  });
});

describe('queue order', () => {
  it('lists touched leads by handoff, and leads due (or handed off) together by record id', () => {
    const touchedLate = { ...lead('t2', clock(jst('2026-11-24 10:00'), 'hot', jst('2026-11-24 10:10'))), atRiskAt: 0 };
    const touchedEarly = { ...lead('t1', clock(jst('2026-11-23 10:00'), 'hot', jst('2026-11-23 10:10'))), atRiskAt: 0 };
    const b = { ...lead('b', clock(jst('2026-11-25 10:00'), 'hot')), atRiskAt: 0 };
    const a = { ...lead('a', clock(jst('2026-11-25 10:00'), 'hot')), atRiskAt: 0 };
    const twin = { ...lead('t3', clock(jst('2026-11-24 10:00'), 'hot', jst('2026-11-24 10:20'))), atRiskAt: 0 };
    expect([touchedLate, b, twin, touchedEarly, a].sort(compareQueueLeads).map((x) => x.name)).toEqual(['a', 'b', 't1', 't2', 't3']);
    expect(compareQueueLeads(a, { ...a })).toBe(0);
  });
});

describe('the countdown', () => {
  it('counts business seconds to due, and past due as negative business seconds (lunch does not count)', () => {
    const hot = lead('h', clock(jst('2026-11-25 11:30'), 'hot'));
    // Due 13:30: at 11:50 there are 10 minutes before lunch and 30 after.
    expect(queueSecondsLeft(hot, CAL, jst('2026-11-25 11:50'))).toBe(40 * 60);
    expect(queueSecondsLeft(hot, CAL, jst('2026-11-25 13:30'))).toBe(-0);
    expect(queueSecondsLeft(hot, CAL, jst('2026-11-25 13:45'))).toBe(-15 * 60);
  });

  it('counts by the lead’s own calendar when it has one', () => {
    const ny = lead('n', { ...clock(Date.parse('2026-07-06T10:00:00-04:00'), 'hot'), calendar: NEW_YORK }, NEW_YORK);
    expect(queueSecondsLeft(ny, CAL, Date.parse('2026-07-06T10:30:00-04:00'))).toBe(30 * 60);
  });

  it('each second, gives every lead its state and, until touched, its time left', () => {
    const hot = lead('h', clock(jst('2026-11-25 10:00'), 'hot'));
    const touched = lead('t', clock(jst('2026-11-25 10:00'), 'hot', jst('2026-11-25 10:05')));
    const late = lead('l', clock(jst('2026-11-25 10:00'), 'hot', jst('2026-11-25 11:30')));
    const now = jst('2026-11-25 11:45');
    expect(queueTick([{ ...hot, atRiskAt: jst('2026-11-25 10:45') }, touched, late], CAL, now)).toEqual([
      { state: 'breached', seconds: -45 * 60 },
      { state: 'met', seconds: null },
      { state: 'met_late', seconds: null },
    ]);
    expect(queueTick([{ ...hot, atRiskAt: jst('2026-11-25 10:45') }], CAL, jst('2026-11-25 10:50'))).toEqual([{ state: 'at_risk', seconds: 10 * 60 }]);
  });
});

describe('the next change at its edges', () => {
  it('a lead already at risk changes next at its due; a breached one never again; nothing left: no alarm', () => {
    const c = clock(jst('2026-11-25 10:00'), 'hot');
    expect(showJst(nextQueueChange([c], CAL, jst('2026-11-25 10:45'))!)).toBe('2026-11-25 11:00');
    expect(nextQueueChange([c], CAL, jst('2026-11-25 11:00'))).toBeNull();
    expect(nextQueueChange([], CAL, jst('2026-11-25 11:00'))).toBeNull();
  });

  it('a touch logged for later does not stop the clock before it', () => {
    const c = clock(jst('2026-11-25 10:00'), 'hot', jst('2026-11-25 10:50'));
    expect(showJst(nextQueueChange([c], CAL, jst('2026-11-25 10:30'))!)).toBe('2026-11-25 10:45');
  });

  it('of two leads at risk, the earlier due comes first', () => {
    const early = clock(jst('2026-11-25 10:00'), 'hot');
    const later = clock(jst('2026-11-25 10:05'), 'hot');
    expect(showJst(nextQueueChange([later, early], CAL, jst('2026-11-25 10:55'))!)).toBe('2026-11-25 11:00');
  });
});

describe('a lead’s queue entry from its cached context', () => {
  const ref = { system: 'salesforce', instance: 'acme', object: 'Lead', id: '00Q000000000001AAA' } as const;
  const context = (over: Partial<LeadContext['person']> = {}, rest: Partial<LeadContext> = {}): LeadContext => ({
    ref,
    person: {
      key: 'taro@example.co.jp',
      name: '山田 太郎',
      email: 'taro@example.co.jp',
      company: 'Example KK',
      owner: '佐藤',
      stage: 'mql',
      attributes: { title: '情報システム部長', employees: 1200, industry: 'Manufacturing', country: 'JP', email: 'taro@example.co.jp', company: 'Example KK' },
      links: [
        { ref: { ...ref, id: '00Q000000000002AAA' }, url: 'https://acme.lightning.force.com/other' },
        { ref, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q000000000001AAA/view' },
      ],
      ...over,
    },
    events: [
      { id: 'marketo:1', source: 'marketo', sourceId: '1', type: 'form_submit', occurredAt: jst('2026-11-25 09:50'), url: 'https://example.com/demo-request' },
      { id: 'marketo:2', source: 'marketo', sourceId: '2', type: 'page_view', occurredAt: jst('2026-11-25 10:20'), url: 'https://example.com/pricing' },
      { id: 'marketo:3', source: 'marketo', sourceId: '3', type: 'email_click', occurredAt: jst('2026-11-26 09:00') },
    ],
    activities: [],
    stageChanges: [{ id: 's1', source: 'salesforce', stage: 'mql', vendorValue: 'Open - Not Contacted', at: jst('2026-11-25 10:00') }],
    opportunities: [],
    feedback: [],
    warnings: [],
    fetchedAt: jst('2026-11-25 10:30'),
    sources: ['salesforce'],
    ...rest,
  });
  const now = jst('2026-11-25 10:30');

  it('holds the SLA clock of the handoff, the band now, the last engagement so far and the record’s own link', () => {
    expect(queueLeadOf(context(), [D], now)).toEqual({
      ref,
      name: '山田 太郎',
      company: 'Example KK',
      owner: '佐藤',
      handoffAt: jst('2026-11-25 10:00'),
      budgetMinutes: 60,
      warnAtFraction: 0.75,
      firstTouchAt: null,
      calendar: D.calendar,
      band: 'hot',
      atRiskAt: jst('2026-11-25 10:45'),
      dueAt: jst('2026-11-25 11:00'),
      lastEngagement: { type: 'page_view', at: jst('2026-11-25 10:20') },
      url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q000000000001AAA/view',
    });
  });

  it('leaves out what the record does not have, and notes the first touch', () => {
    const bare = context({ company: undefined, owner: undefined, links: [{ ref }] }, {
      events: [],
      activities: [{ id: 'c1', source: 'salesforce', type: 'call', occurredAt: jst('2026-11-25 10:10'), by: '佐藤' }],
    });
    const l = queueLeadOf(bare, [D], now)!;
    expect(l).not.toHaveProperty('company');
    expect(l).not.toHaveProperty('owner');
    expect(l).not.toHaveProperty('url');
    expect(l.lastEngagement).toBeNull();
    expect(l.firstTouchAt).toBe(jst('2026-11-25 10:10'));
  });

  it('takes the latest engagement up to now whatever the order, and the link of this record in this system', () => {
    const c = context(
      {
        links: [
          { ref: { ...ref, system: 'marketo' }, url: 'https://app.marketo.com/lead/1' },
          { ref, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q000000000001AAA/view' },
        ],
      },
      {
        events: [
          { id: 'marketo:2', source: 'marketo', sourceId: '2', type: 'page_view', occurredAt: jst('2026-11-25 10:20') },
          { id: 'marketo:4', source: 'marketo', sourceId: '4', type: 'email_open', occurredAt: now },
          { id: 'marketo:1', source: 'marketo', sourceId: '1', type: 'form_submit', occurredAt: jst('2026-11-25 09:50') },
        ],
      },
    );
    const l = queueLeadOf(c, [D], now)!;
    expect(l.lastEngagement).toEqual({ type: 'email_open', at: now });
    expect(l.url).toBe('https://acme.lightning.force.com/lightning/r/Lead/00Q000000000001AAA/view');
  });

  it('is not in the queue once settled, before any stage, or without a handoff', () => {
    expect(queueLeadOf(context({ stage: 'won' }), [D], now)).toBeNull();
    expect(queueLeadOf(context({ stage: null }), [D], now)).toBeNull();
    expect(queueLeadOf(context({}, { stageChanges: [] }), [D], now)).toBeNull();
  });

  it('the queue keeps the open handed-off leads, most urgent first (a hot lead due at 11:00 before a warm one handed off earlier, due at 14:00 after lunch)', () => {
    // Handed off at 09:00, before the demo request: warm then, so a 4-hour budget.
    const warm = context({ key: 'b@example.co.jp', name: 'B' }, {
      ref: { ...ref, id: '00Q000000000009AAA' },
      stageChanges: [{ id: 's2', source: 'salesforce', stage: 'mql', vendorValue: 'Open - Not Contacted', at: jst('2026-11-25 09:00') }],
    });
    const queue = buildQueue([warm, context({ stage: 'lost' }), context()], [D], now);
    expect(queue.map((q) => [q.ref.id, showJst(q.dueAt)])).toEqual([
      ['00Q000000000001AAA', '2026-11-25 11:00'],
      ['00Q000000000009AAA', '2026-11-25 14:00'],
    ]);
  });
});

describe('whose leads are mine', () => {
  const demo = (owner: string | undefined) => ({ ref: { system: 'demo' }, person: { owner } }) as unknown as LeadContext;
  it('every lead a real system lists is mine; a demo lead is mine when its owner is the rep I chose, else the default rep', () => {
    expect(isMyLead({ ref: { system: 'salesforce' }, person: { owner: 'someone' } } as unknown as LeadContext, {}, '佐藤')).toBe(true);
    expect(isMyLead(demo('佐藤'), {}, '佐藤')).toBe(true);
    expect(isMyLead(demo('鈴木'), {}, '佐藤')).toBe(false);
    expect(isMyLead(demo('鈴木'), { demo: { system: 'demo', userId: '鈴木', name: '鈴木', checkedAt: 1 } }, '佐藤')).toBe(true);
    expect(isMyLead(demo('佐藤'), { demo: { system: 'demo', userId: '鈴木', name: '鈴木', checkedAt: 1 } }, '佐藤')).toBe(false);
  });
});

describe('queue rules found by mutation testing', () => {
  const hotAt = (id: string, handoff: string, touch: number | null = null) => ({
    ...lead(id, clock(jst(handoff), 'hot', touch)),
    band: 'hot' as const,
    atRiskAt: jst(handoff) + 45 * 60_000,
  });

  it('a touched hot lead calls for no alert, met in time or late; each alert is keyed by record, handoff and kind', () => {
    const metInTime = hotAt('m', '2026-11-25 10:00', jst('2026-11-25 10:10'));
    const metLate = hotAt('l', '2026-11-25 09:00', jst('2026-11-25 10:30'));
    expect(queueAlertsAt([metInTime, metLate], jst('2026-11-25 11:30'))).toEqual([]);
    const open = hotAt('h', '2026-11-25 10:00');
    const id = (l: QueueLead) => `demo|sfa|lead|${l.ref.id}|${l.handoffAt}`;
    expect(queueAlertsAt([open], jst('2026-11-25 10:50')).map((a) => a.key)).toEqual([`${id(open)}|hot_handoff`, `${id(open)}|at_risk`]);
    expect(queueAlertsAt([open], jst('2026-11-25 11:10')).map((a) => a.key)).toEqual([`${id(open)}|breached`]);
  });

  it('a touch at this very instant counts: the lead is met and sets no alarm', () => {
    const now = jst('2026-11-25 10:30');
    expect(queueStateAt({ atRiskAt: jst('2026-11-25 10:45'), dueAt: jst('2026-11-25 11:00'), firstTouchAt: now }, now)).toBe('met');
    expect(nextQueueChange([clock(jst('2026-11-25 10:00'), 'hot', now)], CAL, now)).toBeNull();
  });

  it('the next change is the earliest whatever order the leads come in', () => {
    const a = clock(jst('2026-11-25 10:00'), 'hot');
    const b = clock(jst('2026-11-25 10:05'), 'hot');
    expect(showJst(nextQueueChange([a, b], CAL, jst('2026-11-25 10:30'))!)).toBe('2026-11-25 10:45');
    expect(showJst(nextQueueChange([b, a], CAL, jst('2026-11-25 10:30'))!)).toBe('2026-11-25 10:45');
    expect(showJst(nextQueueChange([a, b], CAL, jst('2026-11-25 10:55'))!)).toBe('2026-11-25 11:00');
  });
});
