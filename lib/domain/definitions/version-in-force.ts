import type { Definitions } from './schema';

/** One version of one document: `id@version`, the key its history is kept under. */
export function definitionsVersionKey(d: Pick<Definitions, 'id' | 'version'>): string {
  return `${d.id}@${d.version}`;
}

const parsed = new WeakMap<Definitions, number>();

/** `effectiveFrom` as epoch ms, parsed once per document object (hot in bulk qualification). */
export function effectiveFromMs(d: Definitions): number {
  let ms = parsed.get(d);
  if (ms === undefined) {
    ms = Date.parse(d.effectiveFrom);
    parsed.set(d, ms);
  }
  return ms;
}

/**
 * The version in force at `at`: the latest `effectiveFrom` not after `at` (the higher version on a tie).
 * Leads are judged by the version in force when they were handed off, so history stays explainable after
 * the definitions are revised.
 */
export function definitionsInForce(versions: Definitions[], at: number): Definitions | undefined {
  let best: Definitions | undefined;
  let bestFrom = -Infinity;
  for (const d of versions) {
    const from = effectiveFromMs(d);
    if (from > at) continue;
    if (from > bestFrom || (from === bestFrom && best !== undefined && d.version > best.version)) {
      best = d;
      bestFrom = from;
    }
  }
  return best;
}
