import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import { parseDefinitions } from '../domain/definitions/parse-definitions';
import type { DefinitionsRecord } from '../store/definitions-repo';
import { formatFromName, summarizeIssues } from './definitions-errors';

/** How often the background re-checks a team URL (a 304 costs one small request). */
export const DEFINITIONS_REFRESH_MINUTES = 60;
/** A definitions document is a few tens of kB; anything far larger is not one. */
const MAX_BYTES = 1_000_000;
/** "Refresh now" and the alarm wait this long at most, headers and body together. */
const TIMEOUT_MS = 15_000;

export interface FetchLimits {
  timeoutMs?: number;
  maxBytes?: number;
}

type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'timeout' };

/**
 * Reads the body as UTF-8, stopping at `maxBytes` (the stream is cancelled, never read whole) or when the
 * signal aborts (a server that sends headers and then stalls).
 */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<BodyResult> {
  if (!response.body) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      if (signal.aborted) return { ok: false, reason: 'timeout' };
      const { done, value } = await reader.read();
      if (signal.aborted) return { ok: false, reason: 'timeout' };
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'too-large' };
      }
      chunks.push(value);
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: 'timeout' };
    throw error;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, text: new TextDecoder().decode(bytes) };
}

export function isDefinitionsRefreshDue(record: DefinitionsRecord | undefined, now: number): boolean {
  return !record || now - record.fetchedAt >= DEFINITIONS_REFRESH_MINUTES * 60_000;
}

/** Keeps what is in force and says why it was not replaced. */
function keep(previous: DefinitionsRecord | undefined, url: string, error: string, now: number): DefinitionsRecord {
  if (previous) return { ...previous, lastError: error };
  return { definitions: DEFAULT_DEFINITIONS, source: 'default', sourceUrl: url, fetchedAt: now, lastError: error };
}

export function checkDefinitionsUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `Definitions URL is not a valid URL: "${url}". Enter a full https:// address.（URL の形式が正しくありません）`;
  }
  if (parsed.protocol !== 'https:') {
    return `Definitions URL must use https: "${url}".（定義ファイルの URL は https にしてください）`;
  }
  if (parsed.username || parsed.password) {
    return 'Definitions URL must not contain a user name or password.（URL に認証情報を含めないでください）';
  }
  return null;
}

/**
 * Fetches the team's definitions document. Conditional (If-None-Match with the stored ETag), so a periodic
 * refresh of an unchanged document is a 304. Never throws: on any failure (network, HTTP error, invalid
 * document) the previous record stays in force with `lastError` saying what went wrong.
 */
export async function loadDefinitionsFromUrl(
  url: string,
  previous: DefinitionsRecord | undefined,
  fetchImpl: typeof fetch = fetch,
  now: number = Date.now(),
  limits: FetchLimits = {},
): Promise<DefinitionsRecord> {
  const timeoutMs = limits.timeoutMs ?? TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? MAX_BYTES;
  const timedOut = () =>
    keep(previous, url, `${url} did not answer within ${Math.round(timeoutMs / 1000)} s. The previous definitions stay in force.（応答がありませんでした。前の定義を使い続けます）`, now);
  const tooLarge = (size: string) =>
    keep(previous, url, `${url} served ${size}; a definitions document is at most 1 MB. The previous definitions stay in force.（ファイルが大きすぎます）`, now);
  const invalid = checkDefinitionsUrl(url);
  if (invalid) return keep(previous, url, invalid, now);

  const headers: Record<string, string> = { Accept: 'application/json, application/yaml, text/yaml, text/plain' };
  const sameSource = previous?.sourceUrl === url && previous.source !== 'default';
  if (sameSource && previous.etag) headers['If-None-Match'] = previous.etag;

  // One deadline for headers and body: a server that never answers must not hold "refresh now" forever.
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, credentials: 'omit', cache: 'no-cache', redirect: 'follow', signal });
  } catch (error) {
    if (signal.aborted) return timedOut();
    const detail = error instanceof Error ? error.message : String(error);
    return keep(previous, url, `Could not reach ${url}: ${detail}. The previous definitions stay in force.（取得できませんでした。前の定義を使い続けます）`, now);
  }
  if (response.status === 304 && sameSource) {
    const { lastError: _dropped, ...rest } = previous;
    return { ...rest, fetchedAt: now };
  }
  if (response.url && checkDefinitionsUrl(response.url) !== null) {
    return keep(previous, url, `${url} redirected to a non-https address; not loaded.（https 以外へリダイレクトされました）`, now);
  }
  if (!response.ok) {
    return keep(previous, url, `${url} answered HTTP ${response.status}. The previous definitions stay in force.（HTTP ${response.status}）`, now);
  }
  const announced = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(announced) && announced > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    return tooLarge(`${announced} bytes`);
  }
  const body = await readCapped(response, maxBytes, signal);
  if (!body.ok) return body.reason === 'timeout' ? timedOut() : tooLarge('more than 1 MB');
  const text = body.text;
  const contentType = response.headers.get('content-type') ?? '';
  const format = /json/i.test(contentType) ? 'json' : /yaml/i.test(contentType) ? 'yaml' : formatFromName(url);
  const parsed = parseDefinitions(text, format);
  if (!parsed.ok) {
    return keep(previous, url, `${url} serves an invalid definitions document; the previous one stays in force.\n${summarizeIssues(parsed.errors)}`, now);
  }
  const etag = response.headers.get('etag');
  return {
    definitions: parsed.definitions,
    source: 'url',
    sourceUrl: url,
    ...(etag ? { etag } : {}),
    fetchedAt: now,
  };
}
