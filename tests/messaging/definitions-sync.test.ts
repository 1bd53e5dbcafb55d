import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFINITIONS_REFRESH_MINUTES } from '../../lib/definitions/load-from-url';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { exportDefinitions } from '../../lib/domain/definitions/parse-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { DEFINITIONS_ALARM, startDefinitionsSync } from '../../lib/messaging/definitions-sync';
import { openBatonDb, type BatonDb } from '../../lib/store/db';
import { readDefinitions, saveDefinitions } from '../../lib/store/definitions-repo';

const TEAM_URL = 'https://intranet.example.co.jp/baton/definitions.yaml';
const IT_URL = 'https://it.example.co.jp/policies/baton.json';
const NOW = Date.parse('2026-11-25T10:00:00+09:00');
const HOUR = 3_600_000;
const OPTIONS_PAGE = { id: fakeBrowser.runtime.id, url: 'chrome-extension://test-extension-id/options.html' };

function teamVersion(version: number, id = 'acme'): Definitions {
  const d: Definitions = structuredClone(DEFAULT_DEFINITIONS);
  d.id = id;
  d.version = version;
  d.name = { ja: `${id} 共通定義`, en: `${id} shared definitions` };
  d.qualification.mql.minScore = 60 + version;
  return d;
}

/** A team web server: serves `body` with an ETag and answers a matching If-None-Match with 304. */
function teamServer(initial: { body: string; etag: string; contentType?: string }) {
  const state = { ...initial };
  const requests: { url: string; ifNoneMatch: string | undefined }[] = [];
  const fetchImpl = vi.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    const ifNoneMatch = (init?.headers as Record<string, string> | undefined)?.['If-None-Match'];
    requests.push({ url, ifNoneMatch });
    if (ifNoneMatch === state.etag) return new Response(null, { status: 304 });
    return new Response(state.body, { status: 200, headers: { 'content-type': state.contentType ?? 'application/yaml', etag: state.etag } });
  });
  return { state, requests, fetchImpl };
}

let db: BatonDb;
let clock: number;

beforeEach(() => {
  fakeBrowser.reset();
  db = openBatonDb(`definitions-sync-${Math.random()}`);
  clock = NOW;
});
afterEach(async () => {
  await db.delete();
});

function start(fetchImpl: typeof fetch) {
  return startDefinitionsSync({ db, storage: fakeBrowser.storage, fetchImpl, now: () => clock });
}

async function inForce() {
  return (await readDefinitions(db)).current;
}

