import { recordKey, type RecordRef } from '../../lib/domain/model';
import { readContext } from '../../lib/store/context-repo';
import type { ActivityRow, BatonDb, EventRow, PersonRow, RecordRow } from '../../lib/store/db';

/**
 * The store benchmark, runnable anywhere Dexie runs: Node with fake-indexeddb (store-fake.ts) and a real
 * Chromium extension page (entrypoints/bench, driven by store-chromium.ts). Same code, same data.
 */
export interface StoreBenchScale {
  people: number;
  events: number;
  /** People whose context is read: each has `heavyEvents` events and `heavyActivities` activities. */
  heavyPeople: number;
  heavyEvents: number;
  heavyActivities: number;
  reads: number;
  /**
   * Pause after the bulk write and reads not counted, so the figure is a panel opening a record, not a read
   * racing the storage engine's compaction of a million fresh rows.
   */
  settleMs: number;
  warmupReads: number;
}

export const FULL_SCALE: StoreBenchScale = {
  people: 100_000,
  events: 1_000_000,
  heavyPeople: 20,
  heavyEvents: 500,
  heavyActivities: 50,
  reads: 200,
  settleMs: 3_000,
  warmupReads: 20,
};

export interface StoreBenchResult {
  scale: StoreBenchScale;
  writePeopleSeconds: number;
  writeEventsSeconds: number;
  writeTotalSeconds: number;
  readP50Ms: number;
  readP95Ms: number;
  readMaxMs: number;
  /** The floor, read in the same run: the same rows through plain IndexedDB getAll on the same indexes. */
  floorP50Ms: number;
  floorP95Ms: number;
  eventsPerRead: number;
  activitiesPerRead: number;
}

const T0 = Date.UTC(2026, 0, 1);
const CHUNK = 10_000;
const TYPES = ['email_open', 'email_click', 'page_view', 'form_submit', 'webinar_attended'] as const;

function refOf(i: number): RecordRef {
  return { system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id: `00Q${String(i).padStart(12, '0')}AAA` };
}
const personKeyOf = (i: number) => `lead${i}@example${i % 997}.co.jp`;

function personRow(i: number): PersonRow {
  const ref = refOf(i);
  const mkto: RecordRef = { system: 'marketo', instance: '123-ABC-456', object: 'lead', id: String(1_000_000 + i) };
  return {
    key: personKeyOf(i),
    name: `見込客 ${i}`,
    email: personKeyOf(i),
    company: `株式会社サンプル${i % 5000}`,
    title: '部長',
    stage: 'mql',
    vendorStage: 'Working - Contacted',
    attributes: { industry: 'Manufacturing', employees: 100 + (i % 5000), country: 'JP' },
    links: [{ ref }, { ref: mkto }],
    linkKeys: [recordKey(ref), recordKey(mkto)],
    updatedAt: T0,
    sources: ['salesforce', 'marketo'],
    lastViewedAt: T0 + i,
  };
}

function eventRow(n: number, person: number, t: number): EventRow {
  return {
    id: `marketo:${n}`,
    source: 'marketo',
    sourceId: String(n),
    type: TYPES[n % TYPES.length]!,
    occurredAt: t,
    vendorType: 'Visit Webpage',
    url: `https://www.example.co.jp/products/${n % 300}`,
    campaign: `2026-${(n % 12) + 1}-nurture`,
    personKey: personKeyOf(person),
  };
}

/**
 * The floor for a context read: what IndexedDB itself costs for the same rows, with no Dexie and no mapping.
 * One read-only transaction over the same stores, the record looked up first (as readContext does), then every
 * range read with getAll on the same primary key or index readContext uses.
 */
