import { z } from 'zod';
import type { DataQualityWarning, EngagementEvent, EngagementType, RecordRef } from '../../domain/model';
import type { KeyValueStore } from '../local-store';
import { parseVendorDateTime } from '../vendor-date';
import type { BatchPart } from './batch';
import { dataverseErrorSchema } from './schemas';

/**
 * Marketing interactions of Dynamics 365 Customer Insights – Journeys (real-time journeys), read beside the lead
 * or contact in ONE `$batch` call (the view's second and last call; client.ts `batch`).
 *
 * Tables and columns as documented in "Reference guide for real-time marketing interactions":
 * https://learn.microsoft.com/en-us/dynamics365/customer-insights/journeys/real-time-marketing-interactions-reference
 * `msdynmkt_emailsent`, `msdynmkt_emailopened`, `msdynmkt_emaillinkclicked` (columns `msdynmkt_profileid` — the
 * contact's or lead's id —, `msdynmkt_targetentity` — contact or lead —, `msdynmkt_originaltimestamp`,
 * `msdynmkt_targeturl`, `msdynmkt_linktext`). That guide also says Microsoft keeps these interactions in a managed
 * data lake, outside Dataverse, for throughput; so in most environments the Web API has no entity set for them
 * and Dataverse answers the part with 404 `0x80060888` "Resource not found for the segment" (the code Dataverse
 * gives an unknown segment; seen in https://github.com/microsoft/Dataverse-MCP/issues/6). Baton then skips them,
 * says so once per view in a warning, and does not ask again for a week.
 * Event registrations of Customer Insights – Journeys event management ARE a Dataverse table
 * (`msevtmgt_eventregistration`, lookups `msevtmgt_contactid` and `msevtmgt_eventid`); they exist only where
 * event management is installed, and are read for contacts (a registration names a contact).
 *
 * Confirmed from Microsoft's Web API EntityType reference for `msevtmgt_eventregistration` (Dynamics 365 Customer
 * Engagement, "msevtmgt_eventregistration EntityType"): entity set path `msevtmgt_eventregistrations`, primary key
 * `msevtmgt_eventregistrationid`, lookups `_msevtmgt_contactid_value` and `_msevtmgt_eventid_value`, as used below.
 * Not confirmable: entity set names of the msdynmkt_* interaction tables. They appear in no Dataverse table/entity
 * reference, only in the managed data lake schema above (checked 2026-12; no public code names an
 * `msdynmkt_emailsents` set either), so `…s` is Dataverse's usual plural where an environment does expose them.
 * Their primary key column is likewise taken as `<logical name>id` when present, else the event id is built from
 * the table, profile and time (stable, so a re-read dedupes).
 */
export interface JourneyTable {
  logicalName: string;
  entitySet: string;
  type: EngagementType;
  vendorType: string;
  /** Which records the table can name. */
  for: readonly ('lead' | 'contact')[];
}

export const JOURNEY_TABLES: readonly JourneyTable[] = [
  { logicalName: 'msdynmkt_emailsent', entitySet: 'msdynmkt_emailsents', type: 'email_send', vendorType: 'Email sent', for: ['lead', 'contact'] },
  { logicalName: 'msdynmkt_emailopened', entitySet: 'msdynmkt_emailopeneds', type: 'email_open', vendorType: 'Email opened', for: ['lead', 'contact'] },
  { logicalName: 'msdynmkt_emaillinkclicked', entitySet: 'msdynmkt_emaillinkclickeds', type: 'email_click', vendorType: 'Email link clicked', for: ['lead', 'contact'] },
  { logicalName: 'msevtmgt_eventregistration', entitySet: 'msevtmgt_eventregistrations', type: 'event_registered', vendorType: 'Event registration', for: ['contact'] },
];

/** Rows per table and view: the panel shows recent engagement, not a full history. */
export const JOURNEY_ROWS = 50;

/** Dataverse's code for a segment (entity set) it does not know. */
export const UNKNOWN_SEGMENT = '0x80060888';
/** How long a table Dataverse said it does not have is not asked for again. */
export const ABSENT_FOR_MS = 7 * 24 * 3_600_000;
export const DYNAMICS_JOURNEYS_KEY = 'baton.dynamics.journeys';

const absenceSchema = z.record(z.string(), z.object({ checkedAt: z.number(), absent: z.array(z.string()) }));

/** The tables worth asking on this host for this record kind (those Dataverse said it lacks are skipped for a week). */
export async function journeyTablesToAsk(storage: KeyValueStore, host: string, kind: 'lead' | 'contact', now: number): Promise<{ ask: JourneyTable[]; knownAbsent: string[] }> {
  const parsed = absenceSchema.safeParse(await storage.get(DYNAMICS_JOURNEYS_KEY));
  const seen = parsed.success ? parsed.data[host] : undefined;
  const absent = seen && now - seen.checkedAt < ABSENT_FOR_MS ? new Set(seen.absent) : new Set<string>();
  const mine = JOURNEY_TABLES.filter((t) => t.for.includes(kind));
  return { ask: mine.filter((t) => !absent.has(t.logicalName)), knownAbsent: mine.filter((t) => absent.has(t.logicalName)).map((t) => t.logicalName) };
}

/** The warning a view carries while the interaction tables are missing here (asked now or known from before). */
export function absentWarning(absent: readonly string[]): DataQualityWarning[] {
  return absent.length ? [{ code: 'marketing_interactions_unavailable', detail: `not in this environment: ${absent.join(', ')}` }] : [];
}

