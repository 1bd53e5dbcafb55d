import bulkJobCreated from '../../fixtures/salesforce/bulk-query-job-created.json';
import bulkJobComplete from '../../fixtures/salesforce/bulk-query-job-complete.json';
import deletedExample from '../../fixtures/salesforce/deleted-leads.json';
import userinfo from '../../fixtures/salesforce/userinfo.json';

/**
 * A Salesforce org with many leads and contacts, answering the listing's requests in the documented shapes:
 * the REST query resource (`totalSize`, `done`, `nextRecordsUrl`, child subqueries nested as query results,
 * child rows counting toward `Sforce-Query-Options: batchSize`), sObject Get Deleted, and Bulk API 2.0 query
 * jobs (UploadComplete → InProgress → JobComplete, CSV result sets behind `Sforce-Locator`). It reads the SOQL
 * Baton sends (only the shapes the listing writes) and counts every call in `Sforce-Limit-Info`.
 * A plain `fetch` (no MSW), so the benchmark can drive 50,000 leads through it quickly.
 */
export const LIST_INSTANCE = 'https://acme.my.salesforce.com';
export const USER_ID = userinfo.user_id;
const OTHER_USER = '0055e000002OtherAAC';

type Json = Record<string, unknown>;
export interface FakePerson {
  object: 'Lead' | 'Contact';
  record: Json;
  ownerId: string;
  createdAt: number;
  modifiedAt: number;
  histories: Json[];
  tasks: Json[];
  events: Json[];
  members: Json[];
}

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function sfId(prefix: string, n: number): string {
  // 15 characters, then a fixed 3-character suffix: the fake never checks the checksum.
  return `${prefix}5e${n.toString(36).toUpperCase().padStart(10, '0')}AAA`;
}

const STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Closed - Not Converted'];
const ref = (type: string, name: string) => ({ attributes: { type: 'Name', url: `/services/data/v65.0/sobjects/${type}/x` }, Name: name });

