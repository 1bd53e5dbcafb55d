import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createKintoneConnector, readKintoneFormFields, testKintoneConnection } from '../../../lib/connectors/kintone/kintone-connector';
import { guessActivityMapping, guessLeadMapping } from '../../../lib/connectors/kintone/guess-mapping';
import { readKintoneMapping, saveKintoneMapping, saveKintoneSettings } from '../../../lib/connectors/kintone/settings';
import { memoryStore } from '../../../lib/connectors/local-store';
import { ConnectorError } from '../../../lib/connectors/connector';
import { assessLead } from '../../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../../lib/domain/definitions/default-definitions';
import { formFieldsResponseSchema, getRecordResponseSchema, getRecordsResponseSchema, getCommentsResponseSchema } from '../../../lib/connectors/kintone/schemas';
import type { Feedback, RecordRef } from '../../../lib/domain/model';
import { ACTIVITY_TOKEN, DOMAIN, TOKEN, kintoneFake } from './kintone-msw';
import { kintonePartner } from '../../../lib/connectors/kintone/partner';
import { enrichAcrossSystems } from '../../../lib/connectors/cross-system/enrich-context';
import { leadContext } from '../../store/lead-context-fixture';
import record from '../../fixtures/kintone/record.json';
import formFields from '../../fixtures/kintone/form-fields.json';
import activityFormFields from '../../fixtures/kintone/activity-form-fields.json';
import activityRecords from '../../fixtures/kintone/activity-records.json';
import comments from '../../fixtures/kintone/comments.json';
import tokenError from '../../fixtures/kintone/error-api-token.json';
import noPermission from '../../fixtures/kintone/error-no-permission.json';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const ref: RecordRef = { system: 'kintone', instance: DOMAIN, object: 'app:12', id: '42' };

/** The mapping an admin saves after accepting the screen's guesses for the fixtures' apps. */
function mappingFromGuesses(guestSpaceId?: string) {
  const lead = guessLeadMapping(formFieldsResponseSchema.parse(formFields).properties);
  const act = guessActivityMapping(formFieldsResponseSchema.parse(activityFormFields).properties, '12');
  return {
    ...lead,
    activity: { appId: lead.activity!.appId, ...(guestSpaceId ? { guestSpaceId } : {}), keyField: lead.activity!.keyField, linkField: lead.activity!.linkField, dateField: act.dateField!, typeField: act.typeField, subjectField: act.subjectField, byField: act.byField, types: act.types },
  };
}

async function connectedStore(opts: { guestSpaceId?: string } = {}) {
  const storage = memoryStore();
  await saveKintoneSettings(storage, { domain: `https://${DOMAIN}/k/12/`, appId: '12', token: TOKEN, activityToken: ACTIVITY_TOKEN, ...(opts.guestSpaceId ? { guestSpaceId: opts.guestSpaceId } : {}) });
  await saveKintoneMapping(storage, '12', opts.guestSpaceId, mappingFromGuesses(opts.guestSpaceId));
  return storage;
}

function feedback(over: Partial<Feedback> = {}): Feedback {
  return {
    id: 'fb-kin-0001-aaaa', ref, personKey: 'taro.yamada@example.co.jp', verdict: 'good', reasonCodes: ['budget_confirmed'],
    comment: '来期予算あり', by: '田中 一郎', at: NOW, state: 'pending', attempts: 0, nextAttemptAt: NOW, ...over,
  };
}

async function errorOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe('kintone payloads', () => {
  it('parses the documented record, records, comments and form-field shapes', () => {
    expect(getRecordResponseSchema.safeParse(record).success).toBe(true);
    expect(getRecordsResponseSchema.safeParse(activityRecords).success).toBe(true);
    expect(getCommentsResponseSchema.safeParse(comments).success).toBe(true);
    expect(formFieldsResponseSchema.safeParse(formFields).success).toBe(true);
  });

  it('refuses a field whose value does not match its documented type', () => {
    const broken = { record: { ...record.record, 担当者: { type: 'USER_SELECT', value: 'tanaka' } } };
    expect(getRecordResponseSchema.safeParse(broken).success).toBe(false);
  });
});

