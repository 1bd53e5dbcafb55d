import { describe, expect, it, vi } from 'vitest';
import { describeDefinitionsSource } from '../../lib/definitions/describe-source';
import { importDefinitionsFile } from '../../lib/definitions/import-definitions-file';
import { isDefinitionsRefreshDue, loadDefinitionsFromUrl } from '../../lib/definitions/load-from-url';
import { readManagedDefinitions, type ManagedStorageArea } from '../../lib/definitions/managed-definitions';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { exportDefinitions } from '../../lib/domain/definitions/parse-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import type { DefinitionsRecord } from '../../lib/store/definitions-repo';

const URL_ = 'https://intranet.example.co.jp/baton/definitions.yaml';
const NOW = Date.parse('2026-11-25T10:00:00+09:00');

function teamVersion(version: number): Definitions {
  const d: Definitions = structuredClone(DEFAULT_DEFINITIONS);
  d.id = 'acme';
  d.version = version;
  d.name = { ja: 'ACME 共通定義', en: 'ACME shared definitions' };
  d.qualification.mql.minScore = 70;
  return d;
}

function respond(body: string | null, init: ResponseInit & { url?: string } = {}) {
  return vi.fn<typeof fetch>(async () => {
    const r = new Response(body, init);
    if (init.url) Object.defineProperty(r, 'url', { value: init.url });
    return r;
  });
}

const defaultRecord: DefinitionsRecord = { definitions: DEFAULT_DEFINITIONS, source: 'default', fetchedAt: 0 };

