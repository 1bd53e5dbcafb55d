import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import { useJudgingVersions } from '../../lib/queries/use-judging-versions';
import type { BatonDb } from '../../lib/store/db';
import { saveDefinitions } from '../../lib/store/definitions-repo';
import { freshDb } from '../store/lead-context-fixture';

const NOW = Date.UTC(2026, 10, 25, 5, 17);

describe('the versions the panel judges a lead by', () => {
  let db: BatonDb;
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    await db.delete();
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <BatonDepsContext.Provider value={{ db, connectorFor: (() => Promise.reject(new Error('none'))) as never, now: () => NOW }}>{children}</BatonDepsContext.Provider>
  );

  it('are the demo team’s v1 and v2 for a demo lead, the defaults for a vendor lead, and the team’s own once stored', async () => {
    const demo = renderHook(() => useJudgingVersions('demo'), { wrapper });
    expect(demo.result.current.map((v) => [v.id, v.version])).toEqual([['baton-demo', 1], ['baton-demo', 2]]);
    const salesforce = renderHook(() => useJudgingVersions('salesforce'), { wrapper });
    expect(salesforce.result.current).toEqual([DEFAULT_DEFINITIONS]);
    await saveDefinitions(db, { definitions: { ...DEFAULT_DEFINITIONS, id: 'acme' }, source: 'file', fetchedAt: NOW });
    await waitFor(() => expect(demo.result.current.map((v) => v.id)).toEqual(['acme']));
  });
});
