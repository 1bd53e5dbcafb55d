import { http, HttpResponse } from 'msw';
import token from '../../fixtures/marketo/token.json';
import lead from '../../fixtures/marketo/lead.json';
import pagingToken from '../../fixtures/marketo/paging-token.json';
import page1 from '../../fixtures/marketo/activities-page-1.json';
import page2 from '../../fixtures/marketo/activities-page-2.json';
import types from '../../fixtures/marketo/activity-types.json';
import leadsByEmail from '../../fixtures/marketo/leads-by-email.json';

export const ENDPOINT = 'https://123-abc-456.mktorest.com';

/**
 * A small Marketo: identity, lead, paging token, two activity pages, types, lookup by e-mail. Every request is
 * logged with the token it carried; `failNext` queues envelope errors (HTTP 200, success: false) per path.
 */
export function marketoFake(opts: { onePage?: boolean } = {}) {
  const requests: { method: string; path: string; query: URLSearchParams; auth: string | null; contentType: string | null; form?: URLSearchParams }[] = [];
  const failNext = new Map<string, object[]>();
  let tokensIssued = 0;
  const log = (request: Request, form?: URLSearchParams) => {
    const url = new URL(request.url);
    const contentType = request.headers.get('Content-Type');
    requests.push({ method: request.method, path: url.pathname, query: url.searchParams, auth: request.headers.get('Authorization'), contentType, form });
    const queue = failNext.get(url.pathname);
    return queue?.shift();
  };
  const handlers = [
    // Marketo's identity service takes GET or POST; Baton posts the credentials as a form, so the secret is never
    // in a URL (logs, proxies). https://experienceleague.adobe.com/en/docs/marketo-developer/marketo/rest/authentication
    http.post(`${ENDPOINT}/identity/oauth/token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      log(request, form);
      if (form.get('grant_type') !== 'client_credentials' || !form.get('client_id') || !form.get('client_secret')) {
        return HttpResponse.json({ error: 'invalid_request', error_description: 'Missing credentials' }, { status: 400 });
      }
      tokensIssued++;
      return HttpResponse.json({ ...token, access_token: `token-${tokensIssued}:int` });
    }),
    http.get(`${ENDPOINT}/rest/v1/lead/:id`, ({ request, params }) => {
      const fail = log(request);
      if (fail) return HttpResponse.json(fail);
      return HttpResponse.json(params.id === '318581.json' ? lead : { requestId: 'r#0', result: [], success: true });
    }),
    http.get(`${ENDPOINT}/rest/v1/activities/pagingtoken.json`, ({ request }) => {
      const fail = log(request);
      return HttpResponse.json(fail ?? pagingToken);
    }),
    http.get(`${ENDPOINT}/rest/v1/activities.json`, ({ request }) => {
      const fail = log(request);
      if (fail) return HttpResponse.json(fail);
      const next = new URL(request.url).searchParams.get('nextPageToken');
      return HttpResponse.json(opts.onePage || next === page1.nextPageToken ? page2 : page1);
    }),
    http.get(`${ENDPOINT}/rest/v1/activities/types.json`, ({ request }) => {
      const fail = log(request);
      return HttpResponse.json(fail ?? types);
    }),
    http.get(`${ENDPOINT}/rest/v1/leads.json`, ({ request }) => {
      const fail = log(request);
      return HttpResponse.json(fail ?? leadsByEmail);
    }),
  ];
  return {
    handlers,
    requests,
    failNext: (path: string, ...bodies: object[]) => failNext.set(path, bodies),
    get tokensIssued() {
      return tokensIssued;
    },
  };
}
