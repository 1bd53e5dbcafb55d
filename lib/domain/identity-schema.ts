import { z } from 'zod';
import { systemSchema } from './model';

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
