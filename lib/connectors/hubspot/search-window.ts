import { z } from 'zod';
import type { ListRequest } from '../listing';

/**
 * Which contacts a listing run asks CRM search for, window by window, and the resume token. Pure.
 *
 * Search limits (https://developers.hubspot.com/docs/api/crm/search#limitations): 200 results a page; at most
 * 10,000 results per query (paging beyond answers 400); five filter groups (OR) of up to six filters (AND), 18
 * filters in all; 3,000 characters a request.
 */
export const SEARCH_PAGE_SIZE = 200;
export const SEARCH_RESULT_CAP = 10_000;

/**
 * A team period is "the contacts whose lead life touches [from, to)": created in it, or entering MQL, SQL,
 * opportunity or customer in it. HubSpot keeps the date each lifecycle stage was entered in `hs_v2_date_entered_{stage}`
 * (custom stages get `hs_v2_date_entered_{stageId}`; a contact that only moves between custom stages is still found
 * by its creation date). https://knowledge.hubspot.com/records/use-lifecycle-stage-properties
 * Five properties: one filter group each, the most the search accepts.
 */
export const TEAM_DATE_PROPERTIES = [
  'createdate',
  'hs_v2_date_entered_marketingqualifiedlead',
  'hs_v2_date_entered_salesqualifiedlead',
  'hs_v2_date_entered_opportunity',
  'hs_v2_date_entered_customer',
] as const;

/** Contacts keep their last change in `lastmodifieddate` (other objects: `hs_lastmodifieddate`). */
export const LAST_MODIFIED = 'lastmodifieddate';

/** Lifecycle stages HubSpot ships that end a lead's open life ('mine' lists open leads only). */
export const CLOSED_LIFECYCLE_STAGES = ['customer', 'evangelist', 'other'] as const;

export interface Window {
  from: number;
  to: number;
}

export interface SearchPlan {
  /** Date properties whose entry in a window puts a contact in it (OR). */
  dateProperties: readonly string[];
  /** Filters every group also carries (AND): modified since, owner. */
  common: Filter[];
}

export interface Filter {
  propertyName: string;
  operator: 'EQ' | 'GTE' | 'LT' | 'NOT_IN' | 'HAS_PROPERTY';
  value?: string;
  values?: string[];
}

/** 'team': the five dates over the period. 'mine': the user's own contacts not closed, by creation date up to `to`. */
export function planFor(request: Pick<ListRequest, 'scope' | 'modifiedSince'>, ownerId?: string): SearchPlan {
  const common: Filter[] = [];
  if (request.modifiedSince !== undefined) common.push({ propertyName: LAST_MODIFIED, operator: 'GTE', value: String(request.modifiedSince) });
  if (request.scope === 'mine') {
    if (!ownerId) throw new Error('planFor: the mine scope needs the owner id');
    common.push({ propertyName: 'hubspot_owner_id', operator: 'EQ', value: ownerId });
    common.push({ propertyName: 'lifecyclestage', operator: 'NOT_IN', values: [...CLOSED_LIFECYCLE_STAGES] });
    return { dateProperties: ['createdate'], common };
  }
  return { dateProperties: TEAM_DATE_PROPERTIES, common };
}

/** The period a run splits: the request's for 'team'; for 'mine' every contact created before `to` (an open lead handed off long ago is still open). */
export function periodFor(request: Pick<ListRequest, 'scope' | 'from' | 'to'>): Window {
  return request.scope === 'mine' ? { from: 0, to: request.to } : { from: request.from, to: request.to };
}

/** Search body for one window, sorted by record id so pages are stable and new contacts come last. */
export function searchBody(plan: SearchPlan, w: Window, after?: string): Record<string, unknown> {
  return {
    filterGroups: plan.dateProperties.map((propertyName) => ({
      filters: [
        { propertyName, operator: 'GTE', value: String(w.from) },
        { propertyName, operator: 'LT', value: String(w.to) },
        ...plan.common,
      ],
    })),
    sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
    properties: [...plan.dateProperties],
    limit: SEARCH_PAGE_SIZE,
    ...(after ? { after } : {}),
  };
}

/** Halves a window whose contacts do not fit one search; null when it cannot be split further. */
export function splitWindow(w: Window): [Window, Window] | null {
  if (w.to - w.from < 2) return null;
  const mid = w.from + Math.floor((w.to - w.from) / 2);
  return [{ from: w.from, to: mid }, { from: mid, to: w.to }];
}

function epochMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(t) ? t : undefined;
}

/**
 * The one time that places a contact in exactly one window: its earliest plan date inside the period. A contact
 * created in one window and handed off in another matches both searches; only the window holding this time
 * lists it, so every contact is listed once however the period is split.
 */
export function placingTime(plan: SearchPlan, properties: Record<string, string | null>, period: Window): number | undefined {
  let best: number | undefined;
  for (const name of plan.dateProperties) {
    const t = epochMs(properties[name]);
    if (t === undefined || t < period.from || t >= period.to) continue;
    if (best === undefined || t < best) best = t;
  }
  return best;
}

/** Resume token: which windows remain, where the current one stands, and what has been counted. */
const cursorSchema = z.object({
  v: z.literal(1),
  /** The request it belongs to; a token from another request is refused. */
  key: z.string(),
  phase: z.enum(['contacts', 'archived']),
  /** Windows left, the current first. */
  windows: z.array(z.object({ from: z.number(), to: z.number() })),
  /** Search `after` within the current window. */
  after: z.string().optional(),
  /** Whether the current window's size is known to fit one search. */
  fits: z.boolean().optional(),
  /** Paging token of the archived-contacts list. */
  archivedAfter: z.string().optional(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
});
export type ListCursor = z.infer<typeof cursorSchema>;

export function requestKey(request: Pick<ListRequest, 'scope' | 'from' | 'to' | 'modifiedSince'>): string {
  return [request.scope, request.from, request.to, request.modifiedSince ?? ''].join(':');
}

export function encodeCursor(cursor: ListCursor): string {
  return JSON.stringify(cursor);
}

/** Parses a resume token; a clear error when it is not one of ours or belongs to another request. */
export function decodeCursor(token: string, key: string): ListCursor {
  let json: unknown;
  try {
    json = JSON.parse(token);
  } catch {
    json = undefined;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw new Error('HubSpot listing: the resume cursor is not one this version wrote; start the sync again without it.');
  if (parsed.data.key !== key) throw new Error('HubSpot listing: the resume cursor belongs to another period or scope; start the sync again without it.');
  return parsed.data;
}
