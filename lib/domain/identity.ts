import { z } from 'zod';
import { systemSchema, type SystemId } from './model';

/**
 * Who the person using Baton is in one connected system: Salesforce's user (identity URL / UserInfo), HubSpot's
 * owner record of the token's user, the demo's chosen rep. Not a secret, but per system: the same person has a
 * different id in each. Feedback carries `name`, so whoever reads it in the vendor or in the marketing view knows
 * who gave it.
 */
export const userIdentitySchema = z.object({
  system: systemSchema,
  /** Salesforce user id (005…), HubSpot owner id, the demo rep's name. */
  userId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  email: z.string().max(254).optional(),
  checkedAt: z.number().int().nonnegative(),
});
export type UserIdentity = z.infer<typeof userIdentitySchema>;
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
