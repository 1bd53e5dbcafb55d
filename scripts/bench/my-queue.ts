import { addBusinessMinutes } from '../../lib/domain/business-calendar';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Band } from '../../lib/domain/definitions/schema';
import { compareQueueLeads, nextQueueChange, queueTick, type QueueLead } from '../../lib/domain/my-queue';
import { mulberry32 } from '../../lib/connectors/demo/random';

/**
 * My queue (issue 12), prints only. Targets on the 2-core CI machine: a 500-lead queue's per-second tick (state and
 * business time left of every lead: what the panel computes each second) ≤ 2 ms; the badge's next change time over
 * 500 leads ≤ 1 ms. The React rows re-render only when their text changes, so the tick is the main-thread cost
 * that grows with the queue.
 */
const D = DEFAULT_DEFINITIONS;
const CAL = D.calendar;
const NOW = Date.parse('2026-11-25T10:30:00+09:00');
const BUDGET: Record<Band, number> = { hot: 60, warm: 240, cool: 960, cold: 960 };
const BANDS: Band[] = ['hot', 'warm', 'cool', 'cold'];

function makeQueue(n: number): QueueLead[] {
  const random = mulberry32(12);
  const leads: QueueLead[] = [];
  for (let i = 0; i < n; i++) {
    const band = BANDS[Math.floor(random() * BANDS.length)]!;
    const handoffAt = NOW - Math.floor(random() * 5 * 86_400_000);
    const budgetMinutes = BUDGET[band];
    const touched = random() < 0.3;
    leads.push({
      ref: { system: 'salesforce', instance: 'acme', object: 'Lead', id: `00Q${String(i).padStart(15, '0')}` },
      name: `Lead ${i}`,
      band,
      handoffAt,
      budgetMinutes,
      warnAtFraction: D.sla.warnAtFraction,
      firstTouchAt: touched ? handoffAt + 30 * 60_000 : null,
      calendar: CAL,
      atRiskAt: addBusinessMinutes(CAL, handoffAt, budgetMinutes * D.sla.warnAtFraction),
      dueAt: addBusinessMinutes(CAL, handoffAt, budgetMinutes),
      lastEngagement: null,
    });
  }
  return leads.sort(compareQueueLeads);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runMyQueueBench(): Promise<void> {
  const leads = makeQueue(500);
  // Warm the calendar's cached days and the JIT, as a panel open for a while has.
  for (let i = 0; i < 200; i++) queueTick(leads, CAL, NOW + i * 1000);
  const ticks: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const t0 = performance.now();
    queueTick(leads, CAL, NOW + 200_000 + i * 1000);
    ticks.push(performance.now() - t0);
  }
  const nexts: number[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    nextQueueChange(leads, CAL, NOW + i * 37_000);
    nexts.push(performance.now() - t0);
  }
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;
  console.log(`queue tick, 500 leads: median ${median(ticks).toFixed(3)} ms, p95 ${p95(ticks).toFixed(3)} ms (target ≤ 2 ms)`);
  console.log(`next badge change, 500 leads: median ${median(nexts).toFixed(3)} ms, p95 ${p95(nexts).toFixed(3)} ms (target ≤ 1 ms)`);
}
