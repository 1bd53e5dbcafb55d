import { z } from 'zod';

export { recordKey, sameRecord } from './record-ref';
// The lists themselves live apart from the schemas, so code that only needs a list (the panel's first paint) does not
// build zod's schemas (lib/domain/model-values.ts).
import { ENGAGEMENT_TYPES, SALES_ACTIVITY_TYPES, STAGES, SYSTEMS } from './model-values';
export { ENGAGEMENT_TYPES, SALES_ACTIVITY_TYPES, STAGES, SYSTEMS };

/**
 * The domain model every layer speaks. Times are epoch milliseconds (UTC): they index well in
 * IndexedDB, cross runtime messages unchanged and make `now` a plain number in the engines.
 */

export const systemSchema = z.enum(SYSTEMS);
export type SystemId = z.infer<typeof systemSchema>;

/** Which side of the house a page belongs to: SFA pages open the sales view, MA pages the marketing view. */
export type Surface = 'sfa' | 'ma';

/** A record the user is looking at, as detected from a page URL. */
export const recordRefSchema = z.object({
  system: systemSchema,
  /** Org host, portal id, munchkin id, environment host or kintone domain; `sfa` / `ma` for the demo. */
  instance: z.string().min(1).max(255),
  /** Vendor object name, e.g. `Lead`, `Contact`, `0-1`, `lead`, `prospect`, or a kintone app id. */
  object: z.string().min(1).max(100),
  /** Normalized id: Salesforce ids in 18 characters, Dynamics GUIDs lower-case without braces. */
  id: z.string().min(1).max(100),
});
export type RecordRef = z.infer<typeof recordRefSchema>;

export const stageSchema = z.enum(STAGES);
export type Stage = z.infer<typeof stageSchema>;

export const engagementTypeSchema = z.enum(ENGAGEMENT_TYPES);
export type EngagementType = z.infer<typeof engagementTypeSchema>;

const epochMs = z.number().int().nonnegative();

/** A marketing touch. `id` is `${source}:${sourceId}` so a re-delivered event is recognisable. */
export const engagementEventSchema = z.object({
  id: z.string().min(1),
  source: systemSchema,
  sourceId: z.string().min(1),
  type: engagementTypeSchema,
  occurredAt: epochMs,
  /** Vendor's own activity name, kept for the timeline ("Visit Webpage", "Fill Out Form", …). */
  vendorType: z.string().optional(),
  asset: z.string().optional(),
  campaign: z.string().optional(),
  url: z.string().optional(),
  /** Marketo Interesting Moments and similar vendor highlights. */
  interesting: z.boolean().optional(),
});
export type EngagementEvent = z.infer<typeof engagementEventSchema>;

export const salesActivityTypeSchema = z.enum(SALES_ACTIVITY_TYPES);
export type SalesActivityType = z.infer<typeof salesActivityTypeSchema>;

export const salesActivitySchema = z.object({
  id: z.string().min(1),
  source: systemSchema,
  type: salesActivityTypeSchema,
  occurredAt: epochMs,
  by: z.string().optional(),
  subject: z.string().optional(),
  outcome: z.string().optional(),
});
export type SalesActivity = z.infer<typeof salesActivitySchema>;

export const stageChangeSchema = z.object({
  id: z.string().min(1),
  source: systemSchema,
  /** Domain stage, or null when the vendor value is not mapped by the definitions. */
  stage: stageSchema.nullable(),
  /** The vendor's own value ("Working - Contacted", "marketingqualifiedlead", …). */
  vendorValue: z.string(),
  /** The vendor's previous value, when the history tells it. */
  fromVendorValue: z.string().optional(),
  at: epochMs,
  by: z.string().optional(),
  /** Recycle and disqualify reasons, when the vendor records one. */
  reason: z.string().optional(),
});
export type StageChange = z.infer<typeof stageChangeSchema>;

