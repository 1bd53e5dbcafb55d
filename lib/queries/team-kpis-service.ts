import type { Definitions } from '../domain/definitions/schema';
import type { LeadContext } from '../domain/model';
import { assessAlignment } from '../domain/alignment-diagnostic';
import { countTeam, judgeTeam, type JudgedTeam, type TeamKpis } from '../domain/team-kpis';
import { definitionsListSchema, teamKpisRequestSchema, type TeamKpisResponse } from './team-kpis-protocol';

/**
 * What the team-KPIs worker does, apart from the Worker plumbing (so tests drive it directly or over a real
 * MessageChannel). It reads the snapshot once and keeps it; judges every lead once per (definitions, now) and keeps
 * that too, so a new range or filter only counts (tens of milliseconds for 100,000 people); keeps the last results
 * for drill-down. A 'reload' (a sync completed) drops the snapshot and the judgement.
 */
export interface TeamKpisService {
  handle(message: unknown): Promise<TeamKpisResponse | null>;
}

const KEPT_RESULTS = 4;

export function createTeamKpisService(readContexts: () => Promise<LeadContext[]>, clock: () => number = () => performance.now()): TeamKpisService {
  let contexts: Promise<LeadContext[]> | null = null;
  let versions: { key: string; parsed: Definitions[] } | null = null;
  let judged: { versions: Definitions[]; now: number; team: JudgedTeam; loading: Promise<LeadContext[]> } | null = null;
  const results = new Map<number, TeamKpis>();

  type Parsed = ReturnType<typeof teamKpisRequestSchema.parse>;

  /** The snapshot (read once) and its judgement for (versions, now), kept while they stay the same. */
  async function judgedFor(request: { versions: unknown[]; now: number }): Promise<{ loaded: LeadContext[]; team: JudgedTeam; read: number }> {
    const loading = (contexts ??= readContexts());
    let loaded: LeadContext[];
    try {
      loaded = await loading;
    } catch (error) {
      // A failed read is not kept: the next request tries again.
      if (contexts === loading) contexts = null;
      throw error;
    }
    const read = clock();
    const key = JSON.stringify(request.versions);
    // Parsed once per distinct list: the engines cache their tables per definitions object.
    if (versions?.key !== key) versions = { key, parsed: definitionsListSchema.parse(request.versions) };
    if (!judged || judged.versions !== versions.parsed || judged.now !== request.now || judged.loading !== loading) {
      judged = { versions: versions.parsed, now: request.now, team: judgeTeam(loaded, versions.parsed, request.now), loading };
    }
    return { loaded, team: judged.team, read };
  }

  async function compute(id: number, request: Extract<Parsed, { type: 'compute' }>): Promise<TeamKpisResponse> {
    const started = clock();
    const { team, read } = await judgedFor(request);
    const judgedAt = clock();
    const kpis = countTeam(team, request.range, request.filter);
    results.set(id, kpis);
    for (const old of results.keys()) if (results.size > KEPT_RESULTS) results.delete(old);
    return { type: 'kpis', id, kpis, timings: { readMs: read - started, judgeMs: judgedAt - read, countMs: clock() - judgedAt } };
  }

  async function diagnostic(id: number, request: Extract<Parsed, { type: 'diagnostic' }>): Promise<TeamKpisResponse> {
    const { loaded, team } = await judgedFor(request);
    const result = assessAlignment({
      contexts: loaded,
      team,
      versions: team.versions,
      range: request.range,
      now: request.now,
      syncedAt: request.syncedAt,
      answers: request.answers,
    });
    return { type: 'diagnostic', id, diagnostic: result };
  }

  return {
    async handle(message) {
      const parsed = teamKpisRequestSchema.safeParse(message);
      if (!parsed.success) {
        const id = typeof (message as { id?: unknown })?.id === 'number' ? (message as { id: number }).id : null;
        return { type: 'error', id, message: `Team KPIs worker: bad request (${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')})` };
      }
      const request = parsed.data;
      try {
        switch (request.type) {
          case 'reload':
            contexts = null;
            judged = null;
            results.clear();
            return null;
          case 'compute':
            return await compute(request.id, request);
          case 'diagnostic':
            return await diagnostic(request.id, request);
          case 'people': {
            const result = results.get(request.of);
            if (!result) return { type: 'error', id: request.id, message: `Team KPIs worker: result ${request.of} is gone (the snapshot was reloaded or newer results replaced it); compute again.` };
            return { type: 'people', id: request.id, keys: result.peopleFor(request.path) };
          }
        }
      } catch (error) {
        return { type: 'error', id: 'id' in request ? request.id : null, message: `Team KPIs worker: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}
