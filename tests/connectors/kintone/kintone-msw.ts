import { http, HttpResponse } from 'msw';
import record from '../../fixtures/kintone/record.json';
import activityRecords from '../../fixtures/kintone/activity-records.json';
import comments from '../../fixtures/kintone/comments.json';
import formFields from '../../fixtures/kintone/form-fields.json';
import activityFormFields from '../../fixtures/kintone/activity-form-fields.json';
import oauthRejected from '../../fixtures/kintone/error-oauth-token.json';
import oauthToken from '../../fixtures/kintone/oauth-token.json';
import oauthRefreshed from '../../fixtures/kintone/oauth-token-refreshed.json';
import oauthInvalidGrant from '../../fixtures/kintone/oauth-error-invalid-grant.json';

export const DOMAIN = 'acme.cybozu.com';
export const TOKEN = 'cJrAD9Es62qm0Z3eE6uzQQmaDxM3q9jiDay1oysX';
export const ACTIVITY_TOKEN = '6oDAV8hCY6HTa1AC6EZbNe2dpc1t8QnWZrHOMgMb';

type Comment = (typeof comments.comments)[number];
export interface FakeCall {
  method: string;
  path: string;
  params: URLSearchParams;
  token: string | null;
  /** The `Authorization` header (OAuth: `Bearer …`). */
  authorization: string | null;
  body?: unknown;
}

/**
 * A kintone domain in memory answering the documented shapes: the lead app 12 (one record, fixtures), its activity
 * app 13, the record's comments (added, listed newest first 10 a page, deleted). `resendNextPost` makes the next
 * comment POST land twice, as a browser's silent resend of a POST on a dropped keep-alive connection does.
 */
export function kintoneFake(opts: { guestSpaceId?: string; domain?: string; bearer?: () => string | undefined } = {}) {
  const base = `https://${opts.domain ?? DOMAIN}${opts.guestSpaceId ? `/k/guest/${opts.guestSpaceId}/v1` : '/k/v1'}`;
  const calls: FakeCall[] = [];
  const state = { comments: [...comments.comments] as Comment[], nextId: 4, resendNextPost: false, records: [record.record] as Record<string, unknown>[] };
  const log = async (request: Request) => {
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.json() : undefined;
    const authorization = request.headers.get('Authorization');
    calls.push({ method: request.method, path: url.pathname, params: url.searchParams, token: request.headers.get('X-Cybozu-API-Token'), authorization, body });
    // OAuth: only the access token the token endpoint handed out last is good; anything else is refused unread.
    if (opts.bearer && authorization !== `Bearer ${opts.bearer() ?? ''}`) throw HttpResponse.json(oauthRejected, { status: 401 });
    return { url, body };
  };
  const handlers = [
    http.get(`${base}/record.json`, async ({ request }) => {
      const { url } = await log(request);
      if (url.searchParams.get('app') !== '12') return HttpResponse.json({ code: 'GAIA_AP01', id: 'app-missing-1', message: '指定したアプリ（id: 99）が見つかりません。' }, { status: 404 });
      const found = state.records.find((r) => (r.$id as { value: string }).value === url.searchParams.get('id'));
      if (!found) return HttpResponse.json({ code: 'GAIA_RE01', id: '1505999166-897850006', message: `指定したレコード（id: ${url.searchParams.get('id')}）が見つかりません。` }, { status: 404 });
      return HttpResponse.json({ record: found });
    }),
    http.get(`${base}/records.json`, async ({ request }) => {
      const { url } = await log(request);
      const app = url.searchParams.get('app');
      const query = url.searchParams.get('query') ?? '';
      if (app === '13') return HttpResponse.json(activityRecords);
      const after = Number(/\$id > (\d+)/.exec(query)?.[1] ?? 0);
      const limit = Number(/limit (\d+)/.exec(query)?.[1] ?? 100);
      const rows = state.records.filter((r) => Number((r.$id as { value: string }).value) > after).slice(0, limit);
      return HttpResponse.json({ records: rows, totalCount: url.searchParams.get('totalCount') === 'true' ? String(state.records.length) : null });
    }),
    http.get(`${base}/record/comments.json`, async ({ request }) => {
      const { url } = await log(request);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Math.min(10, Number(url.searchParams.get('limit') ?? 10));
      const sorted = [...state.comments].sort((a, b) => Number(b.id) - Number(a.id));
      return HttpResponse.json({ comments: sorted.slice(offset, offset + limit), older: sorted.length > offset + limit, newer: offset > 0 });
    }),
    http.post(`${base}/record/comment.json`, async ({ request }) => {
      const { body } = await log(request);
      const text = (body as { comment: { text: string } }).comment.text;
      const add = () => {
        const id = String(state.nextId++);
        state.comments.push({ id, text, createdAt: '2026-11-25T03:00:05Z', creator: { code: 'Administrator', name: 'Administrator' }, mentions: [] });
        return id;
      };
      if (state.resendNextPost) {
        state.resendNextPost = false;
        add(); // the first copy, whose answer the browser never saw
      }
      return HttpResponse.json({ id: add() });
    }),
    http.delete(`${base}/record/comment.json`, async ({ request }) => {
      const { url } = await log(request);
      state.comments = state.comments.filter((c) => c.id !== url.searchParams.get('comment'));
      return HttpResponse.json({});
    }),
    http.get(`${base}/app/form/fields.json`, async ({ request }) => {
      const { url } = await log(request);
      return HttpResponse.json(url.searchParams.get('app') === '13' ? activityFormFields : formFields);
    }),
  ];
  const baton = () => state.comments.filter((c) => c.text.includes('[baton:'));
  return { handlers, calls, state, baton };
}