export const opportunitySchema = z.object({
  id: z.string().min(1),
  source: systemSchema,
  name: z.string(),
  stageName: z.string(),
  amount: z.number().nullable(),
  currency: z.string().optional(),
  createdAt: epochMs.optional(),
  closeDate: epochMs.optional(),
  isClosed: z.boolean(),
  isWon: z.boolean(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

/** Person attributes the score model and the MQL criteria read. Open-ended: vendors carry more. */
export const attributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type AttributeValue = z.infer<typeof attributeValueSchema>;

/** A link to the same human in another system (or the record itself). */
export const systemLinkSchema = z.object({
  ref: recordRefSchema,
  url: z.string().optional(),
});
export type SystemLink = z.infer<typeof systemLinkSchema>;

export const personSchema = z.object({
  /** Normalized e-mail when known, else `${system}|${instance}|${id}`. */
  key: z.string().min(1),
  name: z.string(),
  email: z.string().optional(),
  company: z.string().optional(),
  title: z.string().optional(),
  phone: z.string().optional(),
  owner: z.string().optional(),
  /** Current stage in domain words, and the vendor value it came from. */
  stage: stageSchema.nullable(),
  vendorStage: z.string().optional(),
  /** Fit attributes, named as the definitions' fit rules name them: industry, employees, title, country, leadSource, email… */
  attributes: z.record(z.string(), attributeValueSchema),
  links: z.array(systemLinkSchema),
});
export type Person = z.infer<typeof personSchema>;

export const VERDICTS = ['good', 'bad'] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export const deliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof deliveryStateSchema>;

/** One click of lead-quality feedback. `id` is made on the client and doubles as the idempotency key. */
export const feedbackSchema = z.object({
  id: z.string().min(8).max(64),
  ref: recordRefSchema,
  personKey: z.string().min(1),
  verdict: verdictSchema,
  reasonCodes: z.array(z.string().max(64)).max(20),
  comment: z.string().max(2000).optional(),
  by: z.string().max(200),
  at: epochMs,
  state: deliveryStateSchema,
  attempts: z.number().int().nonnegative(),
  /** Earliest time the outbox may try again (backoff, Retry-After, undo window). */
  nextAttemptAt: epochMs,
  lastError: z.string().optional(),
  sentAt: epochMs.optional(),
  /** The id of what the vendor created (Task, note, activity) once delivered. */
  vendorId: z.string().optional(),
});
export type Feedback = z.infer<typeof feedbackSchema>;

export const dataQualityWarningSchema = z.object({
  code: z.enum([
    'possible_duplicate',
    'missing_field',
    'unmapped_stage',
    'future_event',
    'cross_system_conflict',
    /** A vendor date nobody can read: the event was left out rather than dated 1970. `detail` names the field. */
    'unreadable_date',
    /** A connected system on the other side could not be asked (outage, limit, sign-in): its half is missing. */
    'partner_unavailable',
    /** A Marketo page whose app host Baton is not paired with: the record may be another instance's. `detail`: the host. */
    'unpaired_instance',
    /** Dynamics 365: Customer Insights – Journeys interaction tables missing or unreadable here; `detail` names them. */
    'marketing_interactions_unavailable',
  ]),
  /** Free detail for the message: the field, the other record, the vendor value. */
  detail: z.string().optional(),
  refs: z.array(recordRefSchema).optional(),
});
export type DataQualityWarning = z.infer<typeof dataQualityWarningSchema>;

/**
 * Everything a connector knows about the person behind one record, as of one fetch. The store keeps it,
 * the engines judge it, the panel shows it.
 */
export const leadContextSchema = z.object({
  ref: recordRefSchema,
  person: personSchema,
  events: z.array(engagementEventSchema),
  activities: z.array(salesActivitySchema),
  stageChanges: z.array(stageChangeSchema),
  opportunities: z.array(opportunitySchema),
  /** Feedback already in the system of record (given by others, or earlier). */
  feedback: z.array(feedbackSchema),
  warnings: z.array(dataQualityWarningSchema),
  fetchedAt: epochMs,
  /** Which systems answered, for the "as of … from …" lines. */
  sources: z.array(systemSchema),
});
export type LeadContext = z.infer<typeof leadContextSchema>;

/** RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, so an address at most 254 characters. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The e-mail that keys a person across systems. Bounded before matching: a vendor field can hold anything,
 * and a pattern run over megabytes of text (the `[^\s@]+` runs backtrack) would stall the panel.
 */
export function normalizeEmail(email: string | undefined | null): string | undefined {
  if (!email) return undefined;
  const trimmed = email.trim().toLowerCase();
  if (trimmed.length > MAX_EMAIL_LENGTH) return undefined;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) ? trimmed : undefined;
}

export function personKeyFor(ref: RecordRef, email?: string | null): string {
  return normalizeEmail(email) ?? `${ref.system}|${ref.instance}|${ref.id}`;
}
