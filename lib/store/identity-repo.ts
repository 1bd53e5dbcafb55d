import type { Connector } from '../connectors/connector';
import type { Identities } from '../domain/identity';
import { userIdentitySchema, type UserIdentity } from '../domain/identity-schema';
import { SYSTEMS, type SystemId } from '../domain/model';
import type { BatonDb } from './db';

/**
 * Who the person is in each connected system, in the `sync` table (rows `identity|<system>`): not a secret (a
 * user id and a display name), readable by the worker (badge, alerts), the panel (feedback author) and options.
 * Parsed on the way out, so a row written by another build never puts a wrong name on feedback.
 */
const PREFIX = 'identity|';

export function identityKey(system: SystemId): string {
  return `${PREFIX}${system}`;
}

export async function readIdentities(db: BatonDb): Promise<Identities> {
  const rows = await db.sync.bulkGet(SYSTEMS.map(identityKey));
  const out: Identities = {};
  for (const row of rows) {
    const parsed = userIdentitySchema.safeParse(row?.identity);
    if (parsed.success) out[parsed.data.system] = parsed.data;
  }
  return out;
}

export async function saveIdentity(db: BatonDb, identity: UserIdentity): Promise<void> {
  const parsed = userIdentitySchema.parse(identity);
  await db.sync.put({ key: identityKey(parsed.system), fetchedAt: parsed.checkedAt, sources: [parsed.system], identity: parsed });
}

export async function forgetIdentity(db: BatonDb, system: SystemId): Promise<void> {
  await db.sync.delete(identityKey(system));
}

/** A day: names rarely change, and each check costs the vendor one or two calls of a shared budget. */
export const IDENTITY_MAX_AGE_MS = 24 * 3_600_000;

/**
 * Asks the connector who the person is when nothing is stored for its system or the stored answer is older than a
 * day (never overwrites the demo rep the person picked). Returns what is stored afterwards.
 */
export async function ensureIdentity(
  db: BatonDb,
  connector: Pick<Connector, 'system' | 'whoAmI'>,
  now: number,
  signal?: AbortSignal,
): Promise<UserIdentity | null> {
  const stored = (await readIdentities(db))[connector.system] ?? null;
  const fresh = stored && (connector.system === 'demo' || now - stored.checkedAt < IDENTITY_MAX_AGE_MS);
  if (fresh || !connector.whoAmI) return stored;
  const me = await connector.whoAmI({ now, signal, purpose: 'background' });
  if (me) await saveIdentity(db, me);
  return me ?? stored;
}
