import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { exportDefinitions, parseDefinitions } from '../../lib/domain/definitions/parse-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';
import { mapVendorStage, mapVendorValue } from '../../lib/domain/definitions/stage-mapping';
import { definitionsInForce, effectiveFromMs } from '../../lib/domain/definitions/version-in-force';
import { isJapaneseHoliday } from '../../lib/domain/japan-holidays';

const D = DEFAULT_DEFINITIONS;

describe('the default definitions document', () => {
  it('validates', () => {
    const r = parseDefinitions(D);
    expect(r.ok).toBe(true);
  });
  it('describes every stage in Japanese and English', () => {
    expect(D.stages.map((s) => s.id)).toEqual(['inquiry', 'mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'recycled', 'disqualified']);
    for (const s of D.stages) {
      expect(s.label.ja).not.toBe('');
      expect(s.description.en).not.toBe('');
    }
  });
  it.each(['json', 'yaml'] as const)('survives export and import as %s unchanged', (format) => {
    const text = exportDefinitions(D, format);
    const back = parseDefinitions(text, format);
    expect(back).toEqual({ ok: true, definitions: D });
  });
  it('reads YAML written by hand, guessing the format', () => {
    const yaml = exportDefinitions(D, 'yaml').replace('halfLifeDays: 14', 'halfLifeDays: 7  # faster decay');
    const r = parseDefinitions(yaml);
    expect(r.ok && r.definitions.score.engagement.halfLifeDays).toBe(7);
  });
});

type Mutation = (d: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('invalid documents are rejected with the path and the rule in plain words', () => {
  it.each<[string, Mutation, string, RegExp, RegExp]>([
    ['a missing id', (d) => delete d.id, 'id', /is required/, /必須/],
    ['a version of 0', (d) => (d.version = 0), 'version', /greater than 0/, /より大きく/],
    ['an effectiveFrom without an offset', (d) => (d.effectiveFrom = '2026-04-01'), 'effectiveFrom', /offset/, /時差/],
    ['a misspelt key', (d) => (d.sla.warnAtFraktion = 0.5), 'sla', /unknown key.*warnAtFraktion/, /不明な項目/],
    ['a text budget', (d) => (d.sla.policies[0].budgetMinutes = '60'), 'sla.policies[0].budgetMinutes', /must be a number/, /数値/],
    ['a bad time zone', (d) => (d.calendar.timeZone = 'Tokyo'), 'calendar.timeZone', /IANA/, /タイムゾーン/],
    ['a time with seconds', (d) => (d.calendar.weeklyHours.mon[1].end = '12:30:00'), 'calendar.weeklyHours.mon[1].end', /HH:MM/, /時刻/],
    ['an opening ending before it starts', (d) => (d.calendar.weeklyHours.mon[1] = { start: '14:00', end: '12:30' }), 'calendar.weeklyHours.mon[1]', /start must be before end/, /前に/],
    ['bands out of order', (d) => (d.temperature.bands.warm = 90), 'temperature.bands', /hot > warm > cool/, /しきい値/],
    ['an unknown grade in the MQL criteria', (d) => (d.qualification.mql.minFitGrade = 'S'), 'qualification.mql.minFitGrade', /A, B, C, D/, /グレード/],
    ['a missing stage', (d) => d.stages.pop(), 'stages', /"disqualified" is not described/, /disqualified/],
    ['a vendor value mapped to an unknown stage', (d) => (d.stageMappings[0].values['Working - Contacted'] = 'contacted'), 'stageMappings[0].values.Working - Contacted', /one of/, /いずれか/],
    ['an unknown condition operator', (d) => (d.score.fit.rules[0].when.op = 'like'), 'score.fit.rules[0].when.op', /one of: "in"/, /いずれか/],
    ['a warning point of 100%', (d) => (d.sla.warnAtFraction = 1), 'sla.warnAtFraction', /less than 1/, /未満/],
    ['a week with no opening hours', (d) => { for (const k of Object.keys(d.calendar.weeklyHours)) d.calendar.weeklyHours[k] = []; }, 'calendar.weeklyHours', /at least one weekday/, /営業時間/],
    ['overlapping opening hours', (d) => (d.calendar.weeklyHours.tue = [{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }]), 'calendar.weeklyHours.tue', /overlap/, /重なって/],
    ['a duplicated feedback code', (d) => d.feedbackReasons.push({ ...d.feedbackReasons[0] }), 'feedbackReasons[10]', /used twice/, /重複/],
    ['a label without Japanese', (d) => delete d.name.ja, 'name.ja', /is required/, /必須/],
    ['a mixed closed-day range', (d) => (d.calendar.closedDays[0].to = '2027-01-03'), 'calendar.closedDays[0]', /same form/, /同じ形式/],
    ['no handoff stage', (d) => (d.sla.handoffStages = []), 'sla.handoffStages', /^needs at least 1 item\(s\)$/, /^1 件以上必要です$/],
    ['an empty field name', (d) => (d.stageMappings[0].field = ''), 'stageMappings[0].field', /^must not be empty$/, /^空にできません$/],
    ['a flag written as text', (d) => (d.qualification.mql.rejectExclusions = 'yes'), 'qualification.mql.rejectExclusions', /^must be true or false$/, /^true か falseにしてください$/],
    ['a list written as an object', (d) => (d.stages = {}), 'stages', /^must be a list$/, /^リストにしてください$/],
    ['an object written as text', (d) => (d.calendar = 'Tokyo'), 'calendar', /^must be an object$/, /^オブジェクトにしてください$/],
    ['a missing calendar', (d) => delete d.calendar, 'calendar', /^is required \(an object\)$/, /^必須です（オブジェクト）$/],
    ['a missing name in English', (d) => delete d.name.en, 'name.en', /^is required \(text\)$/, /^必須です（文字列）$/],
    ['a negative daily cap', (d) => (d.score.engagement.dailyCaps.email_open = -1), 'score.engagement.dailyCaps.email_open', /^must be at least 0$/, /^0 以上にしてください$/],
    ['an exclusion that adds points', (d) => (d.score.fit.exclusions[0].points = 5), 'score.fit.exclusions[0].points', /^must be at most 0$/, /^0 以下にしてください$/],
    ['a grade name of ten letters', (d) => (d.score.fit.grades[0].grade = 'ABCDEFGHIJ'), 'score.fit.grades[0].grade', /^must be at most 8 long$/, /^8 以下の長さにしてください$/],
    ['a budget in fractions of a minute', (d) => (d.sla.policies[0].budgetMinutes = 1.5), 'sla.policies[0].budgetMinutes', /^must be a whole number$/, /^整数にしてください$/],
    ['points that are not finite', (d) => (d.score.fit.rules[0].points = Infinity), 'score.fit.rules[0].points', /^must be a number$/, /^数値にしてください$/],
    ['a range with neither bound', (d) => (d.score.fit.rules[1].when = { attribute: 'employees', op: 'range' }), 'score.fit.rules[1].when', /^give min, max or both$/, /^min か max の少なくとも一方が必要です$/],
    ['a doc link that is not a URL', (d) => (d.stageMappings[0].doc = 'see the wiki'), 'stageMappings[0].doc', /^is not a valid url$/, /^形式が正しくありません（url）$/],
  ])('%s', (_case, mutate, path, en, ja) => {
    const doc = structuredClone(D) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    mutate(doc);
    const r = parseDefinitions(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.errors.find((e) => e.path === path);
    expect(issue, JSON.stringify(r.errors)).toBeDefined();
    expect(issue!.message.en).toMatch(en);
    expect(issue!.message.ja).toMatch(ja);
  });
  it('reads JSON after a byte-order mark and leading blank lines, guessing the format', () => {
    const r = parseDefinitions(`\uFEFF\n  ${exportDefinitions(D, 'json')}`);
    expect(r).toEqual({ ok: true, definitions: D });
  });
  it('every problem of a document is reported at once, each with its own path', () => {
    const doc = structuredClone(D) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc.version = 0;
    doc.sla.warnAtFraction = 1;
    const r = parseDefinitions(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['sla.warnAtFraction', 'version']);
  });
  it('reports a document that is not an object at all, at the document', () => {
    expect(parseDefinitions(42)).toEqual({ ok: false, errors: [{ path: '(document)', message: { ja: 'オブジェクトにしてください', en: 'must be an object' } }] });
    expect(parseDefinitions('[1]')).toMatchObject({ ok: false, errors: [{ path: '(document)', message: { en: 'must be an object' } }] });
  });
  it('reads text as the format it is told, whatever it looks like', () => {
    expect(parseDefinitions('id: x', 'json')).toMatchObject({ ok: false, errors: [{ path: '(document)', message: { en: expect.stringMatching(/^Not valid JSON: /) } }] });
    expect(parseDefinitions('{"id": "x"', 'yaml')).toMatchObject({ ok: false, errors: [{ path: '(document)', message: { en: expect.stringMatching(/^Not valid YAML: /) } }] });
    expect(parseDefinitions(exportDefinitions(D, 'json'), 'yaml')).toEqual({ ok: true, definitions: D });
  });
  it('exports YAML with each value on one line, however long, for editing by hand', () => {
    const yaml = exportDefinitions(D, 'yaml');
    const doc = D.stageMappings[0]!.doc!;
    expect(doc.length).toBeGreaterThan(80);
    expect(yaml).toContain(`doc: ${doc}\n`);
  });
  it('reports text that is neither JSON nor YAML', () => {
    const r = parseDefinitions('{ "id": ', 'json');
    expect(r).toMatchObject({ ok: false, errors: [{ path: '(document)', message: { en: expect.stringMatching(/Not valid JSON/) } }] });
    expect(r.ok || r.errors[0]!.message.ja).toMatch(/^JSON として読めません: /);
    const y = parseDefinitions('stages: [inquiry', 'yaml');
    expect(y).toMatchObject({ ok: false, errors: [{ path: '(document)', message: { en: expect.stringMatching(/Not valid YAML/) } }] });
    expect(y.ok || y.errors[0]!.message.ja).toMatch(/^YAML として読めません: /);
    // Only the first line of the parser's message is shown.
    expect(r.ok || r.errors[0]!.message.en).not.toContain('\n');
    expect(y.ok || y.errors[0]!.message.en).not.toContain('\n');
  });
});

describe('vendor stage values land on stages', () => {
  it.each<[Parameters<typeof mapVendorStage>[1], string, string, string | null]>([
    ['salesforce', 'Status', 'Open - Not Contacted', 'mql'],
    ['salesforce', 'Status', 'Working - Contacted', 'sal'],
    ['salesforce', 'Status', 'Closed - Converted', 'sql'],
    ['salesforce', 'Status', 'Closed - Not Converted', 'disqualified'],
    ['salesforce', 'status', ' working - contacted ', 'sal'],
    ['hubspot', 'lifecyclestage', 'marketingqualifiedlead', 'mql'],
    ['hubspot', 'lifecyclestage', 'salesqualifiedlead', 'sql'],
    ['hubspot', 'lifecyclestage', 'customer', 'won'],
    ['hubspot', 'lifecyclestage', 'other', null],
    ['hubspot', 'hs_lead_status', 'BAD_TIMING', 'recycled'],
    ['hubspot', 'hs_lead_status', 'UNQUALIFIED', 'disqualified'],
    ['hubspot', 'hs_lead_status', 'OPEN_DEAL', 'opportunity'],
    ['marketo', 'leadStatus', 'Sales Accepted', 'sal'],
    ['pardot', 'lifecycleStage', 'Marketing Qualified Lead', 'mql'],
    ['salesforce', 'Status', 'Nurturing', null],
    ['dynamics', 'statuscode', '1', 'mql'],
    ['dynamics', 'statuscode', '3', 'sql'],
    ['dynamics', 'statuscode', '6', 'disqualified'],
    ['dynamics', 'statuscode', '100000001', null],
  ])('%s %s "%s" → %s', (system, field, value, stage) => {
    expect(mapVendorStage(D, system, field, value)).toBe(stage);
  });
  it('follows a team’s own mapping', () => {
    const d: Definitions = structuredClone(D);
    d.stageMappings[0]!.values['Nurturing'] = 'recycled';
    expect(mapVendorStage(d, 'salesforce', 'Status', 'Nurturing')).toBe('recycled');
  });
});

describe('stage mapping rules', () => {
  const withMappings = (mappings: Definitions['stageMappings']): Definitions => ({ ...structuredClone(D), stageMappings: mappings });

  it('an exact spelling wins over one that differs only in case; otherwise the first loose match counts', () => {
    const d = withMappings([{ system: 'salesforce', field: 'Status', values: { Open: 'mql', open: 'sal', OPEN: 'sql' } }]);
    expect(mapVendorStage(d, 'salesforce', 'Status', 'open')).toBe('sal');
    expect(mapVendorStage(d, 'salesforce', 'Status', 'OPEN')).toBe('sql');
    expect(mapVendorStage(d, 'salesforce', 'Status', ' oPeN ')).toBe('mql');
  });
  it('a value the definitions wrote with surrounding spaces still matches loosely', () => {
    const d = withMappings([{ system: 'marketo', field: 'leadStatus', values: { ' Sales Accepted ': 'sal' } }]);
    expect(mapVendorStage(d, 'marketo', 'leadStatus', 'sales accepted')).toBe('sal');
  });
  it('of two mappings for one field (field names differ only in case), the first one’s values win', () => {
    const d = withMappings([
      { system: 'salesforce', field: 'Status', values: { Open: 'mql' } },
      { system: 'salesforce', field: 'status', values: { Open: 'sal', Working: 'sal' } },
    ]);
    expect(mapVendorStage(d, 'salesforce', 'STATUS', 'Open')).toBe('mql');
    expect(mapVendorStage(d, 'salesforce', 'Status', 'working')).toBe('sal');
  });
  it('a value is looked up only in the system it came from', () => {
    const d = withMappings([{ system: 'hubspot', field: 'lifecyclestage', values: { lead: 'inquiry' } }]);
    expect(mapVendorStage(d, 'marketo', 'lifecyclestage', 'lead')).toBeNull();
    expect(mapVendorValue(d, 'marketo', 'lead')).toBeNull();
    expect(mapVendorValue(d, 'hubspot', 'lead')).toBe('inquiry');
  });
  it('a value from stage history (field unknown) takes the first mapping of its system that knows it', () => {
    const d = withMappings([
      { system: 'hubspot', field: 'lifecyclestage', values: { customer: 'won' } },
      { system: 'salesforce', field: 'Status', values: { Working: 'sal' } },
      { system: 'hubspot', field: 'hs_lead_status', values: { customer: 'opportunity', OPEN: 'inquiry' } },
    ]);
    expect(mapVendorValue(d, 'hubspot', 'customer')).toBe('won');
    expect(mapVendorValue(d, 'hubspot', 'open')).toBe('inquiry');
    expect(mapVendorValue(d, 'hubspot', 'Working')).toBeNull();
  });
});

describe('the version in force', () => {
  const version = (n: number, effectiveFrom: string): Definitions => ({ ...structuredClone(D), version: n, effectiveFrom });

  it('a version is in force from its effectiveFrom instant on', () => {
    const v2 = version(2, '2026-10-01T00:00:00+09:00');
    expect(definitionsInForce([D, v2], Date.parse('2026-10-01T00:00:00+09:00'))?.version).toBe(2);
    expect(definitionsInForce([D, v2], Date.parse('2026-09-30T23:59:59+09:00'))?.version).toBe(1);
  });
  it('two versions effective at the same instant: the higher version number wins, in any order', () => {
    const a = version(3, '2026-10-01T00:00:00+09:00');
    const b = version(4, '2026-10-01T00:00:00+09:00');
    const at = Date.parse('2026-11-01T00:00:00+09:00');
    expect(definitionsInForce([a, b], at)?.version).toBe(4);
    expect(definitionsInForce([b, a], at)?.version).toBe(4);
  });
  it('the latest effectiveFrom wins over a higher version that started earlier', () => {
    const newer = version(2, '2026-10-01T00:00:00+09:00');
    const reissued = version(9, '2026-01-01T00:00:00+09:00');
    expect(definitionsInForce([newer, reissued], Date.parse('2026-11-01T00:00:00+09:00'))?.version).toBe(2);
    expect(definitionsInForce([reissued, newer], Date.parse('2026-11-01T00:00:00+09:00'))?.version).toBe(2);
  });
  it('reads effectiveFrom once per document, with its own offset', () => {
    const v = version(2, '2026-10-01T00:00:00-05:00');
    expect(effectiveFromMs(v)).toBe(Date.parse('2026-10-01T05:00:00Z'));
    expect(effectiveFromMs(v)).toBe(Date.parse('2026-10-01T05:00:00Z'));
  });
});

describe('Japanese holidays from @holiday-jp/holiday_jp', () => {
  it.each([
    ['2026-05-06', true], // こどもの日 振替休日
    ['2026-09-21', true], // 敬老の日
    ['2026-09-22', true], // 国民の休日
    ['2026-09-23', true], // 秋分の日
    ['2026-09-24', false],
    ['2025-11-24', true], // 勤労感謝の日 振替休日
  ])('%s is a holiday: %s', (date, holiday) => {
    expect(isJapaneseHoliday(date)).toBe(holiday);
  });
});
