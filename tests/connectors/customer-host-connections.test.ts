import { setupServer } from 'msw/node';
import { createDynamicsConnector } from '../../lib/connectors/dynamics/dynamics-connector';
import { DYNAMICS_AUTH_KEY, saveDynamicsSettings } from '../../lib/connectors/dynamics/settings';
import { createKintoneConnector } from '../../lib/connectors/kintone/kintone-connector';
import { saveKintoneMapping, saveKintoneSettings } from '../../lib/connectors/kintone/settings';
import { guessActivityMapping, guessLeadMapping } from '../../lib/connectors/kintone/guess-mapping';
import { formFieldsResponseSchema } from '../../lib/connectors/kintone/schemas';
import { memoryStore } from '../../lib/connectors/local-store';
import { ConnectorError } from '../../lib/connectors/connector';
import { CUSTOMER_HOSTS_KEY } from '../../lib/sites/customer-hosts';
import type { RecordRef } from '../../lib/domain/model';
import { CLIENT_ID, dataverseFake, LEAD_ID, TENANT } from './dynamics/dataverse-msw';
import { ACTIVITY_TOKEN, TOKEN, kintoneFake } from './kintone/kintone-msw';
import token from '../fixtures/dynamics/entra-token.json';
import formFields from '../fixtures/kintone/form-fields.json';
import activityFormFields from '../fixtures/kintone/activity-form-fields.json';
import lead from '../fixtures/dynamics/lead.json';
import { http, HttpResponse } from 'msw';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);

async function errorOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe('Connections on a customer host (Options › Customer hosts)', () => {
  it('Dynamics 365 on a custom domain: refused until it is added as a Dynamics host, then read with a token for it', async () => {
    const custom = 'crm.acme.co.jp';
    const storage = memoryStore();
    await expect(saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: `https://${custom}/main.aspx` })).rejects.toThrow(/Customer hosts/);

    await storage.set(CUSTOMER_HOSTS_KEY, [{ host: custom, system: 'dynamics' }]);
    await saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: `https://${custom}/main.aspx` });
    await storage.set(DYNAMICS_AUTH_KEY, { version: 1, tenant: TENANT, clientId: CLIENT_ID, refreshToken: 'r', tokens: { [custom]: { accessToken: token.access_token, expiresAt: NOW + 3_600_000 } } });
    const seen: string[] = [];
    server.use(
      http.get(`https://${custom}/api/data/v9.2/*`, ({ request }) => {
        seen.push(`${new URL(request.url).pathname} ${request.headers.get('Authorization')}`);
        return HttpResponse.json(lead);
      }),
      http.post(`https://${custom}/api/data/v9.2/$batch`, () => new HttpResponse('--b--\r\n', { headers: { 'Content-Type': 'multipart/mixed; boundary=b' } })),
    );
    const ref: RecordRef = { system: 'dynamics', instance: custom, object: 'lead', id: LEAD_ID };
    const connector = createDynamicsConnector({ storage, now: () => NOW });
    expect((await connector.fetchContext(ref, { now: NOW })).person.name).toBe('佐藤 花子');
    expect(seen).toEqual([`/api/data/v9.2/leads(${LEAD_ID}) Bearer ${token.access_token}`]);

    // Removed from Customer hosts: no token is sent there any more.
    await storage.set(CUSTOMER_HOSTS_KEY, []);
    expect(await errorOf(connector.fetchContext(ref, { now: NOW }))).toMatchObject({ code: 'UNTRUSTED_HOST' });
    expect(seen).toHaveLength(1);
  });

  it('a Dynamics host added for another vendor is not a Dynamics environment', async () => {
    server.use(...dataverseFake().handlers);
    const storage = memoryStore();
    await storage.set(CUSTOMER_HOSTS_KEY, [{ host: 'sfa.acme.co.jp', system: 'kintone' }]);
    await expect(saveDynamicsSettings(storage, { tenant: TENANT, clientId: CLIENT_ID, environmentHost: 'sfa.acme.co.jp' })).rejects.toThrow(/not a Dynamics 365 host/);
  });

  it('kintone on a custom domain: refused until it is added as a kintone host, then the record is read there', async () => {
    const custom = 'sfa.acme.co.jp';
    const fake = kintoneFake({ domain: custom });
    server.use(...fake.handlers);
    const storage = memoryStore();
    const settings = { domain: `https://${custom}/k/12/`, appId: '12', token: TOKEN, activityToken: ACTIVITY_TOKEN };
    await expect(saveKintoneSettings(storage, settings)).rejects.toThrow(/Customer hosts/);

    await storage.set(CUSTOMER_HOSTS_KEY, [{ host: custom, system: 'kintone' }]);
    await saveKintoneSettings(storage, settings);
    const leadMap = guessLeadMapping(formFieldsResponseSchema.parse(formFields).properties);
    const act = guessActivityMapping(formFieldsResponseSchema.parse(activityFormFields).properties, '12');
    await saveKintoneMapping(storage, '12', undefined, { ...leadMap, activity: { appId: leadMap.activity!.appId, keyField: leadMap.activity!.keyField, linkField: leadMap.activity!.linkField, dateField: act.dateField!, typeField: act.typeField, subjectField: act.subjectField, byField: act.byField, types: act.types } });
    const ref: RecordRef = { system: 'kintone', instance: custom, object: 'app:12', id: '42' };
    const connector = createKintoneConnector({ storage, now: () => NOW });
    const context = await connector.fetchContext(ref, { now: NOW });
    expect(context.person.email).toBe('taro.yamada@example.co.jp');
    expect(fake.calls.length).toBeGreaterThan(0);

    await storage.set(CUSTOMER_HOSTS_KEY, []);
    const before = fake.calls.length;
    expect(await errorOf(connector.fetchContext(ref, { now: NOW }))).toMatchObject({ code: 'UNTRUSTED_HOST' });
    expect(fake.calls).toHaveLength(before);
  });
});