describe('kintone field-mapping guesses', () => {
  it('guesses the usual Japanese SFA fields, the stage values and the activity app behind 活動履歴', () => {
    const lead = guessLeadMapping(formFieldsResponseSchema.parse(formFields).properties);
    expect(lead).toMatchObject({
      name: '担当者名', company: '会社名', email: 'メールアドレス', phone: '電話番号', title: '役職', owner: '担当者',
      handoffDate: '商談化日', leadSource: 'リードソース', campaign: 'キャンペーン', createdTime: '作成日時', updatedTime: '更新日時',
      activity: { appId: '13', keyField: 'レコード番号', linkField: '案件レコード番号' },
    });
    expect(lead.stage).toEqual({ field: 'ステータス', values: { リード: 'inquiry', MQL: 'mql', アポ獲得: 'sal', 商談化: 'sql', 提案中: 'opportunity', 受注: 'won', 失注: 'lost' } });
    const act = guessActivityMapping(formFieldsResponseSchema.parse(activityFormFields).properties, '12');
    expect(act).toMatchObject({ linkField: '案件レコード番号', keyField: 'レコード番号', dateField: '活動日時', typeField: '活動種別', subjectField: '件名', byField: '対応者' });
    expect(act.types).toEqual({ 電話: 'call', メール: 'email', 訪問: 'meeting', Web会議: 'meeting', メモ: 'note' });
  });

  it('validates a mapping before storing it, per app', async () => {
    const storage = memoryStore();
    await expect(saveKintoneMapping(storage, '12', undefined, { name: '担当者名', stage: { field: 'ステータス', values: { 商談化: 'hot' } } })).rejects.toThrow(/stage\.values/);
    await saveKintoneMapping(storage, '12', undefined, { name: '担当者名' });
    await saveKintoneMapping(storage, '12', '3', { name: '氏名' });
    expect((await readKintoneMapping(storage, '12'))?.name).toBe('担当者名');
    expect((await readKintoneMapping(storage, '12', '3'))?.name).toBe('氏名');
    expect(await readKintoneMapping(storage, '13')).toBeNull();
  });
});