export async function readContextFloor(idb: IDBDatabase, key: string): Promise<number> {
  const stores = ['records', 'people', 'events', 'activities', 'stageChanges', 'opportunities', 'remoteFeedback', 'sync'];
  const tx = idb.transaction(stores, 'readonly');
  const ask = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const record = await ask<RecordRow | undefined>(tx.objectStore('records').get(key));
  if (!record) return 0;
  const pk = record.personKey;
  // Dexie.minKey / maxKey: -Infinity sorts before every key, an array after every number and string.
  const range = IDBKeyRange.bound([pk, -Infinity], [pk, [[]]]);
  const [, , , events] = await Promise.all([
    ask(tx.objectStore('people').get(pk)),
    ask(tx.objectStore('records').get(key)),
    ask(tx.objectStore('sync').get(key)),
    ask(tx.objectStore('events').getAll(range)),
    ask(tx.objectStore('activities').index('[personKey+occurredAt]').getAll(range)),
    ask(tx.objectStore('stageChanges').index('[personKey+at]').getAll(range)),
    ask(tx.objectStore('opportunities').index('personKey').getAll(pk)),
    ask(tx.objectStore('remoteFeedback').index('personKey').getAll(pk)),
  ]);
  return events.length;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;

export async function runStoreBench(
  db: BatonDb,
  scale: StoreBenchScale,
  log: (line: string) => void = () => {},
): Promise<StoreBenchResult> {
  const now = () => performance.now();
  // Heavy people are spread over the key space so their rows are not all adjacent.
  const heavy = Array.from({ length: scale.heavyPeople }, (_, k) => Math.floor(((k + 0.5) * scale.people) / scale.heavyPeople));
  const heavySet = new Set(heavy);

  const t0 = now();
  for (let start = 0; start < scale.people; start += CHUNK) {
    const people: PersonRow[] = [];
    const records: RecordRow[] = [];
    for (let i = start; i < Math.min(scale.people, start + CHUNK); i++) {
      people.push(personRow(i));
      records.push({ key: recordKey(refOf(i)), ref: refOf(i), personKey: personKeyOf(i), warnings: [], fetchedAt: T0, lastViewedAt: T0 + i });
    }
    await db.transaction('rw', [db.people, db.records], async () => {
      await db.people.bulkPut(people);
      await db.records.bulkPut(records);
    });
  }
  const t1 = now();
  log(`people written: ${scale.people} in ${((t1 - t0) / 1000).toFixed(1)} s`);

  // Events: heavy people first, then the rest spread over everyone else.
  let n = 0;
  const pending: EventRow[] = [];
  const flush = async () => {
    if (!pending.length) return;
    await db.events.bulkPut(pending.splice(0));
  };
  for (const person of heavy) {
    for (let k = 0; k < scale.heavyEvents; k++) {
      pending.push(eventRow(n++, person, T0 - k * 3_600_000));
      if (pending.length >= CHUNK) await flush();
    }
  }
  const rest = Math.max(0, scale.events - n);
  const light = scale.people - scale.heavyPeople;
  for (let k = 0; k < rest; k++) {
    let person = k % scale.people;
    if (heavySet.has(person)) person = (person + 1) % scale.people;
    pending.push(eventRow(n++, person, T0 - Math.floor(k / light) * 86_400_000));
    if (pending.length >= CHUNK) {
      await flush();
      if (n % 200_000 < CHUNK) log(`events written: ${n}`);
    }
  }
  await flush();
  const activities: ActivityRow[] = heavy.flatMap((person) =>
    Array.from({ length: scale.heavyActivities }, (_, k) => ({
      id: `salesforce:00T${person}-${k}`,
      source: 'salesforce' as const,
      type: 'call' as const,
      occurredAt: T0 - k * 86_400_000,
      by: '佐藤',
      personKey: personKeyOf(person),
    })),
  );
  await db.activities.bulkPut(activities);
  const t2 = now();
  log(`events written: ${n} in ${((t2 - t1) / 1000).toFixed(1)} s`);

  await new Promise((resolve) => setTimeout(resolve, scale.settleMs));
  for (let r = 0; r < scale.warmupReads; r++) await readContext(db, refOf(heavy[r % heavy.length]!));
  const idb = db.backendDB();
  for (let r = 0; r < scale.warmupReads; r++) await readContextFloor(idb, recordKey(refOf(heavy[r % heavy.length]!)));
  // Interleaved, so both see the same machine: a busy moment slows both, not one.
  const times: number[] = [];
  const floor: number[] = [];
  let eventsPerRead = 0;
  let activitiesPerRead = 0;
  for (let r = 0; r < scale.reads; r++) {
    const person = heavy[r % heavy.length]!;
    const start = now();
    const cached = await readContext(db, refOf(person));
    times.push(now() - start);
    eventsPerRead = cached?.context.events.length ?? 0;
    activitiesPerRead = cached?.context.activities.length ?? 0;
    const floorStart = now();
    const floorEvents = await readContextFloor(idb, recordKey(refOf(person)));
    floor.push(now() - floorStart);
    if (floorEvents !== eventsPerRead) throw new Error(`The floor read ${floorEvents} events where readContext read ${eventsPerRead}`);
  }
  times.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  return {
    scale,
    writePeopleSeconds: (t1 - t0) / 1000,
    writeEventsSeconds: (t2 - t1) / 1000,
    writeTotalSeconds: (t2 - t0) / 1000,
    readP50Ms: percentile(times, 0.5),
    readP95Ms: percentile(times, 0.95),
    readMaxMs: times.at(-1) ?? NaN,
    floorP50Ms: percentile(floor, 0.5),
    floorP95Ms: percentile(floor, 0.95),
    eventsPerRead,
    activitiesPerRead,
  };
}

export function formatStoreBench(where: string, r: StoreBenchResult): string {
  const s = r.scale;
  return [
    `[store ${where}] scale: ${s.people.toLocaleString('en')} people, ${s.events.toLocaleString('en')} events; read ${s.reads}× (after ${s.settleMs / 1000} s settle, ${s.warmupReads} warm-up reads) a context of ${r.eventsPerRead} events + ${r.activitiesPerRead} activities`,
    `[store ${where}] bulk write: people ${r.writePeopleSeconds.toFixed(1)} s, events ${r.writeEventsSeconds.toFixed(1)} s, total ${r.writeTotalSeconds.toFixed(1)} s`,
    `[store ${where}] context read: p50 ${r.readP50Ms.toFixed(2)} ms, p95 ${r.readP95Ms.toFixed(2)} ms, max ${r.readMaxMs.toFixed(2)} ms`,
    `[store ${where}] floor (plain IndexedDB getAll, same rows, same run): p50 ${r.floorP50Ms.toFixed(2)} ms, p95 ${r.floorP95Ms.toFixed(2)} ms`,
    `[store ${where}] context read / floor: p50 ${(r.readP50Ms / r.floorP50Ms).toFixed(2)}×, p95 ${(r.readP95Ms / r.floorP95Ms).toFixed(2)}× (target ≤ 2×)`,
  ].join('\n');
}
