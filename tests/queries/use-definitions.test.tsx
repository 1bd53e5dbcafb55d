import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Connector } from '../../lib/connectors/connector';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { BatonDb } from '../../lib/store/db';
import { saveDefinitions } from '../../lib/store/definitions-repo';
import { useDefinitions } from '../../lib/queries/use-definitions';
import { freshDb, T0 } from '../store/lead-context-fixture';
import { wrapper } from './harness';

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

function DefinitionsProbe() {
  const { definitions, versions, current, loaded } = useDefinitions();
  return (
    <p>
      {loaded ? 'loaded' : 'loading'} v{definitions.version} of {versions.length} from {current?.source ?? 'built-in'}
    </p>
  );
}

const noConnector = async () => ({}) as Connector;

describe('useDefinitions', () => {
  it('judges by the built-in definitions until others are stored, then follows the stored ones live', async () => {
    db = freshDb();
    render(<DefinitionsProbe />, { wrapper: wrapper({ db, connectorFor: noConnector }) });
    expect(await screen.findByText(`loaded v${DEFAULT_DEFINITIONS.version} of 1 from built-in`)).toBeInTheDocument();
    const next = { ...DEFAULT_DEFINITIONS, version: DEFAULT_DEFINITIONS.version + 1, effectiveFrom: '2031-04-01T00:00:00+09:00' };
    await saveDefinitions(db, { definitions: DEFAULT_DEFINITIONS, source: 'default', fetchedAt: T0 });
    await saveDefinitions(db, { definitions: next, source: 'url', sourceUrl: 'https://example.co.jp/baton.yaml', fetchedAt: T0 + 1 });
    expect(await screen.findByText(`loaded v${next.version} of 2 from url`)).toBeInTheDocument();
  });
});