describe('kintone connector: the panel', () => {
  it('reads the record, its activities and comments in 3 calls, with both app tokens, into a lead with handoff and first touch', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore() });
    const ctx = await connector.fetchContext(ref, { now: NOW });

    expect(fake.calls).toHaveLength(3);
    expect(fake.calls.every((c) => c.token === `${TOKEN},${ACTIVITY_TOKEN}`)).toBe(true);
    const activityQuery = fake.calls.find((c) => c.params.get('app') === '13')?.params.get('query');
    expect(activityQuery).toBe('案件レコード番号 = "42" order by 活動日時 desc limit 100');

    expect(ctx.person).toMatchObject({
      name: '山田 太郎', email: 'taro.yamada@example.co.jp', company: '株式会社サイボウズ商事', owner: '田中 一郎', stage: 'sql', vendorStage: '商談化',
      attributes: { leadSource: '展示会', campaign: '2026秋 DX展' },
    });
    expect(ctx.person.links[0]?.url).toBe('https://acme.cybozu.com/k/12/show#record=42');
    expect(ctx.activities.map((a) => [a.type, a.subject])).toEqual([['note', '展示会で名刺交換'], ['call', '初回ヒアリングの架電']]);
    expect(ctx.events[0]).toMatchObject({ campaign: '2026秋 DX展' });

    // 商談化日 2026-11-17 is a day in Tokyo: the handoff is that day's 00:00 JST; the call on the 18th is the first touch.
    const assessment = assessLead(ctx, [DEFAULT_DEFINITIONS], NOW);
    expect(assessment.handoff?.at).toBe(Date.UTC(2026, 10, 16, 15, 0));
    expect(assessment.firstTouch?.subject).toBe('初回ヒアリングの架電');
    expect(assessment.sla).not.toBeNull();
  });

  it('reads a guest-space app through /k/guest/{space}/v1/', async () => {
    const fake = kintoneFake({ guestSpaceId: '5' });
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore({ guestSpaceId: '5' }) });
    const ctx = await connector.fetchContext({ ...ref, object: 'guest:5:app:12' }, { now: NOW });
    expect(ctx.person.name).toBe('山田 太郎');
    expect(fake.calls.every((c) => c.path.startsWith('/k/guest/5/v1/'))).toBe(true);
    expect(ctx.person.links[0]?.url).toBe('https://acme.cybozu.com/k/guest/5/12/show#record=42');
  });

  it("refuses another kintone's page or another app before any call", async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore() });
    expect(await errorOf(connector.fetchContext({ ...ref, instance: 'other.cybozu.com' }, { now: NOW }))).toMatchObject({ code: 'INSTANCE_MISMATCH' });
    expect(await errorOf(connector.fetchContext({ ...ref, object: 'app:99' }, { now: NOW }))).toMatchObject({ code: 'APP_NOT_CONNECTED' });
    expect(fake.calls).toHaveLength(0);
  });

  it("shows kintone's error code and id: a missing record, a wrong token, a token without rights", async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore() });
    const missing = await errorOf(connector.fetchContext({ ...ref, id: '9999' }, { now: NOW }));
    expect(missing).toMatchObject({ kind: 'not-found', code: 'GAIA_RE01', correlationId: '1505999166-897850006' });
    expect(missing.message).toContain('error id 1505999166-897850006');

    server.use(http.get(`https://${DOMAIN}/k/v1/record.json`, () => HttpResponse.json(tokenError, { status: 400 })));
    const wrongToken = await errorOf(connector.fetchContext(ref, { now: NOW }));
    expect(wrongToken).toMatchObject({ kind: 'auth', code: 'GAIA_IA02', correlationId: tokenError.id });

    server.use(http.get(`https://${DOMAIN}/k/v1/record.json`, () => HttpResponse.json(noPermission, { status: 403 })));
    const rights = await errorOf(connector.fetchContext(ref, { now: NOW }));
    expect(rights).toMatchObject({ kind: 'permanent', code: 'CB_NO02' });
    expect(rights.message).toContain(noPermission.id);
  });

  it('a 429 is a rate limit with kintone’s Retry-After, which the outbox honours', async () => {
    server.use(http.get(`https://${DOMAIN}/k/v1/record.json`, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } })));
    server.use(http.get(`https://${DOMAIN}/k/v1/record/comments.json`, () => HttpResponse.json(comments)));
    server.use(http.get(`https://${DOMAIN}/k/v1/records.json`, () => HttpResponse.json(activityRecords)));
    const err = await errorOf(createKintoneConnector({ storage: await connectedStore() }).fetchContext(ref, { now: NOW }));
    expect(err).toMatchObject({ kind: 'rate-limit', retryAfterMs: 30_000, retryable: true });
  });

  it('says the app needs a mapping when none is saved', async () => {
    const storage = memoryStore();
    await saveKintoneSettings(storage, { domain: DOMAIN, appId: '12', token: TOKEN });
    const err = await errorOf(createKintoneConnector({ storage }).fetchContext(ref, { now: NOW }));
    expect(err).toMatchObject({ kind: 'not-connected', code: 'NOT_MAPPED' });
  });

  it('reads the form fields for the mapping screen and tests the connection', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const storage = await connectedStore();
    const fields = await readKintoneFormFields({ storage }, { appId: '12' });
    expect(Object.keys(fields.properties)).toContain('商談化日');
    expect(await testKintoneConnection({ storage })).toEqual({ ok: true });
  });
});

