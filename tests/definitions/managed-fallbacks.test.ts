import { describe, expect, it, vi } from 'vitest';
import { definitionsFromManagedConfig } from '../../lib/definitions/managed-definitions';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import type { DefinitionsRecord } from '../../lib/store/definitions-repo';

const IT_URL = 'https://it.example.co.jp/policies/baton.json';
const TEAM_URL = 'https://intranet.example.co.jp/baton/definitions.yaml';
const NOW = Date.parse('2026-11-25T10:00:00+09:00');

function teamVersion(version: number): Definitions {
  return { ...structuredClone(DEFAULT_DEFINITIONS), id: 'acme', version };
}

describe('managed definitions when something goes wrong', () => {
  it('an invalid inline document on a fresh install leaves the defaults in force, saying why', async () => {
    const record = await definitionsFromManagedConfig({ definitionsJson: 'version: [' }, undefined, vi.fn<typeof fetch>(), NOW);
    expect(record).toMatchObject({ source: 'default', fetchedAt: NOW, lastError: expect.stringMatching(/administrator/) });
    expect(record.definitions).toBe(DEFAULT_DEFINITIONS);
  });

  it('a managed URL that cannot be reached does not relabel the user’s team version as set by the organisation', async () => {
    const previous: DefinitionsRecord = { definitions: teamVersion(3), source: 'url', sourceUrl: TEAM_URL, etag: '"v3"', fetchedAt: NOW - 1 };
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response('down', { status: 502 }));
    const record = await definitionsFromManagedConfig({ definitionsUrl: IT_URL }, previous, fetchImpl, NOW);
    expect(record).toMatchObject({ source: 'url', sourceUrl: TEAM_URL, definitions: { version: 3 }, lastError: expect.stringMatching(/HTTP 502/) });
    // Another URL than the stored one: no If-None-Match with the team server's ETag.
    expect((fetchImpl.mock.calls[0]![1]!.headers as Record<string, string>)['If-None-Match']).toBeUndefined();
  });
});
