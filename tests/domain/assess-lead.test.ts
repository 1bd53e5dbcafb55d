import { describe, expect, it } from 'vitest';
import { assessHandoff, assessLead } from '../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import type { LeadContext } from '../../lib/domain/model';
import { leadContext, sfRef } from '../store/lead-context-fixture';
import { jst } from './time-helpers';

const ref = { system: 'demo', instance: 'sfa', object: 'lead', id: 'L-1' } as const;

function context(overrides: Partial<LeadContext> = {}): LeadContext {
  return {
    ref,
    person: {
      key: 'taro@example.co.jp',
      name: '山田 太郎',
      email: 'taro@example.co.jp',
      company: 'Example',
      stage: 'mql',
      vendorStage: 'Open - Not Contacted',
      attributes: { title: '情報システム部長', employees: 1200, industry: 'Manufacturing', country: 'JP', email: 'taro@example.co.jp', company: 'Example KK' },
      links: [{ ref }],
    },
    events: [
      { id: 'demo:1', source: 'demo', sourceId: '1', type: 'form_submit', occurredAt: jst('2026-11-25 09:50'), url: 'https://example.com/demo-request' },
      { id: 'demo:2', source: 'demo', sourceId: '2', type: 'page_view', occurredAt: jst('2026-11-25 09:40'), url: 'https://example.com/pricing' },
      { id: 'demo:3', source: 'demo', sourceId: '3', type: 'email_click', occurredAt: jst('2026-11-26 09:00') },
    ],
    activities: [],
    stageChanges: [{ id: 's1', source: 'demo', stage: null, vendorValue: 'Open - Not Contacted', at: jst('2026-11-25 10:00') }],
    opportunities: [],
    feedback: [],
    warnings: [],
    fetchedAt: jst('2026-11-25 10:30'),
    sources: ['demo'],
    ...overrides,
  };
}