/** People spread over `days` before `now`, each with history, touches and campaigns (8 child rows on average). */
export function generatePeople(opts: { leads: number; contacts?: number; now: number; days?: number }): FakePerson[] {
  const out: FakePerson[] = [];
  const days = opts.days ?? 150;
  const total = opts.leads + (opts.contacts ?? 0);
  for (let i = 0; i < total; i++) {
    const object = i < opts.leads ? 'Lead' : 'Contact';
    const id = sfId(object === 'Lead' ? '00Q' : '003', i);
    // Created up to 4 days ago, so every child and change of the generated history lies before `now`.
    const createdAt = opts.now - days * DAY + Math.floor((i * (days - 4) * DAY) / Math.max(1, total));
    const status = STATUSES[i % 3]!;
    const owner = i % 4 === 0 ? USER_ID : OTHER_USER;
    const common: Json = {
      attributes: { type: object, url: `/services/data/v65.0/sobjects/${object}/${id}` },
      Id: id,
      Name: `Person ${i}`,
      Email: `person${i}@example.co.jp`,
      Phone: null,
      Title: 'Manager',
      LeadSource: i % 2 ? 'Webinar' : 'Web',
      CreatedDate: iso(createdAt),
      Owner: ref('User', owner === USER_ID ? 'Sato Hanako' : 'Suzuki Ichiro'),
    };
    const record: Json =
      object === 'Lead'
        ? {
            ...common,
            Company: `Company ${i % 500}`,
            Industry: 'Manufacturing',
            NumberOfEmployees: 100 + (i % 900),
            Country: 'Japan',
            Status: status,
            IsConverted: false,
            ConvertedDate: null,
            ConvertedContactId: null,
            ConvertedOpportunityId: null,
            ConvertedOpportunity: null,
            pi__score__c: i % 200,
            pi__grade__c: 'B',
            pi__last_activity__c: iso(createdAt + HOUR),
            pi__url__c: null,
          }
        : { ...common, MailingCountry: 'Japan', Account: { attributes: { type: 'Account' }, Name: `Company ${i % 500}`, Industry: 'Retail', NumberOfEmployees: 300 } };
    const t = (h: number) => iso(createdAt + h * HOUR);
    const histories =
      object === 'Lead'
        ? [
            { attributes: { type: 'LeadHistory' }, Id: sfId('017', i * 4), Field: 'created', OldValue: null, NewValue: null, CreatedDate: t(0), CreatedById: OTHER_USER, CreatedBy: ref('User', 'Marketing Automation') },
            { attributes: { type: 'LeadHistory' }, Id: sfId('017', i * 4 + 1), Field: 'Status', OldValue: 'Open - Not Contacted', NewValue: 'Working - Contacted', CreatedDate: t(2), CreatedById: owner, CreatedBy: ref('User', 'Sato Hanako') },
            { attributes: { type: 'LeadHistory' }, Id: sfId('017', i * 4 + 2), Field: 'Owner', OldValue: 'Queue', NewValue: 'Sato Hanako', CreatedDate: t(1), CreatedById: owner, CreatedBy: ref('User', 'Sato Hanako') },
          ]
        : [];
    const tasks = [0, 1].map((k) => ({
      attributes: { type: 'Task' },
      Id: sfId('00T', i * 2 + k),
      Subject: k ? 'Follow-up e-mail' : 'Call',
      TaskSubtype: k ? 'Email' : 'Call',
      Type: k ? 'Email' : 'Call',
      Status: 'Completed',
      ActivityDate: t(3 + k * 24).slice(0, 10),
      CompletedDateTime: t(3 + k * 24),
      CreatedDate: t(3 + k * 24),
      CallDisposition: null,
      Description: null,
      Owner: ref('User', 'Sato Hanako'),
    }));
    const events = [{ attributes: { type: 'Event' }, Id: sfId('00U', i), Subject: 'Meeting', Type: 'Meeting', StartDateTime: t(72), CreatedDate: t(30), Owner: ref('User', 'Sato Hanako') }];
    const members = [0, 1].map((k) => ({
      attributes: { type: 'CampaignMember' },
      Id: sfId('00v', i * 2 + k),
      Status: k ? 'Sent' : 'Attended',
      HasResponded: !k,
      FirstRespondedDate: k ? null : t(0).slice(0, 10),
      CreatedDate: t(-24 + k),
      Campaign: { attributes: { type: 'Campaign' }, Name: k ? 'Newsletter' : `Webinar ${i % 12}`, Type: k ? 'Email' : 'Webinar' },
    }));
    const stamp = (rows: Json[]) => rows.forEach((r) => (r.SystemModstamp = r.CreatedDate));
    [histories, tasks, events, members].forEach(stamp);
    out.push({ object, record, ownerId: owner, createdAt, modifiedAt: createdAt + 72 * HOUR, histories, tasks, events, members });
  }
  return out;
}

interface Cursor {
  ids: string[];
  offset: number;
  soql: string;
  batchSize: number;
}
interface Job {
  id: string;
  object: string;
  rows: Json[];
  columns: string[];
  polls: number;
}

function getPath(row: Json, path: string): unknown {
  let v: unknown = row;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Json)[key] : undefined;
  return v;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Top-level SELECT fields (subqueries in parentheses skipped). */
function selectFields(soql: string): string[] {
  const list = /^SELECT (.*?) FROM \w+ WHERE/.exec(soql.replace(/\(SELECT [^()]*(?:\([^()]*\)[^()]*)*\)/g, ''))?.[1] ?? '';
  return list
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
}

function project(row: Json, fields: string[]): Json {
  const out: Json = { attributes: row.attributes };
  for (const f of fields) {
    const [head, ...rest] = f.split('.');
    if (rest.length === 0) out[head!] = row[head!] ?? null;
    else if (!(head! in out)) out[head!] = row[head!] ?? null;
  }
  return out;
}

