import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * IndexedDB opened in a content script belongs to the CRM page's origin: the user's cache and outbox would
 * land in salesforce.com's storage. So nothing the content script imports may reach the store or Dexie.
 */
const ROOT = resolve(__dirname, '../..');

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return undefined;
  const base = spec.startsWith('@/') ? resolve(ROOT, spec.slice(2)) : resolve(dirname(from), spec);
  return ['', '.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((path) => existsSync(path) && !path.endsWith('/'));
}

function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      // Type-only imports vanish from the bundle.
      if (/^(?:import|export)\s+type\s/.test(match[0])) continue;
      const spec = (match[1] ?? match[2])!;
      const target = resolveImport(file, spec);
      if (target) queue.push(target);
      else if (!spec.startsWith('.')) packages.add(spec);
    }
  }
  return { files, packages };
}

describe('content script', () => {
  it('never reaches the store, Dexie or IndexedDB', () => {
    const { files, packages } = importGraph(resolve(ROOT, 'entrypoints/content.ts'));
    expect(files.size).toBeGreaterThan(1);
    const relative = [...files].map((file) => file.slice(ROOT.length + 1));
    expect(relative.filter((file) => file.startsWith('lib/store/') || file.startsWith('lib/queries/'))).toEqual([]);
    expect([...packages].filter((name) => name.startsWith('dexie'))).toEqual([]);
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toMatch(/\bindexedDB\b/);
  });

  it('the check itself sees the store when it is imported', () => {
    const { files, packages } = importGraph(resolve(ROOT, 'lib/store/outbox.ts'));
    expect([...files].some((file) => file.endsWith('lib/store/db.ts'))).toBe(true);
    expect(packages.has('dexie')).toBe(true);
  });
});