export async function rememberAbsentTables(storage: KeyValueStore, host: string, absent: readonly string[], now: number): Promise<void> {
  const parsed = absenceSchema.safeParse(await storage.get(DYNAMICS_JOURNEYS_KEY));
  const all = parsed.success ? parsed.data : {};
  const before = all[host] && now - all[host].checkedAt < ABSENT_FOR_MS ? all[host].absent : [];
  await storage.set(DYNAMICS_JOURNEYS_KEY, { ...all, [host]: { checkedAt: now, absent: [...new Set([...before, ...absent])] } });
}

/** `set?$k=v&…` with every value percent-encoded: a batch part's request line is a URL (no spaces, no raw quotes). */
function pathWithQuery(set: string, query: Record<string, string>): string {
  return `${set}?${Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** GET paths (relative to the Web API base) for one record, in `tables` order. Ids are GUIDs checked by the caller. */
export function journeyPaths(tables: readonly JourneyTable[], id: string): string[] {
  return tables.map((t) => {
    if (t.logicalName === 'msevtmgt_eventregistration') {
      return pathWithQuery(t.entitySet, { $select: 'createdon,_msevtmgt_eventid_value', $filter: `_msevtmgt_contactid_value eq ${id}`, $orderby: 'createdon desc', $top: String(JOURNEY_ROWS) });
    }
    // msdynmkt_profileid is a string column in the documented schema, hence the quotes.
    return pathWithQuery(t.entitySet, { $filter: `msdynmkt_profileid eq '${id}'`, $orderby: 'msdynmkt_originaltimestamp desc', $top: String(JOURNEY_ROWS) });
  });
}

const text = z.string().nullish();
const F = '@OData.Community.Display.V1.FormattedValue';

/** One interaction row; unknown columns pass through (the key column is looked up by name). */
export const interactionRowSchema = z
  .object({
    msdynmkt_profileid: text,
    msdynmkt_targetentity: text,
    msdynmkt_originaltimestamp: text,
    msdynmkt_journeyid: text,
    msdynmkt_targeturl: text,
    msdynmkt_linktext: text,
    msdynmkt_emailaddress: text,
  })
  .passthrough();

export const eventRegistrationRowSchema = z
  .object({ msevtmgt_eventregistrationid: z.string(), createdon: z.string(), _msevtmgt_eventid_value: text, [`_msevtmgt_eventid_value${F}`]: text })
  .passthrough();

const pageOf = <T extends z.ZodType>(row: T) => z.object({ value: z.array(row) });

export interface JourneyRead {
  events: EngagementEvent[];
  warnings: DataQualityWarning[];
  /** Tables Dataverse does not know here (404 0x80060888), to remember. */
  absent: string[];
}

function mapRows(table: JourneyTable, body: unknown, ref: RecordRef): EngagementEvent[] | null {
  if (table.logicalName === 'msevtmgt_eventregistration') {
    const page = pageOf(eventRegistrationRowSchema).safeParse(body);
    if (!page.success) return null;
    return page.data.value.flatMap((r): EngagementEvent[] => {
      const at = parseVendorDateTime(r.createdon);
      if (at === null || at < 0) return [];
      const name = r[`_msevtmgt_eventid_value${F}`];
      return [{ id: `dynamics:${r.msevtmgt_eventregistrationid}`, source: 'dynamics', sourceId: r.msevtmgt_eventregistrationid, type: table.type, occurredAt: at, vendorType: table.vendorType, asset: typeof name === 'string' ? name : undefined }];
    });
  }
  const page = pageOf(interactionRowSchema).safeParse(body);
  if (!page.success) return null;
  return page.data.value.flatMap((r): EngagementEvent[] => {
    const at = parseVendorDateTime(r.msdynmkt_originaltimestamp);
    if (at === null || at < 0) return [];
    // Only the record this view is about (the profile id is the contact's or lead's id).
    if (r.msdynmkt_targetentity && r.msdynmkt_targetentity.toLowerCase() !== ref.object) return [];
    const key = r[`${table.logicalName}id`];
    const sourceId = typeof key === 'string' && key ? key : `${table.logicalName}:${ref.id}:${at}`;
    return [{
      id: `dynamics:${sourceId}`,
      source: 'dynamics',
      sourceId,
      type: table.type,
      occurredAt: at,
      vendorType: table.vendorType,
      asset: r.msdynmkt_linktext ?? undefined,
      url: r.msdynmkt_targeturl ?? undefined,
    }];
  });
}

/**
 * The batch's parts → engagement events. A part Dataverse does not know (404 0x80060888) is a table this
 * environment lacks: skipped, remembered, and said once in a warning; any other failing part is a warning
 * with Dataverse's own message, never a failed panel.
 */
export function mapJourneyParts(tables: readonly JourneyTable[], parts: readonly BatchPart[], ref: RecordRef): JourneyRead {
  const events: EngagementEvent[] = [];
  const absent: string[] = [];
  const failed: string[] = [];
  tables.forEach((table, i) => {
    const part = parts[i];
    if (!part) {
      failed.push(`${table.logicalName}: no answer`);
      return;
    }
    if (part.status >= 200 && part.status < 300) {
      const mapped = mapRows(table, part.body, ref);
      if (mapped) events.push(...mapped);
      else failed.push(`${table.logicalName}: unexpected shape`);
      return;
    }
    const error = dataverseErrorSchema.safeParse(part.body);
    if (part.status === 404 && error.success && error.data.error.code.toLowerCase() === UNKNOWN_SEGMENT) absent.push(table.logicalName);
    else failed.push(`${table.logicalName}: ${error.success ? `${error.data.error.code} ${error.data.error.message}` : `HTTP ${part.status}`}`);
  });
  const warnings: DataQualityWarning[] = [];
  if (failed.length) warnings.push({ code: 'marketing_interactions_unavailable', detail: failed.join('; ') });
  return { events, warnings, absent };
}
