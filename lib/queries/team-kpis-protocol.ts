import { z } from 'zod';
import { definitionsSchema } from '../domain/definitions/schema';
import type { ThresholdSuggestion } from '../domain/definitions/suggest-threshold';
import type { WhatIfResult } from '../domain/definitions/what-if';
import type { TeamDetail, TeamPerson } from '../domain/team-details';
import type { TeamKpis } from '../domain/team-kpis';
import { CHECK_IDS, type Diagnostic } from '../domain/alignment-diagnostic';

/**
 * Messages between a page and the team-KPIs worker (plain postMessage, parsed with zod on arrival on both sides).
 * Plain messages rather than comlink: three request kinds, no dependency, and the figures travel as structured
 * clones either way.
 */
const epochMs = z.number().int().nonnegative();
const rangeSchema = z.object({ from: epochMs, to: epochMs }).refine((r) => r.from <= r.to, { message: 'range.from must not be after range.to' });
const keyList = z.array(z.string().nullable()).max(1000).optional();

/** What every counting request names: the period, the filter, the page's clock and the definitions. */
const countingFields = {
  id: z.number().int(),
  range: rangeSchema,
  filter: z.object({ owners: keyList, sources: keyList, campaigns: keyList }).default({}),
  /** The page's clock, best rounded to the minute: the worker re-judges only when it or the definitions change. */
  now: epochMs,
  /** Definitions versions; parsed with definitionsSchema by the worker, once per distinct list (see the service). */
  versions: z.array(z.unknown()).max(100),
};

export const teamKpisRequestSchema = z.discriminatedUnion('type', [
  /** `splits: false`: totals only, no byOwner / bySource / byCampaign (the page's previous period shows totals). */
  z.object({ type: z.literal('compute'), ...countingFields, splits: z.boolean().optional() }),
  /** The team page's weekly axis, first-touch buckets, open pipeline and comments (lib/domain/team-details.ts). */
  z.object({ type: z.literal('detail'), ...countingFields, weeks: z.array(rangeSchema).max(120) }),
  /** The people behind a figure (team-details' `detailPeople` paths too), with their names and record links. */
  z.object({ type: z.literal('roster'), ...countingFields, path: z.array(z.string().nullable()).min(1).max(8), limit: z.number().int().positive().max(5000) }),
  /** The alignment diagnostic (lib/domain/alignment-diagnostic.ts) over the same snapshot and judgement. */
  z.object({
    type: z.literal('diagnostic'),
    id: z.number().int(),
    range: z.object({ from: epochMs, to: epochMs }).refine((r) => r.from <= r.to, { message: 'range.from must not be after range.to' }),
    now: epochMs,
    versions: z.array(z.unknown()).max(100),
    syncedAt: epochMs.nullable(),
    answers: z.partialRecord(z.enum(CHECK_IDS), z.object({ answer: z.enum(['yes', 'partly', 'no']), note: z.string().max(2_000).optional(), at: epochMs })).default({}),
  }),
  /** People behind a figure of the result of compute request `of`. */
  z.object({ type: z.literal('people'), id: z.number().int(), of: z.number().int(), path: z.array(z.string().nullable()).min(1).max(8) }),
  /** The snapshot changed (a sync completed): read it again before the next answer. */
  z.object({ type: z.literal('reload') }),
  /**
   * The page no longer wants the answer to counting request `of` (its view was left before the answer came): the
   * worker skips it if it has not begun it, and sends nothing for it either way.
   */
  z.object({ type: z.literal('cancel'), of: z.number().int() }),
  /**
   * The definitions workshop: a draft against the version in force among `versions`, over `range` (what-if.ts).
   * The draft is parsed with definitionsSchema by the worker: an invalid one is answered with an error, never judged.
   */
  z.object({ type: z.literal('what-if'), id: z.number().int(), range: rangeSchema, now: epochMs, versions: z.array(z.unknown()).min(1).max(100), draft: z.unknown() }),
  /** The suggested MQL threshold from the snapshot's outcomes, judged by `versions` (suggest-threshold.ts). */
  z.object({ type: z.literal('suggest-threshold'), id: z.number().int(), now: epochMs, versions: z.array(z.unknown()).min(1).max(100) }),
]);
export type TeamKpisRequest = z.input<typeof teamKpisRequestSchema>;

export const definitionsListSchema = z.array(definitionsSchema);

/** Plain figures: `peopleFor` stays in the worker, asked through a 'people' request. */
export type TeamKpisData = Omit<TeamKpis, 'peopleFor'>;

export type TeamKpisTimings = { readMs: number; judgeMs: number; countMs: number };

export const teamKpisResponseSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('kpis'),
    id: z.number().int(),
    // The worker is ours and the figures are many: checked for shape at the top, typed below.
    kpis: z.custom<TeamKpisData>((v) => typeof v === 'object' && v !== null && typeof (v as { leads?: unknown }).leads === 'number'),
    timings: z.object({ readMs: z.number(), judgeMs: z.number(), countMs: z.number() }),
  }),
  z.object({ type: z.literal('people'), id: z.number().int(), keys: z.array(z.string()) }),
  z.object({
    type: z.literal('what-if'),
    id: z.number().int(),
    result: z.custom<WhatIfResult>((v) => typeof v === 'object' && v !== null && typeof (v as { draft?: { mql?: unknown } }).draft?.mql === 'number'),
    timings: z.object({ readMs: z.number(), computeMs: z.number() }),
  }),
  z.object({
    type: z.literal('suggestion'),
    id: z.number().int(),
    result: z.custom<ThresholdSuggestion>((v) => typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean'),
  }),
  z.object({ type: z.literal('detail'), id: z.number().int(), detail: z.custom<TeamDetail>((v) => typeof v === 'object' && v !== null && Array.isArray((v as { weeks?: unknown }).weeks)) }),
  z.object({ type: z.literal('roster'), id: z.number().int(), total: z.number().int(), people: z.array(z.custom<TeamPerson>((v) => typeof v === 'object' && v !== null)) }),
  z.object({
    type: z.literal('diagnostic'),
    id: z.number().int(),
    diagnostic: z.custom<Diagnostic>((v) => typeof v === 'object' && v !== null && Array.isArray((v as { checks?: unknown }).checks)),
  }),
  z.object({ type: z.literal('error'), id: z.number().int().nullable(), message: z.string() }),
]);
export type TeamKpisResponse = z.infer<typeof teamKpisResponseSchema>;
