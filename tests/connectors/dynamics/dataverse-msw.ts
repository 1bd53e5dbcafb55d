import { http, HttpResponse } from 'msw';
import lead from '../../fixtures/dynamics/lead.json';
import contact from '../../fixtures/dynamics/contact.json';
import token from '../../fixtures/dynamics/entra-token.json';
import whoami from '../../fixtures/dynamics/whoami.json';

export const ENV = 'contoso.crm7.dynamics.com';
export const BASE = `https://${ENV}/api/data/v9.2/`;
export const TENANT = 'contoso.onmicrosoft.com';
export const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
export const LEAD_ID = lead.leadid;
export const CONTACT_ID = contact.contactid;

export interface FakeTask {
  activityid: string;
  subject: string;
  description: string;
  createdon: string;
  statecode: number;
  regarding: string;
}

type Json = Record<string, unknown>;

/** `contains(subject,'…')` as Dataverse reads it: bracketed characters are literals (LIKE escaping). */
function containsLiteral(filter: string): string | null {
  const m = /contains\(subject,'((?:[^']|'')*)'\)/.exec(filter);
  return m ? (m[1] ?? '').replace(/''/g, "'").replace(/\[(.)\]/g, '$1') : null;
}

/**
 * A small Dataverse environment and Entra ID for the unit tests: documented fixtures for reads, a real task list
 * for feedback, every request logged. `resendNextCreate` makes the next POST create two tasks, as a POST resent
 * below fetch does.
 */
/**
 * A `$batch` of GETs answered as the batch doc shows: one application/http part per request, a part whose
 * entity set is not in `tables` answered 404 `0x80060888` (the environment has no such table).
 * https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/execute-batch-operations-using-web-api
 */
