import type { SystemId } from './model';
import type { UserIdentity } from './identity-schema';

export type { UserIdentity };
export type Identities = Partial<Record<SystemId, UserIdentity>>;

/**
 * Whose identity counts on a record of `system`. Marketo and Account Engagement keep no sales owner that Baton
 * acts as: the SFA user is the one who counts (Salesforce first, then HubSpot as the SFA).
 */
export function identityFor(system: SystemId, identities: Identities): UserIdentity | null {
  if (system === 'marketo' || system === 'pardot') return identities.salesforce ?? identities.hubspot ?? null;
  return identities[system] ?? null;
}

/** The author of clicks made before "who I am" is known (an older install, a system not yet asked); shown as "You". */
export const ANONYMOUS_USER = 'me';

/** Whether feedback `by` is the person using this browser: their name in the record's system, or the old "me". */
export function isByMe(by: string, currentUser: string | undefined): boolean {
  return by === ANONYMOUS_USER || (currentUser !== undefined && by === currentUser);
}
