// Merges Stryker reports of groups measured side by side (each with its own --incrementalFile) into the committed
// incremental file, so a clean clone reuses all of them (docs/mutation.md, "Groups side by side").
//   node scripts/mutation-merge.mjs <into.json> <group.json>=<path-prefix>[,<path-prefix>…] …
// Each group's report supplies the files under its prefixes; the rest of <into.json> is kept. Test ids are numbers
// local to one run, so every mutant's coveredBy/killedBy is rewritten through (test file, test name).
import { readFileSync, writeFileSync } from 'node:fs';

const [into, ...groups] = process.argv.slice(2);
const read = (p) => JSON.parse(readFileSync(p, 'utf8'));
const merged = read(into);

const keyOf = new Map(); // report → Map(local id → "file\0name")
const testKeys = (report) => {
  if (!keyOf.has(report)) {
    const m = new Map();
    for (const [file, { tests }] of Object.entries(report.testFiles ?? {})) for (const t of tests) m.set(t.id, `${file}\0${t.name}`);
    keyOf.set(report, m);
  }
  return keyOf.get(report);
};

// Sources of each file: [report, file entry]; later groups win.
const sources = new Map(Object.entries(merged.files).map(([f, e]) => [f, [merged, e]]));
const testFileSources = new Map(Object.entries(merged.testFiles ?? {}).map(([f, e]) => [f, e]));
for (const arg of groups) {
  const [path, prefixes] = arg.split('=');
  const report = read(path);
  const owned = prefixes.split(',');
  for (const [f, e] of Object.entries(report.files)) if (owned.some((p) => f.startsWith(p))) sources.set(f, [report, e]);
  for (const [f, e] of Object.entries(report.testFiles ?? {})) testFileSources.set(f, e);
}

// New numbering over the union of tests, by (file, name).
const ids = new Map();
const testFiles = {};
for (const [file, entry] of [...testFileSources].sort(([a], [b]) => a.localeCompare(b))) {
  const seen = new Set();
  const tests = [];
  for (const t of entry.tests) {
    const key = `${file}\0${t.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!ids.has(key)) ids.set(key, String(ids.size));
    tests.push({ ...t, id: ids.get(key) });
  }
  testFiles[file] = { ...entry, tests };
}
const remap = (report, list) => list?.map((id) => ids.get(testKeys(report).get(id))).filter((id) => id !== undefined);

const files = {};
for (const [f, [report, entry]] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
  files[f] = { ...entry, mutants: entry.mutants.map((m) => ({ ...m, coveredBy: remap(report, m.coveredBy), killedBy: remap(report, m.killedBy) })) };
}
writeFileSync(into, JSON.stringify({ ...merged, files, testFiles }));
console.log(`${Object.keys(files).length} files, ${ids.size} tests → ${into}`);
