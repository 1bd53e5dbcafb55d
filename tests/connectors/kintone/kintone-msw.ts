import { http, HttpResponse } from 'msw';
import record from '../../fixtures/kintone/record.json';
import activityRecords from '../../fixtures/kintone/activity-records.json';
import comments from '../../fixtures/kintone/comments.json';
import formFields from '../../fixtures/kintone/form-fields.json';
import activityFormFields from '../../fixtures/kintone/activity-form-fields.json';

export const DOMAIN = 'acme.cybozu.com';
export const TOKEN = 'cJrAD9Es62qm0Z3eE6uzQQmaDxM3q9jiDay1oysX';
export const ACTIVITY_TOKEN = '6oDAV8hCY6HTa1AC6EZbNe2dpc1t8QnWZrHOMgMb';

type Comment = (typeof comments.comments)[number];
export interface FakeCall {
  method: string;
  path: string;
  params: URLSearchParams;
  token: string | null;
  body?: unknown;
}

/**
 * A kintone domain in memory answering the documented shapes: the lead app 12 (one record, fixtures), its activity
 * app 13, the record's comments (added, listed newest first 10 a page, deleted). `resendNextPost` makes the next
 * comment POST land twice, as a browser's silent resend of a POST on a dropped keep-alive connection does.
 */
export function kintoneFake(opts: { guestSpaceId?: string; domain?: string } = {}) {
  const base = `https://${opts.domain ?? DOMAIN}${opts.guestSpaceId ? `/k/guest/${opts.guestSpaceId}/v1` : '/k/v1'}`;
  const calls: FakeCall[] = [];
  const state = { comments: [...comments.comments] as Comment[], nextId: 4, resendNextPost: false, records: [record.record] as Record<string, unknown>[] };
  const log = async (request: Request) => {
    const url = new URL(request.url);
    const body = request.method === 'POST' ? await request.json() : undefined;
    calls.push({ method: request.method, path: url.pathname, params: url.searchParams, token: request.headers.get('X-Cybozu-API-Token'), body });
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
