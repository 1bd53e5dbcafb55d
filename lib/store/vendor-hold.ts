import type { SystemId } from '../domain/model';
import type { BatonDb } from './db';

/**
 * A vendor's "not before": when a vendor answers 429 with Retry-After (or says its quota is spent), no context
 * may call it again before that time, whichever item it is delivering. Stored in the `sync` table so that the
 * next batch, another window and a restarted worker all see it. Callers run these inside their own transaction
 * over `db.sync`.
 */

const HOLD_PREFIX = 'outbox-hold|';

export function holdKey(system: SystemId): string {
  return `${HOLD_PREFIX}${system}`;
}

/** The time before which `system` must not be called, or undefined when it may be called now. */
export async function holdOf(db: BatonDb, system: SystemId, now: number): Promise<number | undefined> {
  const until = (await db.sync.get(holdKey(system)))?.holdUntil;
  return until !== undefined && until > now ? until : undefined;
}

/** Record that `system` must not be called before `until`. A hold is only ever lengthened, never shortened. */
export async function extendHold(db: BatonDb, system: SystemId, until: number): Promise<void> {
  const key = holdKey(system);
  const previous = (await db.sync.get(key))?.holdUntil ?? 0;
  if (until <= previous) return;
  await db.sync.put({ key, fetchedAt: null, sources: [system], holdUntil: until });
}