describe('kintone connector: feedback as a record comment, exactly once', () => {
  it('posts one comment carrying the feedback, and the panel reads it back', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore() });
    const receipt = await connector.deliverFeedback(feedback(), { now: NOW });
    expect(receipt).toEqual({ vendorId: '4', alreadyExisted: false });
    expect(fake.baton()).toHaveLength(1);
    expect(fake.baton()[0]?.text).toContain('良いリード / Good lead');
    const ctx = await connector.fetchContext(ref, { now: NOW });
    expect(ctx.feedback).toMatchObject([{ id: 'fb-kin-0001-aaaa', verdict: 'good', state: 'sent', comment: '来期予算あり', vendorId: '4' }]);
  });

  it('a retry after a lost answer finds the comment instead of posting again', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore() });
    await connector.deliverFeedback(feedback(), { now: NOW });
    const again = await connector.deliverFeedback(feedback(), { now: NOW });
    expect(again).toEqual({ vendorId: '4', alreadyExisted: true });
    expect(fake.baton()).toHaveLength(1);
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('finds its comment behind 12 newer ones (the marker is looked up over 3 pages of 10)', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore() });
    await connector.deliverFeedback(feedback(), { now: NOW });
    for (let i = 0; i < 12; i++) fake.state.comments.push({ id: String(fake.state.nextId++), text: `返信 ${i}`, createdAt: '2026-11-25T04:00:00Z', creator: { code: 'suzuki', name: '鈴木 花子' }, mentions: [] });
    expect(await connector.deliverFeedback(feedback(), { now: NOW })).toEqual({ vendorId: '4', alreadyExisted: true });
    expect(fake.baton()).toHaveLength(1);
  });

  it('a POST the browser resent leaves one comment: the twin is found by the second look and deleted', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    fake.state.resendNextPost = true;
    const connector = createKintoneConnector({ storage: await connectedStore() });
    const receipt = await connector.deliverFeedback(feedback(), { now: NOW });
    expect(receipt).toEqual({ vendorId: '4', alreadyExisted: true });
    expect(fake.baton().map((c) => c.id)).toEqual(['4']);
    expect(fake.calls.filter((c) => c.method === 'DELETE').map((c) => c.params.get('comment'))).toEqual(['5']);
  });
});

describe('kintone as a cross-system partner', () => {
  it('finds the lead by e-mail whatever its case, one call', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore() });
    const people = await connector.findPeople('TARO.yamada@example.co.jp', { now: NOW });
    expect(people.map((p) => p.links[0]?.ref)).toEqual([ref]);
    expect(fake.calls[0]?.params.get('query')).toBe('メールアドレス like "taro.yamada@example.co.jp" limit 10');
  });
});

describe('one person across Marketo and kintone', () => {
  it('a Marketo lead with the same e-mail gets the kintone record merged in: its sales activities and handoff (1 kintone lookup + 3 reads)', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const connector = createKintoneConnector({ storage: await connectedStore() });
    const marketoLead = leadContext({ system: 'marketo', instance: '123-ABC-456', object: 'lead', id: '318581' }, { email: 'taro.yamada@example.co.jp' });
    const merged = await enrichAcrossSystems(marketoLead, [kintonePartner(connector)], { now: NOW });
    expect(merged.ref.system).toBe('marketo');
    expect(merged.sources).toContain('kintone');
    expect(merged.person.links.map((l) => l.ref)).toContainEqual(ref);
    expect(merged.activities.filter((a) => a.source === 'kintone').map((a) => a.subject)).toEqual(['展示会で名刺交換', '初回ヒアリングの架電']);
    expect(merged.stageChanges.some((c) => c.source === 'kintone' && c.stage === 'mql')).toBe(true);
    expect(fake.calls).toHaveLength(4);
  });

  it('a lookup by a Salesforce id asks kintone nothing', async () => {
    const fake = kintoneFake();
    server.use(...fake.handlers);
    const partner = kintonePartner(createKintoneConnector({ storage: await connectedStore() }));
    expect(await partner.findPeople({ by: 'salesforce-id', object: 'Lead', id: '00Q5g00000AbCdEEAV' }, { now: NOW })).toEqual([]);
    expect(fake.calls).toHaveLength(0);
  });
});
