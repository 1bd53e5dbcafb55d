// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEMS } from '../../lib/domain/model';
import { VENDORS } from '../../lib/domain/vendors';
import { en } from '../../lib/i18n/messages-en';
import { ja } from '../../lib/i18n/messages-ja';
import { DETECTORS } from '../../lib/sites/detect-record';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const has = (file: string) => existsSync(path.join(root, file));

/**
 * A vendor is described in one place (lib/domain/vendors.ts) and built from the same parts as the others; this is
 * the checklist of docs/architecture.md › "Adding a vendor", run on every system.
 */
describe.each([...SYSTEMS])('vendor %s', (system) => {
  const facts = VENDORS[system];

  it('has its page detector and its words in both languages', () => {
    expect(has(`lib/sites/${system}.ts`)).toBe(true);
    expect(DETECTORS[system].system).toBe(system);
    expect(en[`system.${system}` as keyof typeof en]).toBeTruthy();
    expect(ja[`system.${system}` as keyof typeof ja]).toBeTruthy();
  });

  it('partners only systems with a connector of their own, never itself', () => {
    for (const partner of facts.partners) {
      expect(partner).not.toBe(system);
      expect(VENDORS[partner].connectorFolder, partner).not.toBeNull();
    }
  });

});

const withConnector = SYSTEMS.filter((s) => VENDORS[s].connectorFolder !== null);

describe.each(withConnector)('connector of %s', (system) => {
  const facts = VENDORS[system];

  it('has a connector folder with its parts, loaded by the registry, and its tests', () => {
    const folder = `lib/connectors/${facts.connectorFolder}`;
    const files = readdirSync(path.join(root, folder));
    const connectorFile = files.find((f) => f === 'connector.ts' || f === `${facts.connectorFolder}-connector.ts`);
    expect(connectorFile, `${folder}: connector.ts or ${facts.connectorFolder}-connector.ts`).toBeDefined();
    // The registry loads it on first use (dynamic import), so a cached panel never parses its code.
    expect(read('lib/connectors/registry.ts')).toContain(`import('./${facts.connectorFolder}/`);
    expect(has(`tests/connectors/${facts.connectorFolder}`), `tests/connectors/${facts.connectorFolder}`).toBe(true);
    if (system === 'demo') return;
    // A real vendor: its payloads parsed with zod as documented, its API hosts named, its settings validated,
    // and fixtures of the documented shapes for its tests.
    for (const part of ['schemas.ts', 'api-hosts.ts', 'settings.ts']) expect(files, `${folder}/${part}`).toContain(part);
    expect(has(`tests/fixtures/${facts.connectorFolder}`), `tests/fixtures/${facts.connectorFolder}`).toBe(true);
  });

  it(facts.teamListing ? 'lists a period for the team sync' : 'is left out of the team sync, and cannot list', () => {
    const folder = `lib/connectors/${facts.connectorFolder}`;
    const sources = readdirSync(path.join(root, folder)).map((f) => read(`${folder}/${f}`));
    expect(sources.some((s) => s.includes('listContexts') && s.includes('listingInstance'))).toBe(facts.teamListing);
  });
});

it('a system without a connector of its own takes no part in the team sync', () => {
  for (const s of SYSTEMS) if (VENDORS[s].connectorFolder === null) expect(VENDORS[s].teamListing, s).toBe(false);
});
