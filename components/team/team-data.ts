import type { Definitions } from '../../lib/domain/definitions/schema';
import { effectiveFromMs } from '../../lib/domain/definitions/version-in-force';
import type { TeamDetail } from '../../lib/domain/team-details';
import type { TeamRange } from '../../lib/domain/team-kpis';
import type { TeamKpisData } from '../../lib/queries/team-kpis-protocol';

/** What every section of the team page is drawn from: this period, the one before, and the detail. */
export interface TeamData {
  range: TeamRange;
  previousRange: TeamRange;
  kpis: TeamKpisData;
  previous: TeamKpisData | undefined;
  detail: TeamDetail | undefined;
  /** Every known definitions version, and the one in force now. */
  versions: Definitions[];
  definitions: Definitions;
}

/** Definitions versions that took effect inside the period: a rule on every time axis. */
export function versionChanges(data: Pick<TeamData, 'versions' | 'range'>): { at: Date; version: number }[] {
  return data.versions
    .map((d) => ({ at: effectiveFromMs(d), version: d.version }))
    .filter((v) => v.at > data.range.from && v.at < data.range.to)
    .map((v) => ({ at: new Date(v.at), version: v.version }));
}

/** A rate as a whole percentage, or null. */
export const pct = (rate: number | null | undefined) => (rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10);