export function createListingOrg(opts: { people: FakePerson[]; now: number; dailyMax?: number; pollsUntilComplete?: number }) {
  const state = {
    people: new Map(opts.people.map((p) => [p.record.Id as string, p])),
    deleted: [] as { id: string; object: 'Lead' | 'Contact'; at: number }[],
    used: 1000,
    max: opts.dailyMax ?? 1_000_000,
    calls: 0,
    requests: [] as string[],
    cursors: new Map<string, Cursor>(),
    jobs: new Map<string, Job>(),
    pollsUntilComplete: opts.pollsUntilComplete ?? 2,
    /** Fail every request after this many calls (a killed run): thrown like a network failure. */
    failAfter: Infinity,
    /** Resolve, then abort the listing's signal, after this call. */
    onCall: undefined as undefined | ((n: number) => void),
    now: opts.now,
  };
  let seq = 0;

  const json = (body: unknown, status = 200, extra: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', 'Sforce-Limit-Info': `api-usage=${state.used}/${state.max}`, ...extra },
    });
  const error = (status: number, errorCode: string, message: string) => json([{ message, errorCode }], status);

  /** The people a WHERE selects (only the listing's own conditions are understood). */
  function matching(object: string, where: string): FakePerson[] {
    let w = where;
    const semi = /Id IN \(SELECT (\w+) FROM (\w+) WHERE SystemModstamp >= ([\dT:Z-]+)\)/.exec(w);
    let semiIds: Set<string> | null = null;
    if (semi) {
      const since = Date.parse(semi[3]!);
      const key = { Task: 'tasks', Event: 'events', CampaignMember: 'members' }[semi[2]!] as 'tasks' | 'events' | 'members';
      semiIds = new Set([...state.people.values()].filter((p) => p[key].some((c) => Date.parse(String(c.SystemModstamp).replace('+0000', 'Z')) >= since)).map((p) => p.record.Id as string));
      w = w.replace(semi[0], '');
    }
    const antiConverted = /Id NOT IN \(SELECT ConvertedContactId FROM Lead WHERE IsConverted = true\)/.test(w);
    w = w.replace(/Id NOT IN \(SELECT ConvertedContactId FROM Lead WHERE IsConverted = true\)/, '');
    const converted = new Set([...state.people.values()].map((p) => p.record.ConvertedContactId).filter(Boolean));
    const ge = /SystemModstamp >= ([\dT:Z-]+)/.exec(w);
    const lt = /SystemModstamp < ([\dT:Z-]+)/.exec(w);
    const createdLt = /CreatedDate < ([\dT:Z-]+)/.exec(w);
    const owner = /OwnerId = '(\w+)'/.exec(w);
    const notConverted = /IsConverted = false/.test(w);
    return [...state.people.values()].filter(
      (p) =>
        p.object === object &&
        (!semiIds || semiIds.has(p.record.Id as string)) &&
        (!antiConverted || !converted.has(p.record.Id)) &&
        (!ge || p.modifiedAt >= Date.parse(ge[1]!)) &&
        (!lt || p.modifiedAt < Date.parse(lt[1]!)) &&
        (!createdLt || p.createdAt < Date.parse(createdLt[1]!)) &&
        (!owner || p.ownerId === owner[1]) &&
        (!notConverted || p.record.IsConverted === false),
    );
  }

  function childLimit(soql: string, relationship: string): number {
    return Number(new RegExp(`FROM ${relationship} .*?LIMIT (\\d+)\\)`).exec(soql)?.[1] ?? 0);
  }

  /** The person as the REST query returns it: selected fields, children nested (or null when none). */
  function restRecord(p: FakePerson, soql: string, fields: string[]): { record: Json; rows: number } {
    const record = project(p.record, fields);
    let rows = 1;
    const nest = (relationship: string, children: Json[], filter: (c: Json) => boolean = () => true) => {
      if (!soql.includes(`FROM ${relationship} `)) return;
      const kept = children.filter(filter).sort((a, b) => String(a.CreatedDate).localeCompare(String(b.CreatedDate))).slice(0, childLimit(soql, relationship));
      rows += kept.length;
      record[relationship] = kept.length ? { totalSize: kept.length, done: true, records: kept } : null;
    };
    nest('Histories', p.histories, (c) => ['Status', 'Owner', 'created'].includes(String(c.Field)));
    nest('Tasks', p.tasks);
    nest('Events', p.events);
    nest('CampaignMembers', p.members);
    return { record, rows };
  }

  function queryPage(cursor: Cursor, locator: string) {
    const fields = selectFields(cursor.soql);
    const records: Json[] = [];
    let rows = 0;
    let i = cursor.offset;
    for (; i < cursor.ids.length; i++) {
      const p = state.people.get(cursor.ids[i]!);
      if (!p) continue;
      const r = restRecord(p, cursor.soql, fields);
      // Child rows count toward the batch size (Sforce-Query-Options); a page holds at least one parent.
      if (records.length > 0 && rows + r.rows > cursor.batchSize) break;
      rows += r.rows;
      records.push(r.record);
    }
    const done = i >= cursor.ids.length;
    const body: Json = { totalSize: cursor.ids.length, done, records };
    if (!done) {
      const next = `${locator.split('-')[0]}-${i}`;
      state.cursors.set(next, { ...cursor, offset: i });
      body.nextRecordsUrl = `/services/data/v65.0/query/${next}`;
    }
    return json(body);
  }

  function bulkRows(soql: string): { object: string; rows: Json[]; columns: string[] } {
    const object = /FROM (\w+) WHERE/.exec(soql)![1]!;
    const columns = selectFields(soql);
    const inner = /IN \(SELECT Id FROM (Lead|Contact) WHERE (.*)\)$/.exec(soql);
    if (object === 'Lead' || object === 'Contact') {
      const where = soql.slice(soql.indexOf(' WHERE ') + 7);
      return { object, columns, rows: matching(object, where).map((p) => p.record) };
    }
    const parents = matching(inner![1]!, inner![2]!);
    const key = { Task: 'tasks', Event: 'events', CampaignMember: 'members', LeadHistory: 'histories', ContactHistory: 'histories' }[object] as 'tasks' | 'events' | 'members' | 'histories';
    const parentColumn = columns[columns.length - 1]!;
    const rows = parents.flatMap((p) =>
      p[key].filter((c) => key !== 'histories' || ['Status', 'Owner', 'created'].includes(String(c.Field))).map((c) => ({ ...c, [parentColumn]: p.record.Id })),
    );
    return { object, columns, rows };
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (request.method === 'GET' && path === '/services/oauth2/userinfo') return json(userinfo);
    if (request.method === 'GET' && /^\/services\/data\/v[\d.]+\/query\/$/.test(path)) {
      const soql = url.searchParams.get('q') ?? '';
      const m = /FROM (Lead|Contact) WHERE (.*)$/.exec(soql.replace(/\(SELECT [^()]*(?:\([^()]*\)[^()]*)*\)(?=,| FROM)/g, ''));
      if (!m) return error(400, 'MALFORMED_QUERY', `unexpected query ${soql}`);
      const where = soql.slice(soql.lastIndexOf(`FROM ${m[1]} WHERE `) + `FROM ${m[1]} WHERE `.length);
      const batch = Number(/batchSize=(\d+)/.exec(request.headers.get('Sforce-Query-Options') ?? '')?.[1] ?? 2000);
      const cursor: Cursor = { ids: matching(m[1]!, where).map((p) => p.record.Id as string), offset: 0, soql, batchSize: Math.min(2000, Math.max(200, batch)) };
      return queryPage(cursor, `01gR0000000${++seq}`);
    }
    const more = /^\/services\/data\/v[\d.]+\/query\/([\w-]+)$/.exec(path);
    if (request.method === 'GET' && more) {
      const cursor = state.cursors.get(more[1]!);
      return cursor ? queryPage(cursor, more[1]!) : error(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    }
    const del = /^\/services\/data\/v[\d.]+\/sobjects\/(Lead|Contact)\/deleted\/$/.exec(path);
    if (request.method === 'GET' && del) {
      const start = Date.parse(url.searchParams.get('start') ?? '');
      const end = Date.parse(url.searchParams.get('end') ?? '');
      const found = state.deleted.filter((d) => d.object === del[1] && d.at >= start && d.at <= end);
      return json({ ...deletedExample, deletedRecords: found.map((d) => ({ id: d.id, deletedDate: iso(d.at) })), latestDateCovered: iso(end) });
    }
    if (request.method === 'POST' && /^\/services\/data\/v[\d.]+\/jobs\/query$/.test(path)) {
      const body = (await request.json()) as { operation: string; query: string };
      const { object, rows, columns } = bulkRows(body.query);
      const id = `750R${String(++seq).padStart(11, '0')}AAA`;
      state.jobs.set(id, { id, object, rows, columns, polls: 0 });
      return json({ ...bulkJobCreated, id, object });
    }
    const jobInfo = /^\/services\/data\/v[\d.]+\/jobs\/query\/(\w+)$/.exec(path);
    if (request.method === 'GET' && jobInfo) {
      const job = state.jobs.get(jobInfo[1]!);
      if (!job) return error(404, 'NOT_FOUND', 'job not found');
      job.polls++;
      const st = job.polls >= state.pollsUntilComplete ? 'JobComplete' : job.polls === 1 ? 'UploadComplete' : 'InProgress';
      return json({ ...bulkJobComplete, id: job.id, object: job.object, state: st, numberRecordsProcessed: st === 'JobComplete' ? job.rows.length : 0 });
    }
    const results = /^\/services\/data\/v[\d.]+\/jobs\/query\/(\w+)\/results$/.exec(path);
    if (request.method === 'GET' && results) {
      const job = state.jobs.get(results[1]!);
      if (!job) return error(404, 'NOT_FOUND', 'job not found');
      const from = Number.parseInt(url.searchParams.get('locator') ?? '0', 36) || 0;
      const max = Number(url.searchParams.get('maxRecords') ?? 50_000);
      const slice = job.rows.slice(from, from + max);
      const lines = [job.columns.join(','), ...slice.map((r) => job.columns.map((c) => csvCell(getPath(r, c))).join(','))];
      const next = from + max < job.rows.length ? (from + max).toString(36) : 'null';
      return new Response(lines.join('\n') + '\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Sforce-Locator': next, 'Sforce-NumberOfRecords': String(slice.length), 'Sforce-Limit-Info': `api-usage=${state.used}/${state.max}` },
      });
    }
    return error(404, 'NOT_FOUND', `The requested resource does not exist: ${request.method} ${path}`);
  }

  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    init?.signal?.throwIfAborted();
    if (state.calls >= state.failAfter) throw new TypeError('Failed to fetch');
    state.calls++;
    state.used++;
    state.requests.push(`${request.method} ${new URL(request.url).pathname}`);
    const res = await handle(request);
    state.onCall?.(state.calls);
    return res;
  };

  return {
    state,
    fetch: fetchImpl,
    /** A person's record changes (a stage moved): SystemModstamp moves. */
    modify(id: string, change: Json, at: number) {
      const p = state.people.get(id)!;
      Object.assign(p.record, change);
      p.modifiedAt = at;
    },
    /** A touch logged on a person: the Task's SystemModstamp moves, the person's does not. */
    addTask(id: string, at: number) {
      const p = state.people.get(id)!;
      p.tasks.push({ attributes: { type: 'Task' }, Id: sfId('00T', 900_000 + seq++), Subject: 'Call', TaskSubtype: 'Call', Type: 'Call', Status: 'Completed', ActivityDate: iso(at).slice(0, 10), CompletedDateTime: iso(at), CreatedDate: iso(at), SystemModstamp: iso(at), CallDisposition: null, Description: null, Owner: ref('User', 'Sato Hanako') });
    },
    remove(id: string, at: number) {
      const p = state.people.get(id)!;
      state.people.delete(id);
      state.deleted.push({ id, object: p.object, at });
    },
  };
}
