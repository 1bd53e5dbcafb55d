/**
 * Dataverse `$batch` of GET requests: several queries in one HTTP call, each answered on its own (with
 * `Prefer: odata.continue-on-error` a failing part does not stop the others). The body and the answer are
 * multipart/mixed text documents, composed and read here.
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api
 * (OData 4.0 §11.7 Batch Requests)
 */
export interface BatchPart {
  /** HTTP status of this part (`HTTP/1.1 404 Not Found` → 404). */
  status: number;
  /** The part's JSON body, or null when it has none (204) or it is not JSON. */
  body: unknown;
}

/** The request body: one `application/http` part per GET, paths relative to the Web API base (`/api/data/v9.2/…`). */
export function batchRequestBody(boundary: string, paths: readonly string[]): string {
  const parts = paths.map((path) =>
    [`--${boundary}`, 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET ${path} HTTP/1.1`, 'Accept: application/json', '', ''].join('\r\n'),
  );
  return `${parts.join('')}--${boundary}--\r\n`;
}

/** `multipart/mixed; boundary=batchresponse_…` (quoted or not) → the boundary. */
export function boundaryOf(contentType: string | null): string | null {
  const m = /boundary="?([^";]+)"?/i.exec(contentType ?? '');
  return m?.[1] ?? null;
}

/**
 * The answer's parts in request order. A change set (a nested multipart) is flattened; Baton sends none, but
 * the parser does not break on one. Lines may end in CRLF (the wire) or LF (the documented examples).
 */
export function parseBatchResponse(text: string, boundary: string): BatchPart[] {
  const out: BatchPart[] = [];
  const chunks = text.split(`--${boundary}`);
  for (const raw of chunks.slice(1)) {
    if (raw.startsWith('--')) break; // the closing delimiter
    const chunk = raw.replace(/^\r?\n/, '');
    const [mimeHeaders, ...rest] = chunk.split(/\r?\n\r?\n/);
    const afterMime = rest.join('\n\n');
    const nested = boundaryOf(/content-type:\s*multipart\/mixed[^\r\n]*/i.exec(mimeHeaders ?? '')?.[0] ?? null);
    if (nested) {
      out.push(...parseBatchResponse(afterMime, nested));
      continue;
    }
    const statusLine = /^HTTP\/1\.1 (\d{3})/m.exec(afterMime);
    if (!statusLine) continue;
    const status = Number(statusLine[1]);
    const headerEnd = afterMime.search(/\r?\n\r?\n/);
    const bodyText = headerEnd < 0 ? '' : afterMime.slice(headerEnd).trim();
    let body: unknown = null;
    if (bodyText) {
      try {
        body = JSON.parse(bodyText);
      } catch {
        body = null;
      }
    }
    out.push({ status, body });
  }
  return out;
}
