import { availableParallelism, loadavg } from 'node:os';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import type { Band } from '../../lib/domain/definitions/schema';
import { ENGAGEMENT_TYPES, type EngagementEvent } from '../../lib/domain/model';
import { qualify } from '../../lib/domain/qualification';
import { computeSla } from '../../lib/domain/sla';
import { computeTemperature } from '../../lib/domain/temperature';
import { mulberry32 } from '../../lib/connectors/demo/random';

/**
 * Figures for the domain engines (prints, asserts nothing on time). Targets on the 2-core CI machine:
 * temperature ≤ 2 ms per 10,000 events; SLA ≤ 5 µs per lead, amortized.
 */

const fmt = new Intl.NumberFormat('en-US');
const NOW = Date.parse('2026-11-25T12:00:00+09:00');
const DAY = 86_400_000;
const URLS = ['https://example.co.jp/pricing', 'https://example.co.jp/blog/a', 'https://example.co.jp/demo', 'https://example.co.jp/contact', undefined];

function makeEvents(n: number, random: () => number): EngagementEvent[] {
  const events: EngagementEvent[] = [];
  for (let i = 0; i < n; i++) {
    const type = ENGAGEMENT_TYPES[Math.floor(random() * ENGAGEMENT_TYPES.length)]!;
    const url = URLS[Math.floor(random() * URLS.length)];
    events.push({
      id: `marketo:${i}`,
      source: 'marketo',
      sourceId: String(i),
      type,
      occurredAt: NOW - Math.floor(random() * 180 * DAY),
      ...(url ? { url } : {}),
    });
  }
  return events;
}

/** Wall-clock ms of `fn`. */
function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** CPU ms this process spent in `fn`: steadier than wall time when other jobs share the machine. */
function cpuTime(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export async function runDomainBench(): Promise<void> {
  // Other jobs on the machine inflate wall times; the load average says how much to trust them.
  // A fixed reference workload (10,000 string-keyed Map inserts) to put the figures below in proportion.
  const keys = Array.from({ length: 10_000 }, (_, i) => `marketo:${i}`);
  const reference = () => {
    const m = new Map<string, number>();
    for (let i = 0; i < keys.length; i++) m.set(keys[i]!, i);
  };
  for (let i = 0; i < 20; i++) reference();
  const refSamples = Array.from({ length: 50 }, () => time(reference)).sort((a, b) => a - b);
  console.log(
    `domain bench: load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; reference (10,000 Map inserts): ${refSamples[0]!.toFixed(2)} ms min, ${refSamples[25]!.toFixed(2)} ms median`,
  );
  const random = mulberry32(42);
  const attributes = { title: '営業部長', employees: 1200, industry: 'Manufacturing', country: 'JP', email: 'a@example.co.jp', company: 'Example' };

  // Temperature over 10,000 events.
  const events = makeEvents(10_000, random);
  for (let i = 0; i < 20; i++) computeTemperature({ events, attributes, definitions: DEFAULT_DEFINITIONS, now: NOW });
  const runs = 100;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(time(() => computeTemperature({ events, attributes, definitions: DEFAULT_DEFINITIONS, now: NOW })));
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((a, b) => a + b, 0) / runs;
  const cpu = cpuTime(() => {
    for (let i = 0; i < runs; i++) computeTemperature({ events, attributes, definitions: DEFAULT_DEFINITIONS, now: NOW });
  });
  console.log(
    `temperature: 10,000 events, ${runs} runs: ${mean.toFixed(2)} ms/run mean, ${samples[runs >> 1]!.toFixed(2)} ms median, ${samples[0]!.toFixed(2)} ms min, ${(cpu / runs).toFixed(2)} ms CPU/run, median ${(samples[runs >> 1]! / refSamples[25]!).toFixed(1)}× the reference (target ≤ 2 ms)`,
  );

  // SLA due and remaining for 100,000 leads handed off across a year.
  const leads = 100_000;
  const bands: Band[] = ['hot', 'warm', 'cool', 'cold'];
  const handoffs = Array.from({ length: leads }, () => NOW - Math.floor(random() * 365 * DAY));
  const leadBands = Array.from({ length: leads }, () => bands[Math.floor(random() * 4)]!);
  let breached = 0;
  const slaPass = () => {
    breached = 0;
    for (let i = 0; i < leads; i++) {
      const s = computeSla({ handoffAt: handoffs[i]!, band: leadBands[i]!, firstTouchAt: null, definitions: DEFAULT_DEFINITIONS, now: NOW });
      if (s.status === 'breached') breached++;
    }
  };
  const slaMs = time(slaPass);
  const slaCpu = cpuTime(slaPass);
  console.log(
    `sla: ${fmt.format(leads)} leads (due + remaining): ${((slaMs * 1000) / leads).toFixed(2)} µs/lead amortized (first pass, cold caches), ${((slaCpu * 1000) / leads).toFixed(2)} µs CPU/lead warm, ${fmt.format(breached)} breached (target ≤ 5 µs)`,
  );

  // Qualification for 100,000 leads.
  const temps = Array.from({ length: 100 }, (_, i) =>
    computeTemperature({ events: events.slice(i * 10, i * 10 + 10), attributes, definitions: DEFAULT_DEFINITIONS, now: NOW }),
  );
  let passed = 0;
  const qualPass = () => {
    passed = 0;
    for (let i = 0; i < leads; i++) {
      const q = qualify({ person: { attributes }, temperature: temps[i % 100]!, versions: [DEFAULT_DEFINITIONS], at: handoffs[i]! });
      if (q.mql.passed) passed++;
    }
  };
  const qualMs = time(qualPass);
  const qualCpu = cpuTime(qualPass);
  console.log(
    `qualification: ${fmt.format(leads)} leads: ${((qualMs * 1000) / leads).toFixed(2)} µs/lead, ${((qualCpu * 1000) / leads).toFixed(2)} µs CPU/lead warm, ${fmt.format(passed)} MQL`,
  );
}