describe('assessLead', () => {
  it('judges a hot lead handed off at 10:00: temperature, MQL, SLA due 11:00, and the future event flagged', () => {
    const a = assessLead(context(), [DEFAULT_DEFINITIONS], jst('2026-11-25 10:30'));
    expect(a.temperature.band).toBe('hot');
    expect(a.handoff).toEqual({ at: jst('2026-11-25 10:00') });
    expect(a.qualification.mql.passed).toBe(true);
    expect(a.sla).toMatchObject({ policyId: 'hot', status: 'on_track', remainingMinutes: 30, dueAt: jst('2026-11-25 11:00') });
    expect(a.warnings).toContainEqual({ code: 'future_event', detail: 'demo:3' });
  });
  it('the first call after handoff meets the SLA', () => {
    const a = assessLead(
      context({ activities: [{ id: 'c1', source: 'demo', type: 'call', occurredAt: jst('2026-11-25 10:20'), by: '佐藤' }] }),
      [DEFAULT_DEFINITIONS],
      jst('2026-11-25 15:00'),
    );
    expect(a.firstTouch?.id).toBe('c1');
    expect(a.sla?.status).toBe('met');
  });
  it('a meeting booked for tomorrow is not a first touch yet: the SLA clock keeps running', () => {
    const a = assessLead(
      context({ activities: [{ id: 'm1', source: 'demo', type: 'meeting', occurredAt: jst('2026-11-26 14:00'), by: '佐藤' }] }),
      [DEFAULT_DEFINITIONS],
      jst('2026-11-25 10:50'),
    );
    expect(a.firstTouch).toBeNull();
    expect(a.sla).toMatchObject({ status: 'at_risk', remainingMinutes: 10 });
  });
  it('judges MQL and SLA by the version in force at handoff, not today’s', () => {
    const v2: Definitions = structuredClone(DEFAULT_DEFINITIONS);
    v2.version = 2;
    v2.effectiveFrom = '2026-11-25T12:00:00+09:00';
    v2.sla.policies[0]!.budgetMinutes = 15;
    const a = assessLead(context(), [DEFAULT_DEFINITIONS, v2], jst('2026-11-25 13:00'));
    expect(a.definitions.version).toBe(2);
    expect(a.qualification.version).toBe(1);
    expect(a.sla?.budgetMinutes).toBe(60);
  });
  it('warns about stage values the definitions do not map, and has no SLA without a handoff', () => {
    const a = assessLead(
      context({ stageChanges: [{ id: 's1', source: 'demo', stage: null, vendorValue: 'Nurture Pool', at: jst('2026-11-25 10:00') }] }),
      [],
      jst('2026-11-25 10:30'),
    );
    expect(a.sla).toBeNull();
    expect(a.handoff).toBeNull();
    expect(a.warnings).toContainEqual({ code: 'unmapped_stage', detail: 'demo: Nurture Pool' });
  });
  it('keeps the connector’s stage when the definitions do not know the value, and a mapped value overrides it', () => {
    const a = assessLead(
      context({ stageChanges: [{ id: 's1', source: 'demo', stage: 'mql', vendorValue: 'Hand-raiser', at: jst('2026-11-25 10:00') }] }),
      [DEFAULT_DEFINITIONS],
      jst('2026-11-25 10:30'),
    );
    expect(a.handoff).toEqual({ at: jst('2026-11-25 10:00') });
    expect(a.warnings.filter((w) => w.code === 'unmapped_stage')).toEqual([]);
    const remapped = assessLead(
      context({ stageChanges: [{ id: 's1', source: 'demo', stage: 'mql', vendorValue: 'Recycled', at: jst('2026-11-25 10:00') }] }),
      [DEFAULT_DEFINITIONS],
      jst('2026-11-25 10:30'),
    );
    expect(remapped.handoff).toBeNull();
  });
  it('lists each unmapped stage value once, sorted, including the person’s current stage, after the connector’s warnings', () => {
    const person = { ...context().person, stage: null, vendorStage: 'Cold Pool' };
    const a = assessLead(
      context({
        person,
        warnings: [{ code: 'missing_field', detail: 'Phone' }, { code: 'missing_field', detail: 'Phone' }],
        stageChanges: [
          { id: 's1', source: 'demo', stage: null, vendorValue: 'Zeta', at: jst('2026-11-20 10:00') },
          { id: 's2', source: 'demo', stage: null, vendorValue: 'Alpha', at: jst('2026-11-21 10:00') },
          { id: 's3', source: 'demo', stage: null, vendorValue: 'Zeta', at: jst('2026-11-22 10:00') },
          { id: 's4', source: 'demo', stage: null, vendorValue: '', at: jst('2026-11-23 10:00') },
        ],
        events: [],
      }),
      [DEFAULT_DEFINITIONS],
      jst('2026-11-25 10:30'),
    );
    expect(a.warnings).toEqual([
      { code: 'missing_field', detail: 'Phone' },
      { code: 'unmapped_stage', detail: 'demo: Alpha' },
      { code: 'unmapped_stage', detail: 'demo: Cold Pool' },
      { code: 'unmapped_stage', detail: 'demo: Zeta' },
    ]);
  });
  it('a lead whose stage is mapped raises no stage warning, and no future event means no future-event warning', () => {
    const a = assessLead(context({ events: [] }), [DEFAULT_DEFINITIONS], jst('2026-11-25 10:30'));
    expect(a.warnings).toEqual([]);
  });
  it('with no version given, the shipped definitions judge', () => {
    const a = assessLead(context(), [], jst('2026-11-25 10:30'));
    expect(a.definitions).toBe(DEFAULT_DEFINITIONS);
    expect(a.sla).toMatchObject({ policyId: 'hot', dueAt: jst('2026-11-25 11:00') });
  });
  it('when every version starts later than the lead, the earliest version judges it', () => {
    const v5: Definitions = { ...structuredClone(DEFAULT_DEFINITIONS), version: 5, effectiveFrom: '2027-01-01T00:00:00+09:00' };
    const v6: Definitions = { ...structuredClone(DEFAULT_DEFINITIONS), version: 6, effectiveFrom: '2027-06-01T00:00:00+09:00' };
    v5.sla.policies[0]!.budgetMinutes = 30;
    const a = assessLead(context(), [v6, v5], jst('2026-11-25 10:30'));
    expect(a.definitions.version).toBe(5);
    expect(a.qualification.version).toBe(5);
    expect(a.sla).toMatchObject({ budgetMinutes: 30, dueAt: jst('2026-11-25 10:30') });
  });
  it('finds the earliest version whichever order the versions come in', () => {
    const v5: Definitions = { ...structuredClone(DEFAULT_DEFINITIONS), version: 5, effectiveFrom: '2027-01-01T00:00:00+09:00' };
    const v6: Definitions = { ...structuredClone(DEFAULT_DEFINITIONS), version: 6, effectiveFrom: '2027-06-01T00:00:00+09:00' };
    const v7: Definitions = { ...structuredClone(DEFAULT_DEFINITIONS), version: 7, effectiveFrom: '2027-09-01T00:00:00+09:00' };
    for (const versions of [[v5, v6, v7], [v6, v5, v7], [v7, v6, v5]]) {
      expect(assessLead(context(), versions, jst('2026-11-25 10:30')).definitions.version).toBe(5);
    }
  });
  it('names every future-dated event in one warning, by id', () => {
    const later = { id: 'demo:4', source: 'demo', sourceId: '4', type: 'email_open', occurredAt: jst('2026-11-27 09:00') } as const;
    const a = assessLead(context({ events: [...context().events, later] }), [DEFAULT_DEFINITIONS], jst('2026-11-25 10:30'));
    expect(a.warnings.filter((w) => w.code === 'future_event')).toEqual([{ code: 'future_event', detail: 'demo:3, demo:4' }]);
  });
  it('passes a connector’s warnings through once each, keeping ones that differ only in detail', () => {
    const warnings = [
      { code: 'partner_unavailable', detail: 'marketo' },
      { code: 'partner_unavailable', detail: 'marketo' },
      { code: 'partner_unavailable', detail: 'hubspot' },
      { code: 'possible_duplicate' },
      // An empty detail says no more than none.
      { code: 'possible_duplicate', detail: '' },
    ] as LeadContext['warnings'];
    const a = assessLead(context({ events: [], warnings }), [DEFAULT_DEFINITIONS], jst('2026-11-25 10:30'));
    expect(a.warnings).toEqual([warnings[0], warnings[2], warnings[3]]);
  });
  it('judges MQL with the temperature computed by the version in force at handoff', () => {
    // v2 (today) raises every fit rule; the MQL judged under v1 must not see v2's score.
    const v2: Definitions = structuredClone(DEFAULT_DEFINITIONS);
    v2.version = 2;
    v2.effectiveFrom = '2026-11-25T12:00:00+09:00';
    for (const r of v2.score.fit.rules) r.points += 100;
    const now = jst('2026-11-25 13:00');
    const a = assessLead(context(), [DEFAULT_DEFINITIONS, v2], now);
    const v1Only = assessLead(context(), [DEFAULT_DEFINITIONS], now);
    expect(a.temperature.score).toBeGreaterThan(v1Only.temperature.score);
    expect(a.qualification.mql.criteria[0]!.actual).toBe(v1Only.qualification.mql.criteria[0]!.actual);
  });
  it('chooses the SLA policy by the temperature at handoff, not now', () => {
    // Hot at 10:00 from the demo request; a month later the interest has faded, but the clock keeps its policy.
    const a = assessLead(context(), [DEFAULT_DEFINITIONS], jst('2026-12-20 10:00'));
    expect(a.temperature.band).not.toBe('hot');
    expect(a.sla?.policyId).toBe('hot');
    // Without the demo request the same lead was only warm at handoff.
    const noEvents = assessLead(context({ events: [] }), [DEFAULT_DEFINITIONS], jst('2026-12-20 10:00'));
    expect(noEvents.sla?.policyId).toBe('warm');
  });
  it('passes the lead’s attributes to segment policies', () => {
    const d: Definitions = structuredClone(DEFAULT_DEFINITIONS);
    d.sla.policies.unshift({ id: 'enterprise', label: { ja: '大手', en: 'Enterprise' }, bands: ['hot'], when: { attribute: 'employees', op: 'range', min: 1000 }, budgetMinutes: 20 });
    expect(assessLead(context(), [d], jst('2026-11-25 10:05')).sla?.policyId).toBe('enterprise');
  });
});

