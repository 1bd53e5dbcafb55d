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
/** The kintone OAuth client a cybozu.com administrator added (made-up values). */
export const KINTONE_CLIENT_ID = 'l.1.e2eclientid0001';
export const KINTONE_CLIENT_SECRET = 'Zx3cV5bN7mQ9wE1rT3yU5iO7pA9sD1fG';

/** Today's date in Tokyo, as a kintone DATE field holds it. */
function tokyoDate(ms) {
  return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * @param {{ now?: number, dropFirstCommentResponse?: boolean }} [options]
 *   dropFirstCommentResponse: the first comment is stored, then the connection is cut before the answer (Chromium may
 *   resend the POST on a fresh connection; the outbox may retry): one comment must be left.
 *
 * OAuth (a kintone OAuth client): `/oauth2/authorization` answers at once, as if the person had signed in and
 * consented, by redirecting to `redirect_uri` with a code and the state; `/oauth2/token` takes the client's HTTP Basic
 * credentials and answers an authorization code or the refresh token with the documented shapes
 * (tests/fixtures/kintone/oauth-token*.json). The REST API then takes `Authorization: Bearer <the last access token>`
 * for every app; `expireAccessToken()` makes it refuse that token with 401 CB_OA01, as kintone does after its hour.
 */
export function createKintoneFake(options = {}) {
  const now = options.now ?? FIXTURE_NOW;
  const delta = now - FIXTURE_NOW;
  const record = shiftDates(fixture('kintone', 'record.json'), delta);
  // Handed to sales today (商談化日), and never touched since: the SLA clock runs.
  record.record['商談化日'].value = tokyoDate(now);
  const state = {
    /** Every API request: `{ method, path, app, token, authorization }`. */
    requests: [],
    record,
    activities: shiftDates(fixture('kintone', 'activity-records.json'), delta),
    comments: shiftDates(fixture('kintone', 'comments.json'), delta).comments,
    nextCommentId: 4,
    dropCommentResponses: options.dropFirstCommentResponse ? 1 : 0,
    /** OAuth: every authorization request's parameters, token request's form and its Authorization header. */
    authorizations: [],
    tokenRequests: [],
    /** The access token the API takes (none until someone signs in). */
    accessToken: null,
    refreshes: 0,
  };
  const oauthToken = fixture('kintone', 'oauth-token.json');
  const oauthRefreshed = fixture('kintone', 'oauth-token-refreshed.json');
  const basic = `Basic ${Buffer.from(`${KINTONE_CLIENT_ID}:${KINTONE_CLIENT_SECRET}`).toString('base64')}`;
  const tokenError = fixture('kintone', 'error-api-token.json');

  async function handle(req, res) {
    if ((req.headers.host ?? '').split(':')[0] !== KINTONE_DOMAIN) return false;
    const url = new URL(req.url ?? '/', `https://${KINTONE_DOMAIN}`);
    if (req.method === 'GET' && /^\/k\/\d+\/show$/.test(url.pathname)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><meta charset="utf-8"><title>案件管理 - kintone</title></head><body><h1>案件管理</h1></body></html>');
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/oauth2/authorization') {
      state.authorizations.push(Object.fromEntries(url.searchParams));
      const to = new URL(url.searchParams.get('redirect_uri') ?? 'about:blank');
      to.searchParams.set('code', 'e2e-authorization-code');
      to.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { Location: to.toString() });
      res.end();
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/oauth2/token') {
      const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
      state.tokenRequests.push({ form, authorization: req.headers.authorization ?? null });
      if (req.headers.authorization !== basic) return send(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed.' });
      if (form.grant_type === 'authorization_code' && form.code === 'e2e-authorization-code') {
        state.accessToken = oauthToken.access_token;
        return send(res, 200, oauthToken);
      }
      if (form.grant_type === 'refresh_token' && form.refresh_token === oauthToken.refresh_token) {
        state.refreshes++;
        state.accessToken = `${oauthRefreshed.access_token}-${state.refreshes}`;
        return send(res, 200, { ...oauthRefreshed, access_token: state.accessToken });
      }
      return send(res, 400, fixture('kintone', 'oauth-error-invalid-grant.json'));
    }
    if (!url.pathname.startsWith('/k/v1/')) return false;
    const token = req.headers['x-cybozu-api-token'] ?? null;
    const authorization = req.headers.authorization ?? null;
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : undefined;
    const app = url.searchParams.get('app') ?? String(body?.app ?? '');
    state.requests.push({ method: req.method, path: url.pathname, app, token, authorization });
    if (authorization?.startsWith('Bearer ')) {
      if (!state.accessToken || authorization !== `Bearer ${state.accessToken}`) return send(res, 401, fixture('kintone', 'error-oauth-token.json'));
    } else {
      const tokens = String(token ?? '').split(',').map((t) => t.trim());
      if (!tokens.includes(app === KINTONE_ACTIVITY_APP_ID ? KINTONE_ACTIVITY_TOKEN : KINTONE_TOKEN)) return send(res, 400, tokenError);
    }

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

  /** kintone stops taking the access token it handed out (its hour is up, or the session was ended). */
  function expireAccessToken() {
    state.accessToken = 'expired';
  }

  return { handle, state, expireAccessToken };
}
