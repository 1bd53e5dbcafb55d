// A fake Dynamics 365 environment (contoso.crm7.dynamics.com: record pages and the Dataverse Web API v9.2) and
// Microsoft Entra ID (login.microsoftonline.com) for the end-to-end tests, answering with the documented shapes
// retyped in tests/fixtures/dynamics. Plug `handle` into the fake-hosts HTTPS server.
//
//   const d365 = createDynamicsFake({ now: Date.now(), dropFirstTaskResponse: true });
//   ... sign in from options, open d365.leadUrl, click feedback ... expect(d365.state.tasks).toHaveLength(1)
import { fixture as vendorFixture, FIXTURE_NOW, readBody, send as sendJson, shiftDates } from './vendor-fake-util.mjs';

const fixture = (name) => vendorFixture('dynamics', name);

export const FAKE_ENV = 'contoso.crm7.dynamics.com';
export const FAKE_TENANT = 'contoso.onmicrosoft.com';
export const FAKE_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
export const FAKE_DYNAMICS_LEAD_ID = fixture('lead.json').leadid;

/**
 * @param {{ now?: number, dropFirstTaskResponse?: boolean }} [options]
 *   now: the fixture story happens relative to this instant. dropFirstTaskResponse: the first task POST is
 *   created, then the connection is cut before any answer (what makes Chromium or the outbox send it again).
 */