export function batchAnswer(requestBody: string, tables: Record<string, Json[]> | undefined): HttpResponse<string> {
  const boundary = 'batchresponse_3f2a9c1e-5d7b-4e8a-9c0d-1a2b3c4d5e6f';
  const gets = [...requestBody.matchAll(/^GET (\S+) HTTP\/1\.1/gm)].map((m) => m[1]!);
  const parts = gets.map((target) => {
    const url = new URL(target, 'https://x');
    const set = url.pathname.replace('/api/data/v9.2/', '');
    const rows = tables?.[set];
    const filter = url.searchParams.get('$filter') ?? '';
    const answer = rows
      ? { status: '200 OK', body: { value: rows.filter((r) => filter.includes(String(r.msdynmkt_profileid ?? '')) || set === 'msevtmgt_eventregistrations') } }
      : { status: '404 Not Found', body: { error: { code: '0x80060888', message: `Resource not found for the segment '${set}'.` } } };
    return `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 ${answer.status}\r\nContent-Type: application/json; odata.metadata=minimal\r\nOData-Version: 4.0\r\n\r\n${JSON.stringify(answer.body)}\r\n`;
  });
  return new HttpResponse(`${parts.join('')}--${boundary}--\r\n`, { status: 200, headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}`, 'OData-Version': '4.0' } });
}

export function dataverseFake(options: { leads?: Json[]; pageSize?: number; journeys?: Record<string, Json[]> } = {}) {
  const requests: { method: string; url: URL; body: string; auth: string | null; prefer: string | null }[] = [];
  const tokenForms: URLSearchParams[] = [];
  const tasks: FakeTask[] = [];
  let seq = 0;
  let clock = Date.UTC(2026, 10, 25, 3, 0);
  const state = {
    resendNextCreate: false,
    /** The next Web API answer, once: e.g. a 429 or a 401. */
    nextFailure: null as null | { status: number; body: Json; headers?: Record<string, string> },
    tokenFailure: null as null | { status: number; body: Json },
    validTokens: new Set<string>([token.access_token]),
    leadOverride: null as Json | null,
    /** Records deleted since the last delta token, reported as $deletedEntity rows (change tracking). */
    deleted: { leads: [] as string[], contacts: [] as string[] },
    /** A table whose change tracking is off: Dataverse refuses odata.track-changes on it. */
    untracked: new Set<string>(),
    /** Contacts the contacts listing holds (default: the fixture contact). */
    contacts: [contact] as Json[],
  };
  let deltaVersion = 1000;
  const leads = options.leads ?? [lead];
  const pageSize = options.pageSize ?? 2;

  const newTask = (body: Json): FakeTask => {
    seq += 1;
    clock += 1000;
    const bind = String(body['regardingobjectid_lead_task@odata.bind'] ?? body['regardingobjectid_contact_task@odata.bind'] ?? '');
    const t: FakeTask = {
      activityid: `7a5c0000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      subject: String(body.subject),
      description: String(body.description),
      createdon: new Date(clock).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      statecode: 0,
      regarding: /\(([^)]+)\)/.exec(bind)?.[1] ?? '',
    };
    tasks.push(t);
    return t;
  };
  const taskJson = (t: FakeTask) => ({ '@odata.etag': `W/"${t.activityid.slice(-4)}"`, activityid: t.activityid, subject: t.subject, description: t.description, createdon: t.createdon, statecode: t.statecode });

  const handlers = [
    http.post(`https://login.microsoftonline.com/:tenant/oauth2/v2.0/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      tokenForms.push(form);
      if (state.tokenFailure) return HttpResponse.json(state.tokenFailure.body, { status: state.tokenFailure.status });
      const n = tokenForms.length;
      const access = `${token.access_token}.${n}`;
      state.validTokens.add(access);
      return HttpResponse.json({ ...token, access_token: access, refresh_token: `1.AUoA-refresh-token-${n + 1}` });
    }),
    http.all(`${BASE}*`, async ({ request }) => {
      const url = new URL(request.url);
      const body = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
      const auth = request.headers.get('Authorization');
      requests.push({ method: request.method, url, body, auth, prefer: request.headers.get('Prefer') });
      if (!auth || !state.validTokens.has(auth.replace(/^Bearer /, ''))) {
        return new HttpResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
      }
      if (state.nextFailure) {
        const f = state.nextFailure;
        state.nextFailure = null;
        return HttpResponse.json(f.body, { status: f.status, headers: f.headers });
      }
      const path = decodeURIComponent(url.pathname.replace('/api/data/v9.2/', ''));
      const filter = url.searchParams.get('$filter') ?? '';
      if (request.method === 'GET' && path === 'WhoAmI') return HttpResponse.json(whoami);
      if (request.method === 'POST' && path === '$batch') return batchAnswer(body, options.journeys);
      let m = /^leads\(([^)]+)\)$/.exec(path);
      if (request.method === 'GET' && m) {
        const found = leads.find((l) => l.leadid === m![1]);
        if (!found) return HttpResponse.json({ error: { code: '0x80040217', message: `lead With Id = ${m[1]} Does Not Exist` } }, { status: 404 });
        const withTasks = tasks.filter((t) => t.regarding === m![1]).map((t) => ({ ...taskJson(t), activitytypecode: 'task', actualend: null, scheduledstart: null, _ownerid_value: null }));
        const base = state.leadOverride ?? found;
        return HttpResponse.json({ ...base, Lead_ActivityPointers: [...((base.Lead_ActivityPointers as Json[]) ?? []), ...withTasks] });
      }
      m = /^contacts\(([^)]+)\)$/.exec(path);
      if (request.method === 'GET' && m) return m[1] === contact.contactid ? HttpResponse.json(contact) : HttpResponse.json({ error: { code: '0x80040217', message: 'contact Does Not Exist' } }, { status: 404 });
      const prefer = request.headers.get('Prefer') ?? '';
      if (request.method === 'GET' && (path === 'leads' || path === 'contacts') && prefer.includes('odata.track-changes')) {
        // https://learn.microsoft.com/en-us/power-apps/developer/data-platform/use-change-tracking-synchronize-data-external-systems
        if (state.untracked.has(path)) return HttpResponse.json({ error: { code: '0x80044150', message: `Change tracking is not enabled for ${path}.` } }, { status: 400 });
        const key = path === 'leads' ? 'leadid' : 'contactid';
        deltaVersion += 1;
        const deltaLink = `${BASE}${path}?$select=${key}&$deltatoken=${deltaVersion}%2111%2f25%2f2026%2003%3a00%3a00`;
        if (!url.searchParams.get('$deltatoken')) {
          const rows = (path === 'leads' ? leads : state.contacts).map((r: Json) => ({ '@odata.etag': 'W/"1"', [key]: r[key] }));
          return HttpResponse.json({ '@odata.context': `${BASE}$metadata#${path}(${key})`, '@odata.deltaLink': deltaLink, value: rows });
        }
        const gone = state.deleted[path].splice(0);
        return HttpResponse.json({
          '@odata.context': `${BASE}$metadata#${path}(${key})/$delta`,
          '@odata.deltaLink': deltaLink,
          value: gone.map((id) => ({ '@odata.context': `${BASE}$metadata#${path}/$deletedEntity`, id, reason: 'deleted' })),
        });
      }
      if (request.method === 'GET' && path === 'leads') {
        const email = /emailaddress1 eq '([^']*)'/.exec(filter)?.[1];
        if (email !== undefined) return HttpResponse.json({ value: leads.filter((l) => String(l.emailaddress1).toLowerCase() === email) });
        const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
        const slice = leads.slice(skip, skip + pageSize);
        const next = skip + pageSize < leads.length ? `${BASE}leads?$skiptoken=${skip + pageSize}` : undefined;
        return HttpResponse.json({ value: slice, ...(next ? { '@odata.nextLink': next } : {}) });
      }
      if (request.method === 'GET' && path === 'contacts') {
        const email = /emailaddress1 eq '([^']*)'/.exec(filter)?.[1];
        if (email !== undefined) return HttpResponse.json({ value: String(contact.emailaddress1).toLowerCase() === email ? [contact] : [] });
        const direct = filter.includes('_originatingleadid_value eq null') ? state.contacts.filter((c) => !c._originatingleadid_value) : state.contacts;
        return HttpResponse.json({ value: direct });
      }
      if (request.method === 'GET' && path === 'tasks') {
        const regarding = /_regardingobjectid_value eq ([0-9a-f-]+)/.exec(filter)?.[1];
        const marker = containsLiteral(filter);
        const hits = tasks.filter((t) => t.regarding === regarding && marker !== null && t.subject.includes(marker));
        return HttpResponse.json({ value: hits.map(taskJson) });
      }
      if (request.method === 'POST' && path === 'tasks') {
        const json = JSON.parse(body) as Json;
        if (state.resendNextCreate) {
          state.resendNextCreate = false;
          newTask(json); // the first send, whose answer never reached fetch
        }
        const t = newTask(json);
        return HttpResponse.json(taskJson(t), { status: 201, headers: { 'OData-EntityId': `${BASE}tasks(${t.activityid})` } });
      }
      m = /^tasks\(([^)]+)\)$/.exec(path);
      if (m && request.method === 'PATCH') {
        const t = tasks.find((x) => x.activityid === m![1]);
        if (!t) return HttpResponse.json({ error: { code: '0x80040217', message: 'task Does Not Exist' } }, { status: 404 });
        Object.assign(t, JSON.parse(body) as Json);
        return new HttpResponse(null, { status: 204 });
      }
      if (m && request.method === 'DELETE') {
        const i = tasks.findIndex((x) => x.activityid === m![1]);
        if (i < 0) return HttpResponse.json({ error: { code: '0x80040217', message: 'task Does Not Exist' } }, { status: 404 });
        tasks.splice(i, 1);
        return new HttpResponse(null, { status: 204 });
      }
      return HttpResponse.json({ error: { code: '0x8006088a', message: `Resource not found for the segment '${path}'.` } }, { status: 404 });
    }),
  ];
  return { handlers, requests, tokenForms, tasks, state };
}