describe('the handoff half (what the team KPIs count)', () => {
  it('is exactly the stage history, handoff, first touch and SLA of the full assessment', () => {
    const context = leadContext(sfRef('00Q000000000123AAA'), { events: 5 });
    const now = context.fetchedAt + 3 * 3_600_000;
    const full = assessLead(context, [DEFAULT_DEFINITIONS], now);
    const half = assessHandoff(context, [DEFAULT_DEFINITIONS], now);
    expect(half).toEqual({
      definitions: full.definitions,
      definitionsAtHandoff: full.definitionsAtHandoff,
      stageChanges: full.stageChanges,
      handoff: full.handoff,
      firstTouch: full.firstTouch,
      sla: full.sla,
    });
    // The connector said mql; today's definitions map 'Working - Contacted' to sal, and the remapped history says so.
    expect(half.stageChanges.map((c) => c.stage)).toEqual(['sal']);
  });
});

describe('the handoff half on its own (no memo)', () => {
  it('chooses the SLA policy by the temperature at handoff, working the fit out itself', () => {
    const half = assessHandoff(context(), [DEFAULT_DEFINITIONS], jst('2026-11-25 10:30'));
    expect(half.handoff).toEqual({ at: jst('2026-11-25 10:00') });
    expect(half.sla).toMatchObject({ policyId: 'hot', dueAt: jst('2026-11-25 11:00') });
    // Without the demo request the same manager was warm at handoff.
    expect(assessHandoff(context({ events: [] }), [DEFAULT_DEFINITIONS], jst('2026-11-25 10:30')).sla?.policyId).toBe('warm');
  });
});