export function createDynamicsFake(options = {}) {
  const delta = (options.now ?? FIXTURE_NOW) - FIXTURE_NOW;
  const token = fixture('entra-token.json');
  const state = {
    /** Every request, in order: `{ method, host, path }`. */
    requests: [],
    /** Tasks created through the Web API. */
    tasks: [],
    /** Task POSTs received (a resend counts twice). */
    taskPosts: 0,
    dropTaskResponses: options.dropFirstTaskResponse ? 1 : 0,
    tokenForms: [],
    lead: shiftDates(fixture('lead.json'), delta),
  };
  let seq = 0;

  const send = (res, status, body, headers = {}) => sendJson(res, status, body, { 'OData-Version': '4.0', ...headers });
  const authorized = (req) => req.headers.authorization === `Bearer ${token.access_token}`;
  const taskJson = (t) => ({ '@odata.etag': `W/"${seq}"`, activityid: t.activityid, subject: t.subject, description: t.description, createdon: t.createdon, statecode: t.statecode });
  /** `contains(subject,'…')`: bracketed characters are literals (LIKE escaping). */
  const containsLiteral = (filter) => {
    const m = /contains\(subject,'((?:[^']|'')*)'\)/.exec(filter);
    return m ? m[1].replace(/''/g, "'").replace(/\[(.)\]/g, '$1') : null;
  };

  function page(url) {
    return `<!doctype html><html><head><meta charset="utf-8"><title>Lead: 佐藤 花子 - Dynamics 365</title></head>
<body><h1>Dynamics 365 Sales Hub</h1><p>${url.pathname}${url.search}</p></body></html>`;
  }

  function handle(req, res) {
    const host = (req.headers.host ?? '').split(':')[0];
    if (host !== FAKE_ENV && host !== 'login.microsoftonline.com') return false;
    const url = new URL(req.url ?? '/', `https://${host}`);
    const path = decodeURIComponent(url.pathname);
    state.requests.push({ method: req.method, host, path: `${path}${url.search}` });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE' });
      res.end();
      return true;
    }
    void (async () => {
      const body = req.method === 'GET' || req.method === 'DELETE' ? '' : await readBody(req);
      if (host === 'login.microsoftonline.com') {
        // The authorize page answers at once, as if the user had signed in and consented.
        if (/^\/[^/]+\/oauth2\/v2\.0\/authorize$/.test(path)) {
          const to = new URL(url.searchParams.get('redirect_uri'));
          to.searchParams.set('code', '0.AUoA-fake-code');
          to.searchParams.set('state', url.searchParams.get('state') ?? '');
          res.writeHead(302, { Location: to.toString() });
          return res.end();
        }
        if (/^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) {
          const form = new URLSearchParams(body);
          state.tokenForms.push(Object.fromEntries(form));
          if (form.get('grant_type') === 'authorization_code' && form.get('code_verifier')) return send(res, 200, token);
          if (form.get('grant_type') === 'refresh_token') return send(res, 200, token);
          return send(res, 400, fixture('entra-error-invalid-grant.json'));
        }
        return send(res, 404, { error: 'not_found' });
      }
      if (path === '/main.aspx') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(page(url));
      }
      if (!path.startsWith('/api/data/v9.2/')) return send(res, 404, { error: { code: '0x8006088a', message: 'Resource not found.' } });
      if (!authorized(req)) return send(res, 401, { error: { code: '0x80072243', message: 'The user is not authenticated.' } }, { 'WWW-Authenticate': 'Bearer' });
      const rest = path.slice('/api/data/v9.2/'.length);
      const filter = url.searchParams.get('$filter') ?? '';
      const lead = /^leads\(([^)]+)\)$/.exec(rest);
      if (lead && req.method === 'GET') {
        if (lead[1] !== state.lead.leadid) return send(res, 404, fixture('error-not-found.json'));
        const tasks = state.tasks.map((t) => ({ ...taskJson(t), activitytypecode: 'task', actualend: t.actualend ?? null, scheduledstart: null, _ownerid_value: null }));
        return send(res, 200, { ...state.lead, Lead_ActivityPointers: [...state.lead.Lead_ActivityPointers, ...tasks] });
      }
      if (rest === '$batch' && req.method === 'POST') {
        // Most environments have no Customer Insights – Journeys interaction tables: every GET part is answered
        // 404 0x80060888, as Dataverse answers an unknown entity set (execute-batch-operations-using-web-api).
        const boundary = 'batchresponse_e2e';
        const parts = [...body.matchAll(/^GET \/api\/data\/v9\.2\/([^?\s]+)/gm)].map((m) =>
          `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: application/json; odata.metadata=minimal\r\n\r\n${JSON.stringify({ error: { code: '0x80060888', message: `Resource not found for the segment '${m[1]}'.` } })}\r\n`);
        res.writeHead(200, { 'Content-Type': `multipart/mixed; boundary=${boundary}`, 'OData-Version': '4.0' });
        return res.end(`${parts.join('')}--${boundary}--\r\n`);
      }
      if (rest === 'tasks' && req.method === 'GET') {
        const regarding = /_regardingobjectid_value eq ([0-9a-f-]+)/.exec(filter)?.[1];
        const marker = containsLiteral(filter);
        return send(res, 200, { value: state.tasks.filter((t) => t.regarding === regarding && marker !== null && t.subject.includes(marker)).map(taskJson) });
      }
      if (rest === 'tasks' && req.method === 'POST') {
        state.taskPosts += 1;
        const json = JSON.parse(body);
        seq += 1;
        const task = {
          activityid: `7a5c0000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
          subject: json.subject,
          description: json.description,
          actualend: json.actualend,
          createdon: new Date(Date.now() + seq).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          statecode: 0,
          regarding: /\(([^)]+)\)/.exec(json['regardingobjectid_lead_task@odata.bind'] ?? json['regardingobjectid_contact_task@odata.bind'] ?? '')?.[1],
        };
        state.tasks.push(task);
        if (state.dropTaskResponses > 0) {
          state.dropTaskResponses--;
          return req.socket.destroy();
        }
        return send(res, 201, taskJson(task), { 'OData-EntityId': `https://${FAKE_ENV}/api/data/v9.2/tasks(${task.activityid})` });
      }
      const task = /^tasks\(([^)]+)\)$/.exec(rest);
      if (task && req.method === 'PATCH') {
        const t = state.tasks.find((x) => x.activityid === task[1]);
        if (!t) return send(res, 404, fixture('error-not-found.json'));
        Object.assign(t, JSON.parse(body));
        return send(res, 204);
      }
      if (task && req.method === 'DELETE') {
        const at = state.tasks.findIndex((x) => x.activityid === task[1]);
        if (at < 0) return send(res, 404, fixture('error-not-found.json'));
        state.tasks.splice(at, 1);
        return send(res, 204);
      }
      return send(res, 404, { error: { code: '0x8006088a', message: `Resource not found for the segment '${rest}'.` } });
    })();
    return true;
  }

  return {
    handle,
    state,
    leadUrl: `https://${FAKE_ENV}/main.aspx?appid=5f0e7c4d-1a2b-4c3d-8e9f-0a1b2c3d4e5f&pagetype=entityrecord&etn=lead&id=%7B${FAKE_DYNAMICS_LEAD_ID.toUpperCase()}%7D`,
  };
}