export const CLIENT_ID = 'l.1.abcdefghijklmnop';
export const CLIENT_SECRET = 'Zx3cV5bN7mQ9wE1rT3yU5iO7pA9sD1fG';

/**
 * kintone's OAuth token endpoint in memory: an authorization code for the documented first answer (access and
 * refresh token), a refresh token for the documented refresh answer (a new access token, no new refresh token).
 * `current()` is the access token the API accepts (give it to `kintoneFake({ bearer })`); `expire()` makes the
 * API refuse it, as kintone does when a token's hour is up earlier than Baton's clock says.
 */
export function kintoneTokenEndpoint(opts: { domain?: string; code?: string } = {}) {
  const forms: Record<string, string>[] = [];
  const headers: (string | null)[] = [];
  const state = { current: oauthToken.access_token as string | undefined, refreshes: 0, refuseRefresh: false };
  const handler = http.post(`https://${opts.domain ?? DOMAIN}/oauth2/token`, async ({ request }) => {
    const form = Object.fromEntries(new URLSearchParams(await request.text()));
    forms.push(form);
    headers.push(request.headers.get('Authorization'));
    if (request.headers.get('Authorization') !== `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`) {
      return HttpResponse.json({ error: 'invalid_client', error_description: 'Client authentication failed.' }, { status: 401 });
    }
    if (form.grant_type === 'authorization_code' && form.code === (opts.code ?? 'fake-code')) {
      state.current = oauthToken.access_token;
      return HttpResponse.json(oauthToken);
    }
    if (form.grant_type === 'refresh_token' && form.refresh_token === oauthToken.refresh_token && !state.refuseRefresh) {
      state.refreshes++;
      state.current = `${oauthRefreshed.access_token}-${state.refreshes}`;
      return HttpResponse.json({ ...oauthRefreshed, access_token: state.current });
    }
    return HttpResponse.json(oauthInvalidGrant, { status: 400 });
  });
  return {
    handler,
    forms,
    headers,
    state,
    current: () => state.current,
    expire: () => {
      state.current = 'no-token-is-good-now';
    },
  };
}
