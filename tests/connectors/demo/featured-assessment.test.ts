import { createDemoConnector } from '../../../lib/connectors/demo/demo-connector';
import { DEMO_FEATURED, type FeaturedStory } from '../../../lib/connectors/demo/featured';
import { assessLead, type Assessment } from '../../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { mapVendorStage } from '../../../lib/domain/definitions/stage-mapping';
import { ANCHORS } from './anchors';

/**
 * The featured stories as the panel will tell them: the demo connector's context, judged by the domain engine
 * with the shipped definitions, 17 minutes into the hour (the demo's clock runs live within an hour).
 */
describe.each(Object.entries(ANCHORS))('featured stories through assessLead at %s', (_label, anchor) => {
  const now = anchor + 17 * 60_000;
  const connector = createDemoConnector();
  const assess = async (story: FeaturedStory): Promise<Assessment> => {
    const ctx = await connector.fetchContext(
      { system: 'demo', instance: 'sfa', object: 'lead', id: DEMO_FEATURED[story].sfa },
      { now, stageOf: (system, field, value) => mapVendorStage(DEFAULT_DEFINITIONS, system, field, value) },
    );
    return assessLead(ctx, [DEFAULT_DEFINITIONS], now);
  };

  it('hot lead just handed off: hot, meets the MQL definition, SLA on track, not yet touched', async () => {
    const a = await assess('hotJustHandedOff');
    expect(a.temperature.band).toBe('hot');
    expect(a.qualification.mql.passed).toBe(true);
    expect(a.firstTouch).toBeNull();
    expect(a.sla?.status).toBe('on_track');
  });

  it('warm lead at risk and hot lead breached, both untouched', async () => {
    const warm = await assess('warmAtRisk');
    expect(warm.temperature.band).toBe('warm');
    expect(warm.sla?.status).toBe('at_risk');
    const breached = await assess('hotBreached');
    expect(breached.temperature.band).toBe('hot');
    expect(breached.sla?.status).toBe('breached');
  });

  it('SLA met, met late, and the English opportunity met', async () => {
    expect((await assess('slaMet')).sla?.status).toBe('met');
    expect((await assess('wonMetLate')).sla?.status).toBe('met_late');
    expect((await assess('englishOpportunity')).sla?.status).toBe('met');
  });

  it('cold lead is cold and below the MQL bar; the duplicate carries its warning', async () => {
    const cold = await assess('cold');
    expect(cold.temperature.band).toBe('cold');
    expect(cold.qualification.mql.passed).toBe(false);
    expect(cold.sla).toBeNull();
    expect((await assess('duplicate')).warnings.map((w) => w.code)).toContain('possible_duplicate');
  });
});
