// A fake kintone domain (acme.cybozu.com) for the end-to-end tests: the record page of the SFA app and the REST API
// on the same host, as kintone serves them, answering with the documented shapes in tests/fixtures/kintone.
// Plug `handle` into the https fake-hosts server mapped to loopback with --host-resolver-rules.
//
//   const kin = createKintoneFake({ now: Date.now(), dropFirstCommentResponse: true });
//   page: https://acme.cybozu.com/k/12/show#record=42
//   ... click feedback ... expect(kin.state.comments.filter((c) => c.text.includes('[baton:'))).toHaveLength(1)
import { FIXTURE_NOW, fixture, readBody, send, shiftDates } from './vendor-fake-util.mjs';

export const KINTONE_DOMAIN = 'acme.cybozu.com';
export const KINTONE_APP_ID = '12';
export const KINTONE_ACTIVITY_APP_ID = '13';
export const KINTONE_RECORD_ID = '42';
export const KINTONE_TOKEN = 'cJrAD9Es62qm0Z3eE6uzQQmaDxM3q9jiDay1oysX';
export const KINTONE_ACTIVITY_TOKEN = '6oDAV8hCY6HTa1AC6EZbNe2dpc1t8QnWZrHOMgMb';

/** Today's date in Tokyo, as a kintone DATE field holds it. */
function tokyoDate(ms) {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * @param {{ now?: number, dropFirstCommentResponse?: boolean }} [options]
 *   dropFirstCommentResponse: the first comment is stored, then the connection is cut before the answer (Chromium may
 *   resend the POST on a fresh connection; the outbox may retry): one comment must be left.
 */
export function createKintoneFake(options = {}) {
  const now = options.now ?? FIXTURE_NOW;
  const delta = now - FIXTURE_NOW;
  const record = shiftDates(fixture('kintone', 'record.json'), delta);
  // Handed to sales today (商談化日), and never touched since: the SLA clock runs.
  record.record['商談化日'].value = tokyoDate(now);
  const state = {
    /** Every API request: `{ method, path, app, token }`. */
    requests: [],
    record,
    activities: shiftDates(fixture('kintone', 'activity-records.json'), delta),
    comments: shiftDates(fixture('kintone', 'comments.json'), delta).comments,
    nextCommentId: 4,
    dropCommentResponses: options.dropFirstCommentResponse ? 1 : 0,
  };
  const tokenError = fixture('kintone', 'error-api-token.json');

  async function handle(req, res) {
    if ((req.headers.host ?? '').split(':')[0] !== KINTONE_DOMAIN) return false;
    const url = new URL(req.url ?? '/', `https://${KINTONE_DOMAIN}`);
    if (req.method === 'GET' && /^\/k\/\d+\/show$/.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><meta charset="utf-8"><title>案件管理 - kintone</title></head><body><h1>案件管理</h1></body></html>');
      return true;
    }
    if (!url.pathname.startsWith('/k/v1/')) return false;
    const token = req.headers['x-cybozu-api-token'] ?? null;
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : undefined;
    const app = url.searchParams.get('app') ?? String(body?.app ?? '');
    state.requests.push({ method: req.method, path: url.pathname, app, token });
    const tokens = String(token ?? '').split(',').map((t) => t.trim());
    if (!tokens.includes(app === KINTONE_ACTIVITY_APP_ID ? KINTONE_ACTIVITY_TOKEN : KINTONE_TOKEN)) return send(res, 400, tokenError);

    if (req.method === 'GET' && url.pathname === '/k/v1/app/form/fields.json') {
      return send(res, 200, fixture('kintone', app === KINTONE_ACTIVITY_APP_ID ? 'activity-form-fields.json' : 'form-fields.json'));
    }
    if (req.method === 'GET' && url.pathname === '/k/v1/record.json') {
      if (url.searchParams.get('id') !== KINTONE_RECORD_ID) return send(res, 404, fixture('kintone', 'error-record-not-found.json'));
      return send(res, 200, state.record);
    }
    if (req.method === 'GET' && url.pathname === '/k/v1/records.json') {
      if (app === KINTONE_ACTIVITY_APP_ID) return send(res, 200, state.activities);
      return send(res, 200, { records: [state.record.record], totalCount: null });
    }
    if (req.method === 'GET' && url.pathname === '/k/v1/record/comments.json') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Math.min(10, Number(url.searchParams.get('limit') ?? 10));
      const sorted = [...state.comments].sort((a, b) => Number(b.id) - Number(a.id));
      return send(res, 200, { comments: sorted.slice(offset, offset + limit), older: sorted.length > offset + limit, newer: offset > 0 });
    }
    if (req.method === 'POST' && url.pathname === '/k/v1/record/comment.json') {
      const id = String(state.nextCommentId++);
      state.comments.push({ id, text: String(body?.comment?.text ?? ''), createdAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), creator: { code: 'Administrator', name: 'Administrator' }, mentions: [] });
      if (state.dropCommentResponses > 0) {
        state.dropCommentResponses--;
        req.socket.destroy();
        return true;
      }
      return send(res, 200, { id });
    }
    if (req.method === 'DELETE' && url.pathname === '/k/v1/record/comment.json') {
      state.comments = state.comments.filter((c) => c.id !== url.searchParams.get('comment'));
      return send(res, 200, {});
    }
    return send(res, 404, { code: 'CB_NO01', id: 'fake-404', message: `No fake for ${req.method} ${url.pathname}` });
  }

  return { handle, state };
}
