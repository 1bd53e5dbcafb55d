// @vitest-environment node
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run through ESLint's API on code placed (virtually) in each layer.
const eslint = new ESLint({ cwd: process.cwd() });
const RULE = '@typescript-eslint/no-restricted-imports';

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('imports point one way (eslint.config.js zones)', { timeout: 60_000 }, () => {
  it('rejects the fixture: a component importing lib/store', async () => {
    const fixture = readFileSync('tests/lint/fixtures/component-reads-store.tsx', 'utf8');
    const [result] = await eslint.lintText(fixture.replace('../../../lib/', '../../lib/'), { filePath: 'components/panel/reads-store.tsx' });
    expect(result?.errorCount).toBeGreaterThan(0);
    expect(result?.messages.map((m) => m.message).join('\n')).toContain('hooks in lib/queries');
  });

  it('rejects a component importing a connector, and allows its types and the hooks', async () => {
    expect(await restrictedImports('components/lead/x.tsx', "import { connectorFor } from '../../lib/connectors/registry';\nexport const c = connectorFor;\n")).toHaveLength(1);
    expect(await restrictedImports('components/lead/x.tsx', "import type { Connector } from '../../lib/connectors/connector';\nexport type C = Connector;\n")).toEqual([]);
    expect(await restrictedImports('components/lead/x.tsx', "import { useLeadContext } from '../../lib/queries/use-lead-context';\nexport const u = useLeadContext;\n")).toEqual([]);
  });

  it('lets the one wiring module import the store and the connectors', async () => {
    expect(await restrictedImports('components/app/extension-deps.ts', "import { db } from '../../lib/store/db';\nexport const d = db;\n")).toEqual([]);
  });

  it("lets the demo's vendor pages use the demo data set, and nothing else below", async () => {
    expect(await restrictedImports('components/demo/x.tsx', "import { DEMO_FEATURED } from '../../lib/connectors/demo/featured';\nexport const f = DEMO_FEATURED;\n")).toEqual([]);
    expect(await restrictedImports('components/demo/x.tsx', "import { connectorFor } from '../../lib/connectors/registry';\nexport const c = connectorFor;\n")).toHaveLength(1);
    expect(await restrictedImports('components/demo/x.tsx', "import { db } from '../../lib/store/db';\nexport const d = db;\n")).toHaveLength(1);
  });

  it('keeps the store and the connectors below lib/queries, and the domain below everything', async () => {
    expect(await restrictedImports('lib/store/x.ts', "import { useSettings } from '../queries/use-settings';\nexport const u = useSettings;\n")).toHaveLength(1);
    expect(await restrictedImports('lib/connectors/x.ts', "import { useSettings } from '../queries/use-settings';\nexport const u = useSettings;\n")).toHaveLength(1);
    expect(await restrictedImports('lib/queries/x.ts', "import { db } from '../store/db';\nexport const d = db;\n")).toEqual([]);
    expect(await restrictedImports('lib/domain/x.ts', "import { db } from '../store/db';\nexport const d = db;\n")).toHaveLength(1);
    expect(await restrictedImports('lib/queries/x.ts', "import { App } from '../../components/app/app-root';\nexport const a = App;\n")).toHaveLength(1);
  });
});
