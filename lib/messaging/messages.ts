import { z } from 'zod';
import { recordRefSchema, systemSchema } from '../domain/model';

/**
 * Runtime messages between the content script, the extension pages and the background worker.
 * Every message is parsed on arrival: a web page can never reach these listeners (no externally_connectable),
 * but a content script runs beside untrusted page code, so nothing is taken on trust.
 */
export const recordViewedSchema = z.object({
  type: z.literal('baton/record-viewed'),
  /** null: the page is not a supported record (home, list, setup…). */
  ref: recordRefSchema.nullable(),
  /** The page URL's origin and path only, for the panel's "what to open instead" line; never query strings. */
  page: z.string().max(2048),
});
export type RecordViewed = z.infer<typeof recordViewedSchema>;

export const getTabRecordSchema = z.object({
  type: z.literal('baton/get-tab-record'),
  tabId: z.number().int(),
});

export const tabRecordChangedSchema = z.object({
  type: z.literal('baton/tab-record-changed'),
  tabId: z.number().int(),
  ref: recordRefSchema.nullable(),
  page: z.string().max(2048),
});
export type TabRecordChanged = z.infer<typeof tabRecordChangedSchema>;

/** Ask the background worker to try the feedback outbox now (after a click, or "retry"). */
export const outboxKickSchema = z.object({ type: z.literal('baton/outbox-kick') });

/**
 * The options page asks the background worker to re-read the shared definitions now (managed configuration,
 * else the team URL). Strict: nothing else rides along.
 */
export const definitionsRefreshSchema = z.object({ type: z.literal('baton/definitions-refresh') }).strict();

/** The background's answer: what is in force after the refresh, and why it could not be updated, if so. */
export const definitionsRefreshResultSchema = z.object({
  ok: z.boolean(),
  /** The version in force changed (another document, or another source). */
  changed: z.boolean(),
  source: z.enum(['default', 'url', 'managed', 'file']),
  id: z.string(),
  version: z.number(),
  fetchedAt: z.number().optional(),
  error: z.string().optional(),
});
export type DefinitionsRefreshResult = z.infer<typeof definitionsRefreshResultSchema>;

export const tabRecordSchema = z.object({
  ref: recordRefSchema.nullable(),
  page: z.string(),
});
export type TabRecord = z.infer<typeof tabRecordSchema>;

export const inboundMessageSchema = z.discriminatedUnion('type', [
  recordViewedSchema,
  getTabRecordSchema,
  tabRecordChangedSchema,
  outboxKickSchema,
  definitionsRefreshSchema,
]);
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

/**
 * Team data (options page → background): start a sync now, cancel one, or ask what runs. Only extension pages
 * may send these (checked by origin, not only id: a content script shares our id). Strict: nothing rides along.
 */
const teamSyncTarget = {
  system: systemSchema,
  kind: z.enum(['team', 'mine']).default('team'),
};
export const teamSyncStartSchema = z
  .object({
    type: z.literal('baton/team-sync-start'),
    ...teamSyncTarget,
    /** The period of a full sync, in days back from now; a new period starts a full sync. */
    periodDays: z.number().int().min(7).max(730).optional(),
    full: z.boolean().optional(),
  })
  .strict();
export const teamSyncCancelSchema = z.object({ type: z.literal('baton/team-sync-cancel'), ...teamSyncTarget }).strict();
export const teamSyncStatusSchema = z.object({ type: z.literal('baton/team-sync-status') }).strict();

/** Background → pages: progress of one run (broadcast; also the answer to a status request, as a list). */
export const teamSyncProgressSchema = z.object({
  scope: z.object({ system: systemSchema, instance: z.string(), kind: z.enum(['team', 'mine']) }),
  runId: z.string(),
  status: z.enum(['running', 'complete', 'paused', 'cancelled', 'failed', 'busy']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().optional(),
  calls: z.number().int().nonnegative(),
  message: z.string().optional(),
});
export const teamSyncProgressMessageSchema = z.object({ type: z.literal('baton/team-sync-progress'), progress: teamSyncProgressSchema });
export const teamSyncStatusReplySchema = z.object({ running: z.array(teamSyncProgressSchema) });

/** From an extension page: who I am or the demo rep changed, so the badge (and alerts) judge the queue again. */
export const queueChangedSchema = z.object({ type: z.literal('baton/queue-changed') }).strict();