describe('definitions sync in the background', () => {
  it('applies an inline document pushed by IT on install: it replaces the default and is what the panel reads', async () => {
    await fakeBrowser.storage.managed.set({ definitionsJson: exportDefinitions(teamVersion(5), 'json') });
    const server = teamServer({ body: '', etag: '"x"' });
    start(server.fetchImpl);
    expect(await inForce()).toBeUndefined();

    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    // The listener's work is done when the event's dispatch settles: no polling against a clock.
    expect(await inForce()).toMatchObject({ source: 'managed', fetchedAt: NOW, definitions: { id: 'acme', version: 5 } });
    expect(server.requests).toEqual([]);
    const alarm = await fakeBrowser.alarms.get(DEFINITIONS_ALARM);
    expect(alarm?.periodInMinutes).toBe(DEFINITIONS_REFRESH_MINUTES);
  });

  it('replaces the version in force with a new one served at the team URL, revalidating with the stored ETag', async () => {
    await saveDefinitions(db, { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 2 * HOUR });
    const server = teamServer({ body: exportDefinitions(teamVersion(4), 'yaml'), etag: '"v4"' });
    start(server.fetchImpl);

    await fakeBrowser.alarms.onAlarm.trigger({ name: DEFINITIONS_ALARM, scheduledTime: NOW });
    expect((await inForce())?.definitions.version).toBe(4);
    expect(server.requests).toEqual([{ url: TEAM_URL, ifNoneMatch: '"v3"' }]);
    expect(await inForce()).toMatchObject({ source: 'url', sourceUrl: TEAM_URL, etag: '"v4"', fetchedAt: NOW });
    expect((await readDefinitions(db)).versions.map((d) => d.version)).toEqual([3, 4]);
  });

  it('keeps the version on a 304 and records when it was last confirmed, clearing an old error', async () => {
    await saveDefinitions(db, { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 2 * HOUR, lastError: 'HTTP 503' });
    const server = teamServer({ body: 'unused', etag: '"v3"' });
    const sync = start(server.fetchImpl);

    const result = await sync.refresh({ force: true });
    expect(result).toEqual({ ok: true, changed: false, source: 'url', id: 'acme', version: 3, fetchedAt: NOW });
    expect(server.requests).toEqual([{ url: TEAM_URL, ifNoneMatch: '"v3"' }]);
    const current = await inForce();
    expect(current).toMatchObject({ definitions: { version: 3 }, fetchedAt: NOW, etag: '"v3"' });
    expect(current?.lastError).toBeUndefined();
  });

  it('keeps the previous version with the reason when the team URL serves an invalid document', async () => {
    await saveDefinitions(db, { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 2 * HOUR });
    const broken = exportDefinitions(teamVersion(4), 'yaml').replace(/^version: 4$/m, 'version: four');
    const server = teamServer({ body: broken, etag: '"v4-broken"' });
    const sync = start(server.fetchImpl);

    const result = await sync.refresh({ force: true });
    expect(result).toMatchObject({ ok: false, changed: false, version: 3, error: expect.stringMatching(/invalid definitions document[\s\S]*version/) });
    const current = await inForce();
    expect(current).toMatchObject({ source: 'url', definitions: { version: 3 }, etag: '"v3"', fetchedAt: NOW - 2 * HOUR });
    expect(current?.lastError).toMatch(/previous one stays in force/);
  });

  it('does not refetch a team URL confirmed less than an hour ago when the browser starts', async () => {
    await saveDefinitions(db, { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 10 * 60_000 });
    const server = teamServer({ body: exportDefinitions(teamVersion(4), 'yaml'), etag: '"v4"' });
    const sync = start(server.fetchImpl);
    expect(await sync.refresh()).toMatchObject({ ok: true, changed: false, version: 3 });
    expect(server.requests).toEqual([]);
    clock = NOW + HOUR;
    expect(await sync.refresh()).toMatchObject({ ok: true, changed: true, version: 4 });
    expect(server.requests).toHaveLength(1);
  });

  it('applies a managed push at once, over the user’s own team URL, and goes back to that URL when IT removes it', async () => {
    await saveDefinitions(db, { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 10 * 60_000 });
    const team = teamServer({ body: exportDefinitions(teamVersion(3), 'yaml'), etag: '"v3"' });
    const it_ = teamServer({ body: exportDefinitions(teamVersion(9, 'corp'), 'json'), etag: '"corp-9"', contentType: 'application/json' });
    const fetchImpl = vi.fn<typeof fetch>((input, init) => (String(input) === IT_URL ? it_.fetchImpl(input, init) : team.fetchImpl(input, init)));
    start(fetchImpl);

    clock = NOW + 1000;
    await fakeBrowser.storage.managed.set({ definitionsUrl: IT_URL });
    expect(await inForce()).toMatchObject({ source: 'managed', sourceUrl: IT_URL, definitions: { id: 'corp', version: 9 } });
    expect(it_.requests).toEqual([{ url: IT_URL, ifNoneMatch: undefined }]);

    clock = NOW + 2000;
    await fakeBrowser.storage.managed.remove('definitionsUrl');
    expect(await inForce()).toMatchObject({ source: 'url', sourceUrl: TEAM_URL, definitions: { id: 'acme', version: 3 }, fetchedAt: NOW + 2000 });
    expect(team.requests).toEqual([{ url: TEAM_URL, ifNoneMatch: '"v3"' }]);
  });

  it('keeps the last document IT pushed, with the reason, when the managed one turns invalid', async () => {
    const server = teamServer({ body: '', etag: '"x"' });
    const sync = start(server.fetchImpl);
    await fakeBrowser.storage.managed.set({ definitionsJson: exportDefinitions(teamVersion(5), 'yaml') });
    expect((await inForce())?.definitions.version).toBe(5);

    clock = NOW + HOUR;
    await fakeBrowser.storage.managed.set({ definitionsJson: '{"id": "acme"}' });
    const result = await sync.refresh({ force: true });
    expect(result).toMatchObject({ ok: false, source: 'managed', version: 5, error: expect.stringMatching(/administrator/) });
    expect(await inForce()).toMatchObject({ source: 'managed', definitions: { version: 5 }, fetchedAt: NOW, lastError: expect.stringMatching(/ask IT/) });
  });

  it('refreshes when the options page asks, and answers with what is in force', async () => {
    await saveDefinitions(db, { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 60_000 });
    const server = teamServer({ body: exportDefinitions(teamVersion(4), 'yaml'), etag: '"v4"' });
    start(server.fetchImpl);

    const replies = await fakeBrowser.runtime.onMessage.trigger({ type: 'baton/definitions-refresh' }, OPTIONS_PAGE);
    expect(replies).toEqual([{ ok: true, changed: true, source: 'url', id: 'acme', version: 4, fetchedAt: NOW }]);
    expect((await inForce())?.definitions.version).toBe(4);
  });

  it.each([
    ['an extra field', { type: 'baton/definitions-refresh', url: 'https://evil.example/defs.json' }, OPTIONS_PAGE],
    ['a wrong type', { type: 'baton/definitions-refreshh' }, OPTIONS_PAGE],
    ['a non-object', 'baton/definitions-refresh', OPTIONS_PAGE],
    ['a content script (a CRM page)', { type: 'baton/definitions-refresh' }, { id: fakeBrowser.runtime.id, url: 'https://acme.my.salesforce.com/lightning/r/Lead/x/view', tab: { id: 4 } }],
    ['another extension', { type: 'baton/definitions-refresh' }, { id: 'another-extension', url: 'chrome-extension://another-extension/page.html' }],
  ])('ignores a refresh request with %s', async (_case, message, sender) => {
    await saveDefinitions(db, { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 60_000 });
    const server = teamServer({ body: exportDefinitions(teamVersion(4), 'yaml'), etag: '"v4"' });
    const sync = start(server.fetchImpl);
    expect(sync.handleMessage(message, sender)).toBeUndefined();
    const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1]);
    expect(replies.every((r) => r === undefined)).toBe(true);
    expect(server.requests).toEqual([]);
    expect((await inForce())?.definitions.version).toBe(3);
  });

  it('does not push the hourly alarm back when the worker wakes up again', async () => {
    const server = teamServer({ body: '', etag: '"x"' });
    start(server.fetchImpl);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(DEFINITIONS_ALARM)).toBeDefined());
    const first = (await fakeBrowser.alarms.get(DEFINITIONS_ALARM))!.scheduledTime;
    await new Promise((r) => setTimeout(r, 5));
    start(server.fetchImpl);
    await new Promise((r) => setTimeout(r, 5));
    expect((await fakeBrowser.alarms.get(DEFINITIONS_ALARM))!.scheduledTime).toBe(first);
  });
});
