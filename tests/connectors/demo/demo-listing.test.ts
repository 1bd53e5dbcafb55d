import { createDemoConnector } from '../../../lib/connectors/demo/demo-connector';
import { DEMO_PEOPLE } from '../../../lib/connectors/demo/dataset';
import type { FetchOptions } from '../../../lib/connectors/connector';
import type { ListPage } from '../../../lib/connectors/listing';

const NOW = Date.UTC(2026, 10, 25, 3, 0);
const options: FetchOptions = { now: NOW };

async function all(gen: AsyncGenerator<ListPage>): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  for await (const p of gen) pages.push(p);
  return pages;
}

describe('Demo workspace: team listing', () => {
  it('lists the whole workspace at once, each person exactly as its panel shows it', async () => {
    const connector = createDemoConnector({ pageBase: 'chrome-extension://baton/' });
    const pages = await all(connector.listContexts!({ scope: 'team', from: 0, to: NOW + 1 }, options));
    expect(pages).toHaveLength(1);
    const [page] = pages;
    expect(page!.contexts).toHaveLength(DEMO_PEOPLE);
    expect(page!).toMatchObject({ cursor: null, calls: 0, deleted: [], progress: { done: DEMO_PEOPLE, total: DEMO_PEOPLE } });
    for (const context of page!.contexts.slice(0, 25)) {
      expect(context).toEqual(await connector.fetchContext(context.ref, options));
    }
  });

  it('"mine" keeps the open leads after handoff only', async () => {
    const connector = createDemoConnector();
    const [team] = await all(connector.listContexts!({ scope: 'team', from: 0, to: NOW + 1 }, options));
    const [mine] = await all(connector.listContexts!({ scope: 'mine', from: 0, to: NOW + 1 }, options));
    expect(mine!.contexts.length).toBeGreaterThan(0);
    expect(mine!.contexts.length).toBeLessThan(team!.contexts.length);
    for (const c of mine!.contexts) expect(['mql', 'sal', 'sql']).toContain(c.person.stage);
  });
});
