import type { z } from 'zod';
import { ConnectorError } from '../connector';
import type { KeyValueStore } from '../local-store';
import { nextMidnightIn } from '../cross-system/quota-reset';
import { hubspotErrorSchema, type HubSpotErrorBody } from './schemas';
import { readHubSpotSettings, readHubSpotStatus, writeHubSpotStatus, type HubSpotSettings, type HubSpotStatus } from './settings';

export interface HubSpotDeps {
  storage: KeyValueStore;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Waits between the searches that reconcile a feedback note; tests pass an instant one. */
  sleep?: (ms: number) => Promise<void>;
}

export interface HubSpotRequest<T> {
  method?: 'GET' | 'POST' | 'PATCH';
  path: string;
  query?: Record<string, string | string[]>;
  body?: unknown;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /** What we were doing, for the message: "reading the contact", "creating the feedback note". */
  doing: string;
}

/**
 * One authenticated HubSpot call: Bearer token, rate-limit headers remembered for the options card,
 * the daily limit honoured before calling, every failure turned into a ConnectorError that quotes HubSpot's
 * correlation id (support asks for it).
 * Limits: https://developers.hubspot.com/docs/guides/apps/api-usage/usage-details
 */
export function createHubSpotClient(deps: HubSpotDeps) {
  const fetchImpl = deps.fetchImpl ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = deps.now ?? Date.now;

  async function settings(): Promise<HubSpotSettings> {
    const s = await readHubSpotSettings(deps.storage);
    if (!s) {
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'not-connected',
        message: 'HubSpot is not connected: paste a private app access token in Options › Connections › HubSpot.',
      });
    }
    return s;
  }

  /** After a 429 no call is made before this time: hammering a rolling window only extends it. */
  let pausedUntil = 0;

  async function request<T>(req: HubSpotRequest<T>): Promise<T> {
    const s = await settings();
    if (pausedUntil > now()) {
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'rate-limit',
        code: 'TEN_SECONDLY_ROLLING',
        retryAfterMs: pausedUntil - now(),
        message: `HubSpot asked Baton to slow down; it waits ${Math.ceil((pausedUntil - now()) / 1000)} s before ${req.doing}.`,
      });
    }
    const status = await readHubSpotStatus(deps.storage);
    if (status.dailyStopUntil && status.dailyStopUntil > now()) {
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'quota',
        code: 'DAILY',
        retryAfterMs: status.dailyStopUntil - now(),
        message: `HubSpot's daily API limit is used up; Baton waits until it resets at midnight (${s.timeZone}).`,
      });
    }
    const url = new URL(req.path, s.apiBase);
    for (const [k, v] of Object.entries(req.query ?? {})) {
      for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
    }
    let response: Response;
    try {
      response = await fetchImpl(url.toString(), {
        method: req.method ?? 'GET',
        headers: {
          Authorization: `Bearer ${s.accessToken}`,
          Accept: 'application/json',
          ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: req.signal,
      });
    } catch (cause) {
      if (req.signal?.aborted) throw cause;
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'transient',
        message: `HubSpot could not be reached while ${req.doing}: check the network and try again.`,
        cause,
      });
    }
    await rememberHeaders(response, s);
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) throw await toError(response, json, req.doing, s);
    const parsed = req.schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConnectorError({
        vendor: 'hubspot',
        kind: 'invalid-response',
        message: `HubSpot answered ${req.doing} with an unexpected shape (field "${issue?.path.join('.') ?? '?'}": ${issue?.message ?? 'invalid'}).`,
      });
    }
    return parsed.data;
  }

  // Parallel calls update the status one after another, so a later answer cannot erase a daily stop.
  let statusQueue: Promise<void> = Promise.resolve();
  function updateStatus(change: (status: HubSpotStatus) => HubSpotStatus): Promise<void> {
    statusQueue = statusQueue.then(async () => writeHubSpotStatus(deps.storage, change(await readHubSpotStatus(deps.storage))));
    return statusQueue;
  }

  async function rememberHeaders(response: Response, s: HubSpotSettings): Promise<void> {
    const num = (name: string) => {
      const v = response.headers.get(name);
      return v === null || v === '' || Number.isNaN(Number(v)) ? undefined : Number(v);
    };
    const rateLimit = {
      max: num('X-HubSpot-RateLimit-Max'),
      remaining: num('X-HubSpot-RateLimit-Remaining'),
      intervalMs: num('X-HubSpot-RateLimit-Interval-Milliseconds'),
      daily: num('X-HubSpot-RateLimit-Daily'),
      dailyRemaining: num('X-HubSpot-RateLimit-Daily-Remaining'),
      at: now(),
    };
    if (Object.values(rateLimit).filter((v) => v !== undefined).length <= 1) return;
    await updateStatus((status) => ({
      ...status,
      rateLimit,
      dailyStopUntil: rateLimit.dailyRemaining === 0 ? nextMidnightIn(s.timeZone, now()) : status.dailyStopUntil,
    }));
  }

  async function toError(response: Response, json: unknown, doing: string, s: HubSpotSettings): Promise<ConnectorError> {
    const parsed = hubspotErrorSchema.safeParse(json);
    const body: HubSpotErrorBody | undefined = parsed.success ? parsed.data : undefined;
    const said = body ? ` HubSpot said: "${body.message}"` : '';
    const ref = body?.correlationId ? ` (correlation id ${body.correlationId})` : '';
    const base = { vendor: 'hubspot' as const, correlationId: body?.correlationId, code: body?.policyName ?? body?.category ?? String(response.status) };
    const st = response.status;
    if (st === 429) {
      if (body?.policyName === 'DAILY') {
        const until = nextMidnightIn(s.timeZone, now());
        await updateStatus((status) => ({ ...status, dailyStopUntil: until }));
        return new ConnectorError({
          ...base,
          kind: 'quota',
          retryAfterMs: until - now(),
          message: `HubSpot's daily API limit is used up; background refresh stops until midnight (${s.timeZone}).${said}${ref}`,
        });
      }
      const retryAfterS = Number(response.headers.get('Retry-After'));
      const intervalMs = Number(response.headers.get('X-HubSpot-RateLimit-Interval-Milliseconds'));
      const retryAfterMs = retryAfterS > 0 ? retryAfterS * 1000 : intervalMs > 0 ? intervalMs : 10_000;
      pausedUntil = now() + retryAfterMs;
      return new ConnectorError({
        ...base,
        kind: 'rate-limit',
        retryAfterMs,
        message: `HubSpot asks Baton to slow down while ${doing}; it retries in ${Math.ceil(retryAfterMs / 1000)} s.${said}${ref}`,
      });
    }
    if (st === 401) {
      return new ConnectorError({
        ...base,
        kind: 'auth',
        message: `HubSpot refused the access token while ${doing}: it was revoked or rotated. Paste the private app's current token in Options.${said}${ref}`,
      });
    }
    if (st === 403) {
      return new ConnectorError({
        ...base,
        kind: 'permanent',
        message: `The HubSpot private app lacks a scope needed for ${doing}: add crm.objects.contacts.read/write and sales-email-read, then paste the new token.${said}${ref}`,
      });
    }
    if (st === 404) {
      return new ConnectorError({ ...base, kind: 'not-found', message: `HubSpot has no such record (${doing}).${said}${ref}` });
    }
    if (st >= 500) {
      return new ConnectorError({ ...base, kind: 'transient', message: `HubSpot had a server error while ${doing}; Baton retries later.${said}${ref}` });
    }
    return new ConnectorError({ ...base, kind: 'permanent', message: `HubSpot rejected ${doing} (HTTP ${st}).${said}${ref}` });
  }

  return { request, settings };
}

export type HubSpotClient = ReturnType<typeof createHubSpotClient>;