describe('loading the team definitions from a URL', () => {
  it('a valid YAML document served from the team URL replaces the default', async () => {
    const fetchImpl = respond(exportDefinitions(teamVersion(3), 'yaml'), { status: 200, headers: { 'content-type': 'application/yaml', etag: '"v3"' } });
    const record = await loadDefinitionsFromUrl(URL_, defaultRecord, fetchImpl, NOW);
    expect(record).toMatchObject({ source: 'url', sourceUrl: URL_, etag: '"v3"', fetchedAt: NOW });
    expect(record.definitions).toMatchObject({ id: 'acme', version: 3 });
    expect(record.lastError).toBeUndefined();
    const init = fetchImpl.mock.calls[0]![1]!;
    expect(init.credentials).toBe('omit');
    expect((init.headers as Record<string, string>)['If-None-Match']).toBeUndefined();
  });

  it('revalidates with If-None-Match and keeps the version on 304', async () => {
    const previous: DefinitionsRecord = { definitions: teamVersion(3), source: 'url', sourceUrl: URL_, etag: '"v3"', fetchedAt: NOW - 3_600_000, lastError: 'old' };
    const fetchImpl = respond(null, { status: 304 });
    const record = await loadDefinitionsFromUrl(URL_, previous, fetchImpl, NOW);
    expect((fetchImpl.mock.calls[0]![1]!.headers as Record<string, string>)['If-None-Match']).toBe('"v3"');
    expect(record).toEqual({ definitions: previous.definitions, source: 'url', sourceUrl: URL_, etag: '"v3"', fetchedAt: NOW });
  });

  it('keeps the last valid version when the URL serves an invalid document, naming the path', async () => {
    const previous: DefinitionsRecord = { definitions: teamVersion(3), source: 'url', sourceUrl: URL_, etag: '"v3"', fetchedAt: NOW - 1 };
    const broken = exportDefinitions(teamVersion(4), 'json').replace('"budgetMinutes": 60', '"budgetMinutes": "one hour"');
    const record = await loadDefinitionsFromUrl(URL_, previous, respond(broken, { status: 200, headers: { 'content-type': 'application/json' } }), NOW);
    expect(record.definitions.version).toBe(3);
    expect(record.lastError).toMatch(/sla\.policies\[0\]\.budgetMinutes: must be a number/);
  });

  it.each([
    ['a network failure', vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('Failed to fetch'))), /Could not reach.*Failed to fetch/],
    ['an HTTP error', respond('nope', { status: 503 }), /HTTP 503/],
    ['a redirect to http', respond(exportDefinitions(teamVersion(4), 'json'), { status: 200, url: 'http://evil.example/definitions.json' }), /non-https/],
  ])('keeps the last valid version on %s', async (_case, fetchImpl, message) => {
    const previous: DefinitionsRecord = { definitions: teamVersion(3), source: 'url', sourceUrl: URL_, fetchedAt: NOW - 1 };
    const record = await loadDefinitionsFromUrl(URL_, previous, fetchImpl, NOW);
    expect(record.definitions.version).toBe(3);
    expect(record.lastError).toMatch(message);
  });

  it('gives up on a server that never answers, and keeps what is in force', async () => {
    const previous: DefinitionsRecord = { definitions: teamVersion(3), source: 'url', sourceUrl: URL_, fetchedAt: NOW - 1 };
    const signals: AbortSignal[] = [];
    // Like fetch: nothing comes back until the request is aborted.
    const never = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          signals.push(init!.signal!);
          init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason));
        }),
    );
    const record = await loadDefinitionsFromUrl(URL_, previous, never, NOW, { timeoutMs: 50 });
    expect(signals[0]?.aborted).toBe(true);
    expect(record.definitions.version).toBe(3);
    expect(record.lastError).toMatch(/did not answer within/);
  });

  it('gives up on a server that sends headers and then stalls the body', async () => {
    let cancelled = false;
    const stalled = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('id: acme\n')),
      cancel: () => {
        cancelled = true;
      },
    });
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response(stalled, { status: 200 }));
    const record = await loadDefinitionsFromUrl(URL_, undefined, fetchImpl, NOW, { timeoutMs: 50 });
    expect(record).toMatchObject({ source: 'default', lastError: expect.stringMatching(/did not answer within/) });
    expect(cancelled).toBe(true);
  });

  it('refuses a body announced larger than 1 MB without reading it', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (++pulls > 128) return controller.close();
        controller.enqueue(new Uint8Array(65_536));
      },
    }, { highWaterMark: 0 });
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response(body, { status: 200, headers: { 'content-length': String(50 * 1024 * 1024) } }));
    const record = await loadDefinitionsFromUrl(URL_, undefined, fetchImpl, NOW);
    expect(record.lastError).toMatch(/52428800 bytes.*at most 1 MB/);
    expect(pulls).toBe(0);
  });

  it('stops reading a body without Content-Length at 1 MB (never reads 50 MB whole)', async () => {
    let served = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (served >= 50 * 1024 * 1024) return controller.close();
        served += 65_536;
        controller.enqueue(new Uint8Array(65_536).fill(0x61));
      },
      cancel: () => {
        cancelled = true;
      },
    }, { highWaterMark: 0 });
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response(body, { status: 200 }));
    const record = await loadDefinitionsFromUrl(URL_, undefined, fetchImpl, NOW);
    expect(record.lastError).toMatch(/more than 1 MB.*at most 1 MB/);
    expect(served).toBeLessThanOrEqual(1_000_000 + 2 * 65_536);
    expect(cancelled).toBe(true);
  });

  it('counts bytes, not characters: a 600 kB document of Japanese text is read', async () => {
    const doc = teamVersion(5);
    doc.name = { ja: 'あ'.repeat(200_000), en: 'ACME' };
    const text = exportDefinitions(doc, 'json');
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(600_000);
    const record = await loadDefinitionsFromUrl(URL_, undefined, respond(text, { status: 200, headers: { 'content-type': 'application/json' } }), NOW);
    expect(record.lastError).toBeUndefined();
    expect(record.definitions.version).toBe(5);
  });

  it('refuses a non-https URL without fetching it', async () => {
    const fetchImpl = respond('{}');
    const record = await loadDefinitionsFromUrl('http://intranet.example/definitions.json', undefined, fetchImpl, NOW);
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(record).toMatchObject({ source: 'default', lastError: expect.stringMatching(/must use https/) });
    expect(record.definitions).toBe(DEFAULT_DEFINITIONS);
  });

  it('is due for a refresh after an hour', () => {
    expect(isDefinitionsRefreshDue({ ...defaultRecord, fetchedAt: NOW - 59 * 60_000 }, NOW)).toBe(false);
    expect(isDefinitionsRefreshDue({ ...defaultRecord, fetchedAt: NOW - 60 * 60_000 }, NOW)).toBe(true);
  });
});

