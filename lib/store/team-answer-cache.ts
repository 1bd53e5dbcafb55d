import { z } from 'zod';
import type { BatonDb } from './db';

/**
 * The team-KPIs worker's last answers, kept so the team page paints at once from the figures the engine gave the
 * last time for the same question (period, filter, definitions, weeks) over the same snapshot (its generation,
 * `teamSnapshotGeneration`), labelled with the minute they were judged as of, while the worker reads and judges
 * again. Only the worker writes (after it answered); a page shows a row only when its generation is the current
 * one, so a kept figure is always exactly what the engine gave for the snapshot on disk. A cache: rows beyond
 * `KEPT` are dropped, oldest first, and a row this build cannot read is ignored.
 */
export type TeamAnswerKind = 'kpis' | 'detail';

export interface TeamAnswerQuestion {
  kind: TeamAnswerKind;
  range: { from: number; to: number };
  filter: { owners?: readonly (string | null)[]; sources?: readonly (string | null)[]; campaigns?: readonly (string | null)[] };
  /** The definitions versions as sent to the worker. */
  versions: readonly unknown[];
  /** 'kpis' without splits (totals only); absent: with splits. */
  splits?: boolean;
  /** The detail's weeks (empty for 'kpis'). */
  weeks?: readonly { from: number; to: number }[];
}

export interface KeptAnswer<T = unknown> {
  generation: string;
  now: number;
  computedAt: number;
  answer: T;
}

export type TeamViewQuestions = { current: TeamAnswerQuestion; previous: TeamAnswerQuestion; detail: TeamAnswerQuestion };

/** The three answers a view of the team page asks for (this period, the previous one's totals, the detail). */
export function teamViewQuestions(view: {
  range: TeamAnswerQuestion['range'];
  previous: TeamAnswerQuestion['range'];
  weeks: readonly TeamAnswerQuestion['range'][];
  filter: TeamAnswerQuestion['filter'];
  versions: readonly unknown[];
}): TeamViewQuestions {
  const base = { filter: view.filter, versions: view.versions };
  return {
    current: { kind: 'kpis', range: view.range, ...base },
    previous: { kind: 'kpis', range: view.previous, splits: false, ...base },
    detail: { kind: 'detail', range: view.range, weeks: view.weeks, ...base },
  };
}

const KEPT = 24;

function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}

/** The row key of a question: the same question from the page and in the worker gives the same key. */
export function teamAnswerKey(q: TeamAnswerQuestion): string {
  const filter = [q.filter.owners ?? null, q.filter.sources ?? null, q.filter.campaigns ?? null];
  const weeks = (q.weeks ?? []).map((w) => [w.from, w.to]);
  return `${q.kind}${q.splits === false ? '-totals' : ''}|${q.range.from}|${q.range.to}|${hash(JSON.stringify(filter))}|${hash(JSON.stringify(q.versions))}|${hash(JSON.stringify(weeks))}`;
}

const epochMs = z.number().int().nonnegative();
const rowSchema = z.object({ key: z.string(), generation: z.string(), now: epochMs, computedAt: epochMs, answer: z.object({}).passthrough() });

export async function saveTeamAnswer(db: BatonDb, question: TeamAnswerQuestion, kept: KeptAnswer): Promise<void> {
  await db.transaction('rw', db.teamAnswers, async () => {
    await db.teamAnswers.put({ key: teamAnswerKey(question), ...kept });
    const extra = (await db.teamAnswers.count()) - KEPT;
    if (extra > 0) await db.teamAnswers.orderBy('computedAt').limit(extra).delete();
  });
}

/**
 * The kept answer to `question` if it was worked out from the snapshot of `generation`; else null. The generation may
 * still be on its way (a promise): the row is read meanwhile, rather than one read after the other.
 */
export async function readTeamAnswer<T>(db: BatonDb, question: TeamAnswerQuestion, generation: string | PromiseLike<string>): Promise<KeptAnswer<T> | null> {
  const [row, current] = await Promise.all([db.teamAnswers.get(teamAnswerKey(question)), generation]);
  const parsed = rowSchema.safeParse(row);
  if (!parsed.success || parsed.data.generation !== current) return null;
  const { now, computedAt, answer } = parsed.data;
  return { generation: current, now, computedAt, answer: answer as T };
}
