import { setupServer } from 'msw/node';
import { createKintoneConnector } from '../../../lib/connectors/kintone/kintone-connector';
import { guessActivityMapping, guessLeadMapping } from '../../../lib/connectors/kintone/guess-mapping';
import { saveKintoneMapping, saveKintoneSettings } from '../../../lib/connectors/kintone/settings';
import { formFieldsResponseSchema } from '../../../lib/connectors/kintone/schemas';
import { memoryStore } from '../../../lib/connectors/local-store';
import type { ListPage } from '../../../lib/connectors/listing';
import { ACTIVITY_TOKEN, DOMAIN, TOKEN, kintoneFake } from './kintone-msw';
import record from '../../fixtures/kintone/record.json';
import formFields from '../../fixtures/kintone/form-fields.json';
import activityFormFields from '../../fixtures/kintone/activity-form-fields.json';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const FROM = Date.UTC(2026, 9, 1);
const TO = Date.UTC(2026, 11, 1);

async function connected() {
  const storage = memoryStore();
  await saveKintoneSettings(storage, { domain: DOMAIN, appId: '12', token: TOKEN, activityToken: ACTIVITY_TOKEN });
  const lead = guessLeadMapping(formFieldsResponseSchema.parse(formFields).properties);
  const act = guessActivityMapping(formFieldsResponseSchema.parse(activityFormFields).properties, '12');
  await saveKintoneMapping(storage, '12', undefined, { ...lead, activity: { ...lead.activity, dateField: act.dateField, typeField: act.typeField, types: act.types } });
  return storage;
}

/** 150 leads: the fixture's record 42 and copies with ids 1000…1148 (another person each). */
function seed(fake: ReturnType<typeof kintoneFake>) {
  const copies = Array.from({ length: 149 }, (_, i) => {
    const id = String(1000 + i);
    return { ...record.record, $id: { type: '__ID__', value: id }, レコード番号: { type: 'RECORD_NUMBER', value: id }, メールアドレス: { type: 'SINGLE_LINE_TEXT', value: `lead${id}@example.jp` } };
  });
  fake.state.records = [record.record, ...copies];
}

async function drain(gen: AsyncGenerator<ListPage, void, void>, stopAfter = Infinity): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  for await (const page of gen) {
    pages.push(page);
    if (pages.length >= stopAfter) break;
  }
  return pages;
}

describe('kintone listing for the team sync', () => {
  it('lists every lead of the period by $id pages, with each lead’s activities, and resumes from a cursor', async () => {
    const fake = kintoneFake();
    seed(fake);
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connected() });
    expect(await connector.listingInstance()).toBe(DOMAIN);

    const first = await drain(connector.listContexts({ from: FROM, to: TO, scope: 'team' }, { now: NOW }), 1);
    expect(first[0]?.contexts).toHaveLength(100);
    expect(first[0]?.progress).toEqual({ done: 100, total: 150 });
    expect(first[0]?.calls).toBe(2);
    const query = fake.calls[0]?.params.get('query');
    expect(query).toBe('作成日時 < "2026-12-01T00:00:00Z" and 更新日時 >= "2026-10-01T00:00:00Z" and $id > 0 order by $id asc limit 100');
    const lead42 = first[0]?.contexts.find((c) => c.ref.id === '42');
    expect(lead42?.activities.map((a) => a.type)).toEqual(['note', 'call']);
    expect(lead42?.stageChanges.some((s) => s.stage === 'mql')).toBe(true);

    const rest = await drain(connector.listContexts({ from: FROM, to: TO, scope: 'team', cursor: first[0]!.cursor! }, { now: NOW }));
    expect(rest).toHaveLength(1);
    expect(rest[0]?.cursor).toBeNull();
    expect(rest[0]?.progress.done).toBe(150);
    const ids = new Set([...first[0]!.contexts, ...rest[0]!.contexts].map((c) => c.ref.id));
    expect(ids.size).toBe(150);
  });

  it('an incremental run asks only for records updated since; "mine" lists nobody (an API token names no user)', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connected() });
    await drain(connector.listContexts({ from: FROM, to: TO, scope: 'team', modifiedSince: Date.UTC(2026, 10, 20) }, { now: NOW }));
    expect(fake.calls[0]?.params.get('query')).toContain('更新日時 >= "2026-11-20T00:00:00Z"');
    const mine = await drain(connector.listContexts({ from: FROM, to: TO, scope: 'mine' }, { now: NOW }));
    expect(mine).toEqual([{ contexts: [], deleted: [], cursor: null, progress: { done: 0, total: 0 }, calls: 0 }]);
  });

  it('"mine" lists the records whose owner field names the person, once they say who they are in options', async () => {
    const fake = kintoneFake();
    seed(fake);
    server.use(...fake.handlers);
    const storage = await connected();
    await saveKintoneSettings(storage, { domain: DOMAIN, appId: '12', token: TOKEN, activityToken: ACTIVITY_TOKEN, loginName: 'tanaka' });
    const connector = createKintoneConnector({ storage });
    await drain(connector.listContexts({ from: FROM, to: TO, scope: 'mine' }, { now: NOW }));
    const owner = guessLeadMapping(formFieldsResponseSchema.parse(formFields).properties).owner;
    expect(owner).toBeTruthy();
    expect(fake.calls[0]?.params.get('query')).toContain(` and ${owner} in ("tanaka") and $id > 0`);
  });

  it('is not listed when kintone is not connected', async () => {
    expect(await createKintoneConnector({ storage: memoryStore() }).listingInstance()).toBeNull();
  });
});
