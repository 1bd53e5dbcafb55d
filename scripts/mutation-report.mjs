// Reads Stryker's report (the committed incremental file, reports/stryker-incremental.json) and prints the score
// per file and, with --survivors, each mutant no test kills: file:line, mutator, replacement and status.
//   node scripts/mutation-report.mjs [--survivors] [--markdown] [path-substring …]
// Score = (killed + timeout) / (all − ignored − compile errors), as Stryker counts it.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const survivors = args.includes('--survivors');
const markdown = args.includes('--markdown');
const filters = args.filter((a) => !a.startsWith('--'));
const report = JSON.parse(readFileSync('reports/stryker-incremental.json', 'utf8'));

const rows = [];
const total = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, valid: 0 };
for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  if (filters.length > 0 && !filters.some((f) => file.includes(f))) continue;
  const n = { killed: 0, survived: 0, noCoverage: 0, timeout: 0, valid: 0 };
  for (const m of mutants) {
    if (m.status === 'Ignored' || m.status === 'CompileError' || m.status === 'RuntimeError') continue;
    n.valid++;
    if (m.status === 'Killed') n.killed++;
    else if (m.status === 'Timeout') n.timeout++;
    else if (m.status === 'Survived') n.survived++;
    else if (m.status === 'NoCoverage') n.noCoverage++;
  }
  for (const k of Object.keys(total)) total[k] += n[k];
  rows.push([file, n]);
}

const score = (n) => (n.valid === 0 ? 'n/a' : ((100 * (n.killed + n.timeout)) / n.valid).toFixed(2));
const line = (name, n) =>
  markdown
    ? `| ${name} | ${score(n)} | ${n.killed} | ${n.timeout} | ${n.survived} | ${n.noCoverage} |`
    : `${score(n).padStart(6)}  ${String(n.killed + n.timeout).padStart(5)}/${String(n.valid).padEnd(5)} survived ${String(n.survived).padStart(3)}  no cov ${String(n.noCoverage).padStart(3)}  ${name}`;
if (markdown) console.log('| file | score % | killed | timeout | survived | no coverage |\n| --- | --- | --- | --- | --- | --- |');
for (const [file, n] of rows) console.log(line(file, n));
console.log(line(markdown ? '**all files**' : 'all files', total));

if (survivors) {
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (filters.length > 0 && !filters.some((f) => file.includes(f))) continue;
    for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage').sort((a, b) => a.location.start.line - b.location.start.line)) {
      const text = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 100);
      console.log(`${file}:${m.location.start.line}:${m.location.start.column}  ${m.mutatorName}  ${m.status}${m.static ? ' (static)' : ''}  → ${text}`);
    }
  }
}
