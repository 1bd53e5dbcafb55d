import type { Definitions } from './definitions/schema';
import type { LeadContext } from './model';

/**
 * What `assessLead`'s steps answered for each lead, kept across judgements of the same contexts under definitions
 * that share the parts a step reads. The definitions workshop judges one draft after another over one snapshot: a
 * new MQL threshold re-runs only the qualification, a new SLA budget only the SLA step, a new engagement weight the
 * scoring (not the stage history or the handoff). The steps are assessLead's own functions, called by assessLead
 * itself (lib/domain/assess-lead.ts); the memo only decides whether a step's inputs changed.
 *
 * A step's answer is kept per (step, the JSON of the definitions parts it reads) and per lead, with the per-lead
 * inputs it was worked out from (now, the handoff time, the band at handoff), checked before it is reused. Scores are
 * kept, bands are not: a band is `bandFor(score, d)` of the version judging, as computeTemperature gives it.
 */
export type JudgementStep = 'stages' | 'fit' | 'scoreAtHandoff' | 'sla' | 'temperature';

/** The definitions parts each step reads (everything the functions behind it look at). */
const PARTS: Record<JudgementStep, (d: Definitions) => unknown> = {
  // remapStages (stage mappings) and findHandoff (handoff stages).
  stages: (d) => [d.stageMappings, d.sla.handoffStages],
  // computeFit: fit rules, exclusions, grades.
  fit: (d) => d.score.fit,
  // The score at handoff: the score model and the calendar's zone (daily caps count local days). The band is read
  // from it by the bands of the version judging (bandFor), so a band edit re-scores nobody.
  scoreAtHandoff: (d) => [d.score, d.calendar.timeZone],
  // findFirstTouch (touch types) and computeSla (policies, warn fraction, the whole calendar).
  sla: (d) => [d.sla, d.calendar],
  // computeTemperature: as the score, plus the spike rule (the band is read again by the version judging).
  temperature: (d) => [d.score, d.calendar.timeZone, d.temperature.spike],
};
const STEPS = Object.keys(PARTS) as JudgementStep[];
/** Part versions kept per step: the version in force, the draft, and a few edits back. */
const KEYS_PER_STEP = 6;

type Tables = Map<number, unknown[]>;

export class JudgementMemo {
  /**
   * false: the temperature keeps no engagement "why" (contributions list the fit rules and exclusions only, no
   * trend or spike): the workshop shows bands and MQL counts, which read the score, the grade and the exclusions.
   */
  readonly why: boolean;
  private readonly ids = new Map<string, number>();
  private readonly keys = new WeakMap<Definitions, Record<JudgementStep, number>>();
  /**
   * Each lead's slot in the step tables. Plain arrays by slot, not WeakMaps by context: a WeakMap of 100,000 entries
   * per step made the garbage collector the largest cost of a judgement. The memo lives as long as the snapshot it
   * judges (the worker drops both on reload).
   */
  private readonly slots = new Map<LeadContext, number>();
  private readonly tables = new Map<JudgementStep, Tables>(STEPS.map((s) => [s, new Map()]));
  /** The table used last per step: a judgement asks one version thousands of times in a row. */
  private readonly last = new Map<JudgementStep, { d: Definitions; table: unknown[] }>();

  constructor({ why = true }: { why?: boolean } = {}) {
    this.why = why;
  }

  /** The lead's slot, given on first sight. */
  slotOf(context: LeadContext): number {
    let slot = this.slots.get(context);
    if (slot === undefined) this.slots.set(context, (slot = this.slots.size));
    return slot;
  }

  /** The key of each step's parts of `d`, worked out once per document object. */
  private keysOf(d: Definitions): Record<JudgementStep, number> {
    let keys = this.keys.get(d);
    if (!keys) {
      keys = {} as Record<JudgementStep, number>;
      for (const step of STEPS) {
        const json = JSON.stringify(PARTS[step](d));
        let id = this.ids.get(json);
        if (id === undefined) this.ids.set(json, (id = this.ids.size));
        keys[step] = id;
      }
      this.keys.set(d, keys);
    }
    return keys;
  }

  private tableFor(step: JudgementStep, d: Definitions): unknown[] {
    const last = this.last.get(step);
    if (last?.d === d) return last.table;
    const key = this.keysOf(d)[step];
    const tables = this.tables.get(step)!;
    let table = tables.get(key);
    if (table) {
      tables.delete(key);
    } else {
      table = [];
      for (const old of tables.keys()) if (tables.size >= KEYS_PER_STEP) tables.delete(old);
    }
    tables.set(key, table);
    this.last.set(step, { d, table });
    return table;
  }

  /**
   * The answer of `step` under `d` for the lead in `slot` (slotOf): the kept one when `fresh` accepts it (its
   * per-lead inputs are the same), else `compute`'s, kept.
   */
  step<T>(step: JudgementStep, d: Definitions, slot: number, compute: () => T, fresh?: (kept: T) => boolean): T {
    const table = this.tableFor(step, d) as (T | undefined)[];
    const kept = table[slot];
    if (kept !== undefined && (!fresh || fresh(kept))) return kept;
    const value = compute();
    table[slot] = value;
    return value;
  }
}
