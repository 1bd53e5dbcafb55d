import { z } from 'zod';
import { ConnectorError } from '../connector';
import { type KeyValueStore } from '../local-store';
import { STORAGE_KEYS } from './storage';

/**
 * Daily API usage, from the `Sforce-Limit-Info: api-usage=25/15000` header Salesforce adds to REST responses.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
 */
export interface ApiUsage {
  used: number;
  max: number;
  /** When we read it (epoch ms). */
  at: number;
}

/** Above this share of the org's daily limit, background refresh stops; views the user opens still load. */
export const BACKGROUND_PAUSE_RATIO = 0.8;

export function parseLimitInfo(header: string | null | undefined, at = 0): ApiUsage | null {
  if (!header) return null;
  // The header may carry other entries ("per-app-api-usage=…"); the org-wide one is `api-usage`.
  const m = /(?:^|[\s,;])api-usage=(\d+)\/(\d+)/.exec(header);
  if (!m) return null;
  const used = Number(m[1]);
  const max = Number(m[2]);
  if (!Number.isFinite(used) || !Number.isFinite(max) || max <= 0) return null;
  return { used, max, at };
}

export function usageRatio(usage: Pick<ApiUsage, 'used' | 'max'>): number {
  return usage.max > 0 ? usage.used / usage.max : 0;
}

export function shouldPauseBackgroundRefresh(usage: Pick<ApiUsage, 'used' | 'max'> | null | undefined): boolean {
  return usage ? usageRatio(usage) > BACKGROUND_PAUSE_RATIO : false;
}

export const apiUsageSchema = z.object({ used: z.number().nonnegative(), max: z.number().positive(), at: z.number() });

/** The last usage seen (any Salesforce response), for options and for the background refresh gate. */
export async function readApiUsage(storage: KeyValueStore): Promise<ApiUsage | null> {
  const parsed = apiUsageSchema.safeParse(await storage.get(STORAGE_KEYS.usage));
  return parsed.success ? parsed.data : null;
}

/** Code of the error a paused background refresh throws (kind 'quota'), for the panel to word it apart. */
export const BACKGROUND_PAUSED_CODE = 'BACKGROUND_PAUSED';

/**
 * The error to throw instead of a background refresh when the last usage seen is above the pause ratio, or
 * null when the refresh may go ahead. `org` is the My Domain name of the page, when known, to name the org.
 */
export async function backgroundPausedError(storage: KeyValueStore, org: string | null): Promise<ConnectorError | null> {
  const usage = await readApiUsage(storage);
  if (!usage || !shouldPauseBackgroundRefresh(usage)) return null;
  const percent = Math.floor(usageRatio(usage) * 100);
  const which = org ? `The Salesforce org "${org}"` : 'The Salesforce org';
  return new ConnectorError({
    vendor: 'salesforce',
    kind: 'quota',
    code: BACKGROUND_PAUSED_CODE,
    message:
      `${which} has used ${usage.used.toLocaleString('en-US')} of its ${usage.max.toLocaleString('en-US')} daily API requests (${percent}%). ` +
      `Above ${BACKGROUND_PAUSE_RATIO * 100}% Baton stops refreshing on its own to leave the rest to other integrations; ` +
      'opening a record or pressing Retry still loads it.',
  });
}
