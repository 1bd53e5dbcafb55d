import { describe, expect, it } from 'vitest';
import { createDemoConnector } from '../../../lib/connectors/demo/demo-connector';
import { DEMO_REP } from '../../../lib/connectors/demo/demo-reps';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../../lib/domain/definitions/stage-mapping';
import type { SystemId } from '../../../lib/domain/model';
import { buildQueue, isMyLead, queueStateAt } from '../../../lib/domain/my-queue';

const stageOf = (s: SystemId, f: string, v: string) => mapVendorStage(DEFAULT_DEFINITIONS, s, f, v);

async function demoRepQueue(now: number) {
  const connector = createDemoConnector({ now: () => now });
  const contexts = [];
  for await (const page of connector.listContexts!({ from: 0, to: now, scope: 'mine' }, { now, stageOf })) contexts.push(...page.contexts);
  return buildQueue(contexts.filter((c) => isMyLead(c, {}, DEMO_REP)), [DEFAULT_DEFINITIONS], now);
}

describe('the demo rep’s queue', () => {
  // The demo is laid relative to the current hour: whatever the hour a person opens it (a weekday, lunch, the
  // night, a weekend, the last minute of the hour), the rep has a lead at risk and one already breached.
  it('has a lead at risk and a breached one at every hour of a week', async () => {
    const start = Date.parse('2026-11-23T00:00:00Z'); // Monday 09:00 in Tokyo
    for (let hour = 0; hour < 7 * 24; hour += 7) {
      const now = start + hour * 3_600_000 + (hour % 2 ? 59 * 60_000 : 0);
      const states = new Set((await demoRepQueue(now)).map((l) => queueStateAt(l, now)));
      expect({ at: new Date(now).toISOString(), atRisk: states.has('at_risk'), breached: states.has('breached') }).toEqual({ at: new Date(now).toISOString(), atRisk: true, breached: true });
    }
  }, 600_000); // 24 demo years generated: a budget for a busy machine (124 s seen at load 25), not a wait

  // Working hours, lunch, a night, a weekend: the featured stories are laid relative to the hour.
  it.each(['2026-11-25T01:00:00Z', '2026-11-25T03:30:00Z', '2026-11-25T13:00:00Z', '2026-11-28T03:00:00Z'])('has a lead in every state at %s', async (iso) => {
    const now = Date.parse(iso);
    const connector = createDemoConnector({ now: () => now });
    const contexts = [];
    for await (const page of connector.listContexts!({ from: 0, to: now, scope: 'mine' }, { now, stageOf })) contexts.push(...page.contexts);
    const me = await connector.whoAmI!({ now });
    expect(me?.name).toBe(DEMO_REP);
    const queue = buildQueue(contexts.filter((c) => isMyLead(c, {}, DEMO_REP)), [DEFAULT_DEFINITIONS], now);
    expect(queue.every((l) => l.owner === DEMO_REP)).toBe(true);
    expect(new Set(queue.map((l) => queueStateAt(l, now)))).toEqual(new Set(['on_track', 'at_risk', 'breached', 'met', 'met_late']));
  });
});