function managed(values: Record<string, unknown>): ManagedStorageArea {
  return { get: async () => values };
}

describe('definitions pushed by IT through managed storage', () => {
  it('an inline document replaces the default', async () => {
    const record = await readManagedDefinitions(managed({ definitionsJson: exportDefinitions(teamVersion(5), 'json') }), defaultRecord, respond(''), NOW);
    expect(record).toMatchObject({ source: 'managed', fetchedAt: NOW, definitions: { id: 'acme', version: 5 } });
  });
  it('a managed URL is fetched and marked as managed', async () => {
    const fetchImpl = respond(exportDefinitions(teamVersion(6), 'yaml'), { status: 200, headers: { etag: 'W/"6"' } });
    const record = await readManagedDefinitions(managed({ definitionsUrl: URL_ }), undefined, fetchImpl, NOW);
    expect(fetchImpl).toHaveBeenCalledOnce();
    expect(record).toMatchObject({ source: 'managed', sourceUrl: URL_, etag: 'W/"6"', definitions: { version: 6 } });
  });
  it('nothing configured (or no policy support) gives undefined', async () => {
    expect(await readManagedDefinitions(managed({}), undefined, respond(''), NOW)).toBeUndefined();
    const throwing: ManagedStorageArea = { get: async () => Promise.reject(new Error('Managed storage manifest not found')) };
    expect(await readManagedDefinitions(throwing, undefined, respond(''), NOW)).toBeUndefined();
  });
  it('an invalid managed document keeps the previous version with the reason', async () => {
    const previous: DefinitionsRecord = { definitions: teamVersion(5), source: 'managed', fetchedAt: NOW - 1 };
    const record = await readManagedDefinitions(managed({ definitionsJson: '{"id": "acme"}' }), previous, respond(''), NOW);
    expect(record?.definitions.version).toBe(5);
    expect(record?.lastError).toMatch(/administrator[\s\S]*version: is required/);
  });
});

describe('importing a definitions file', () => {
  it('accepts a YAML file', () => {
    const r = importDefinitionsFile(exportDefinitions(teamVersion(7), 'yaml'), 'acme-v7.yml', NOW);
    expect(r).toMatchObject({ ok: true, record: { source: 'file', sourceUrl: 'acme-v7.yml', fetchedAt: NOW, definitions: { version: 7 } } });
  });
  it('refuses an invalid JSON file with every problem by path', () => {
    const doc = JSON.parse(exportDefinitions(teamVersion(7), 'json')) as Record<string, unknown>;
    doc.version = -1;
    (doc.calendar as Record<string, unknown>).timeZone = 'Asia/Tokio';
    const r = importDefinitionsFile(JSON.stringify(doc), 'acme.json', NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['version', 'calendar.timeZone']);
  });
});

describe('saying where the definitions came from', () => {
  it('names the version, the source and the URL', () => {
    const r = describeDefinitionsSource({ definitions: teamVersion(3), source: 'managed', sourceUrl: URL_, fetchedAt: NOW });
    expect(r.version).toEqual({ ja: 'ACME 共通定義 v3', en: 'ACME shared definitions v3' });
    expect(r.source.en).toBe(`Set by your organization (${URL_}), fetched {fetchedAt}`);
    expect(describeDefinitionsSource(defaultRecord).source.ja).toBe('Baton の標準定義');
  });
});
