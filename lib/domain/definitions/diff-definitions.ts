import type { Condition, Definitions, Localized } from './schema';

/**
 * What changed between two versions of the definitions, in words: "MQL score threshold 60 → 70", "SLA for Warm
 * 4 h → 2 h". Each change is an i18n key (the catalogs word it, see DIFF_KEYS) and params; a param is plain text,
 * a number, or a ja/en pair the page picks from. The differ per top-level section is a Record over every key of
 * the document, so a new section does not compile until it is diffed (and tests/domain/diff-definitions.test.ts
 * changes each section in turn and expects a change named for it).
 */

export const DIFF_KEYS = ['diff.value', 'diff.added', 'diff.removed', 'diff.itemValue', 'diff.slaBudget', 'diff.reordered'] as const;
export type DiffKey = (typeof DIFF_KEYS)[number];
export type DiffParam = string | number | Localized;
export type DefinitionsSectionKey = keyof Definitions;

export type DefinitionsChange = {
  section: DefinitionsSectionKey;
  /** Where in the document, as the import's messages name paths: `sla.policies[1].budgetMinutes`. */
  path: string;
  key: DiffKey;
  params: Record<string, DiffParam>;
};

const L = (ja: string, en: string): Localized => ({ ja, en });

/** Field names shown inside a change ("points", "condition"): the words of the editor's labels. */
const FIELD: Record<string, Localized> = {
  label: L('表示名', 'label'),
  description: L('説明', 'description'),
  when: L('条件', 'condition'),
  points: L('点数', 'points'),
  group: L('グループ', 'group'),
  type: L('種類', 'type'),
  urlContains: L('URL に含む', 'URL contains'),
  bands: L('温度帯', 'bands'),
  budgetMinutes: L('期限', 'budget'),
  verdict: L('評価', 'verdict'),
  hours: L('営業時間', 'hours'),
  min: L('下限', 'minimum'),
  role: L('役割', 'role'),
  doc: L('ドキュメント', 'documentation'),
  summary: L('概要', 'summary'),
  date: L('日付', 'date'),
  from: L('開始', 'from'),
  to: L('終了', 'to'),
};

const BAND_LABEL: Record<string, Localized> = { hot: L('ホット', 'Hot'), warm: L('ウォーム', 'Warm'), cool: L('クール', 'Cool') };
const WEEKDAY_LABEL: Record<string, Localized> = {
  sun: L('日曜', 'Sunday'),
  mon: L('月曜', 'Monday'),
  tue: L('火曜', 'Tuesday'),
  wed: L('水曜', 'Wednesday'),
  thu: L('木曜', 'Thursday'),
  fri: L('金曜', 'Friday'),
  sat: L('土曜', 'Saturday'),
};

/** Business minutes in words: 240 → "4 h", 90 → "1 h 30 min". */
export function formatMinutes(minutes: number): Localized {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return L(`${m} 分`, `${m} min`);
  if (m === 0) return L(`${h} 時間`, `${h} h`);
  return L(`${h} 時間 ${m} 分`, `${h} h ${m} min`);
}

export function describeCondition(c: Condition): string {
  switch (c.op) {
    case 'in':
      return `${c.attribute} = ${c.values.join(' | ')}`;
    case 'contains':
      return `${c.attribute} ∋ ${c.values.join(' | ')}`;
    case 'email_domain':
      return `${c.attribute} @ ${c.values.join(' | ')}`;
    case 'range':
      // Either bound may be absent (the schema asks for one): "employees < 1000", "1000 ≤ employees".
      return `${c.min !== undefined ? `${c.min} ≤ ` : ''}${c.attribute}${c.max !== undefined ? ` < ${c.max}` : ''}`;
    case 'present':
      return `${c.attribute} ≠ ∅`;
  }
}

const NONE = L('なし', 'none');

/** Any value of the document as a param: lists joined, booleans in words, conditions and hours as text. */
function show(value: unknown): DiffParam {
  if (value === undefined || value === null) return NONE;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? L('オン', 'on') : L('オフ', 'off');
  if (Array.isArray(value)) {
    if (value.length === 0) return NONE;
    if (value.every((v) => typeof v === 'object' && v !== null && 'start' in v && 'end' in v)) {
      return (value as { start: string; end: string }[]).map((i) => `${i.start}–${i.end}`).join(', ');
    }
    const parts = value.map(show);
    if (parts.some((p) => typeof p === 'object')) {
      return L(parts.map((p) => (typeof p === 'object' ? p.ja : String(p))).join(', '), parts.map((p) => (typeof p === 'object' ? p.en : String(p))).join(', '));
    }
    return parts.join(', ');
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.ja === 'string' && typeof o.en === 'string') return L(o.ja, o.en);
    if (typeof o.op === 'string' && typeof o.attribute === 'string') return describeCondition(o as Condition);
    return JSON.stringify(value);
  }
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

class Collector {
  readonly changes: DefinitionsChange[] = [];
  constructor(private readonly section: DefinitionsSectionKey) {}
  push(path: string, key: DiffKey, params: Record<string, DiffParam>) {
    this.changes.push({ section: this.section, path, key, params });
  }
  /** One labelled value: "{what} {from} → {to}". */
  value(path: string, what: Localized, a: unknown, b: unknown, format: (v: unknown) => DiffParam = show) {
    if (!same(a, b)) this.push(path, 'diff.value', { what, from: format(a), to: format(b) });
  }
  /**
   * A list of items with an identity (rule ids, reason codes): added, removed, and each field of an item kept;
   * and, where order decides (first match wins), a change of order.
   */
  keyed<T extends object>(
    path: string,
    what: Localized,
    a: readonly T[],
    b: readonly T[],
    keyOf: (item: T) => string,
    nameOf: (item: T) => DiffParam,
    opts: { ordered?: boolean; field?: (field: string, before: unknown, after: unknown, item: T, at: string) => boolean } = {},
  ) {
    const before = new Map(a.map((item) => [keyOf(item), item]));
    const after = new Map(b.map((item, i) => [keyOf(item), { item, i }]));
    for (const [key, item] of before) if (!after.has(key)) this.push(path, 'diff.removed', { what, item: nameOf(item) });
    b.forEach((item, i) => {
      const key = keyOf(item);
      const old = before.get(key);
      const at = `${path}[${i}]`;
      if (!old) {
        this.push(at, 'diff.added', { what, item: nameOf(item) });
        return;
      }
      const fields = new Set([...Object.keys(old), ...Object.keys(item)]);
      for (const field of fields) {
        const x = (old as Record<string, unknown>)[field];
        const y = (item as Record<string, unknown>)[field];
        if (same(x, y)) continue;
        if (opts.field?.(field, x, y, item, `${at}.${field}`)) continue;
        this.push(`${at}.${field}`, 'diff.itemValue', { what, item: nameOf(item), field: FIELD[field] ?? field, from: show(x), to: show(y) });
      }
    });
    if (opts.ordered) {
      const kept = (list: readonly T[]) => list.map(keyOf).filter((k) => before.has(k) && after.has(k));
      if (!same(kept(a), kept(b))) this.push(path, 'diff.reordered', { what });
    }
  }
}

type Differ<K extends DefinitionsSectionKey> = (c: Collector, a: Definitions[K], b: Definitions[K]) => void;

const SECTIONS: { [K in DefinitionsSectionKey]: Differ<K> } = {
  schemaVersion: (c, a, b) => c.value('schemaVersion', L('形式のバージョン', 'Schema version'), a, b),
  id: (c, a, b) => c.value('id', L('定義の ID', 'Definitions id'), a, b),
  version: (c, a, b) => c.value('version', L('バージョン', 'Version'), a, b),
  name: (c, a, b) => c.value('name', L('名称', 'Name'), a, b),
  effectiveFrom: (c, a, b) => c.value('effectiveFrom', L('適用開始', 'Effective from'), a, b),
  approvedBy: (c, a, b) => c.keyed('approvedBy', L('承認者', 'Approver'), a, b, (p) => p.name, (p) => p.name),
  changeLog: (c, a, b) => c.keyed('changeLog', L('変更履歴', 'Change log entry'), a, b, (e) => String(e.version), (e) => `v${e.version}`),
  stages: (c, a, b) => c.keyed('stages', L('ステージ', 'Stage'), a, b, (s) => s.id, (s) => s.label, { ordered: true }),
  stageMappings: (c, a, b) =>
    c.keyed('stageMappings', L('ステージ対応', 'Stage mapping'), a, b, (m) => `${m.system}.${m.field}`, (m) => `${m.system} ${m.field}`, {
      field: (field, x, y, m, at) => {
        if (field !== 'values') return false;
        const name = `${m.system} ${m.field}`;
        const before = (x ?? {}) as Record<string, string>;
        const after = (y ?? {}) as Record<string, string>;
        const what = L(`ステージ対応 ${name}`, `Stage mapping ${name}`);
        for (const v of Object.keys(before)) if (!(v in after)) c.push(at, 'diff.removed', { what, item: `“${v}” → ${before[v]}` });
        for (const [v, stage] of Object.entries(after)) {
          if (!(v in before)) c.push(at, 'diff.added', { what, item: `“${v}” → ${stage}` });
          else if (before[v] !== stage) c.push(at, 'diff.itemValue', { what, item: `“${v}”`, field: L('ステージ', 'stage'), from: before[v]!, to: stage });
        }
        return true;
      },
    }),
  score: (c, a, b) => {
    c.keyed('score.fit.rules', L('適合ルール', 'Fit rule'), a.fit.rules, b.fit.rules, (r) => r.id, (r) => r.label);
    c.keyed('score.fit.exclusions', L('除外ルール', 'Exclusion'), a.fit.exclusions, b.fit.exclusions, (r) => r.id, (r) => r.label);
    c.keyed('score.fit.grades', L('適合グレード', 'Fit grade'), a.fit.grades, b.fit.grades, (g) => g.grade, (g) => g.grade, { ordered: true });
    c.keyed('score.engagement.rules', L('行動ルール', 'Engagement rule'), a.engagement.rules, b.engagement.rules, (r) => r.id, (r) => r.label, { ordered: true });
    c.value('score.engagement.halfLifeDays', L('スコアの半減期（日）', 'Score half-life (days)'), a.engagement.halfLifeDays, b.engagement.halfLifeDays);
    const types = new Set([...Object.keys(a.engagement.dailyCaps), ...Object.keys(b.engagement.dailyCaps)]);
    for (const t of types) {
      const k = t as keyof typeof a.engagement.dailyCaps;
      c.value(`score.engagement.dailyCaps.${t}`, L(`1 日の上限（${t}）`, `Daily cap (${t})`), a.engagement.dailyCaps[k], b.engagement.dailyCaps[k]);
    }
  },
  temperature: (c, a, b) => {
    for (const band of ['hot', 'warm', 'cool'] as const) {
      c.value(`temperature.bands.${band}`, L(`${BAND_LABEL[band]!.ja}のしきい値`, `${BAND_LABEL[band]!.en} threshold`), a.bands[band], b.bands[band]);
    }
    c.value('temperature.spike.windowHours', L('急上昇の判定時間（時間）', 'Spike window (hours)'), a.spike.windowHours, b.spike.windowHours);
    c.value('temperature.spike.minPoints', L('急上昇の最低点', 'Spike minimum points'), a.spike.minPoints, b.spike.minPoints);
  },
  qualification: (c, a, b) => {
    c.value('qualification.mql.minScore', L('MQL スコアしきい値', 'MQL score threshold'), a.mql.minScore, b.mql.minScore);
    c.value('qualification.mql.minFitGrade', L('MQL 最低適合グレード', 'MQL minimum fit grade'), a.mql.minFitGrade, b.mql.minFitGrade);
    c.keyed('qualification.mql.requiredFields', L('MQL 必須項目', 'MQL required field'), a.mql.requiredFields.map((f) => ({ f })), b.mql.requiredFields.map((f) => ({ f })), (x) => x.f, (x) => x.f);
    c.value('qualification.mql.rejectExclusions', L('除外条件で MQL 不可', 'Exclusions block MQL'), a.mql.rejectExclusions, b.mql.rejectExclusions);
    c.keyed('qualification.sql.checklist', L('SQL チェック項目', 'SQL checklist item'), a.sql.checklist, b.sql.checklist, (i) => i.id, (i) => i.label, { ordered: true });
  },
  sla: (c, a, b) => {
    c.value('sla.handoffStages', L('引き渡しステージ', 'Handoff stages'), a.handoffStages, b.handoffStages);
    c.value('sla.warnAtFraction', L('警告の時点', 'Warn at'), a.warnAtFraction, b.warnAtFraction, (v) => `${Math.round(Number(v) * 100)}%`);
    c.value('sla.touchTypes', L('初回対応に数える活動', 'Activities that count as a touch'), a.touchTypes, b.touchTypes);
    c.keyed('sla.policies', L('SLA', 'SLA'), a.policies, b.policies, (p) => p.id, (p) => p.label, {
      ordered: true,
      field: (field, x, y, p, at) => {
        if (field !== 'budgetMinutes') return false;
        c.push(at, 'diff.slaBudget', { policy: p.label, from: formatMinutes(Number(x)), to: formatMinutes(Number(y)) });
        return true;
      },
    });
  },
  calendar: (c, a, b) => {
    c.value('calendar.timeZone', L('タイムゾーン', 'Time zone'), a.timeZone, b.timeZone);
    for (const day of Object.keys(WEEKDAY_LABEL) as (keyof typeof a.weeklyHours)[]) {
      const label = WEEKDAY_LABEL[day]!;
      c.value(`calendar.weeklyHours.${day}`, L(`${label.ja}の営業時間`, `${label.en} hours`), a.weeklyHours[day], b.weeklyHours[day]);
    }
    c.value('calendar.nationalHolidays', L('祝日を休業にする', 'National holidays closed'), a.nationalHolidays === 'jp', b.nationalHolidays === 'jp');
    c.keyed('calendar.closedDays', L('休業日', 'Closed days'), a.closedDays, b.closedDays, (d) => `${d.from}/${d.to}`, (d) => L(`${d.from}〜${d.to} ${d.label.ja}`, `${d.from} to ${d.to} ${d.label.en}`));
    c.keyed('calendar.extraWorkingDays', L('臨時営業日', 'Extra working day'), a.extraWorkingDays, b.extraWorkingDays, (d) => d.date, (d) => L(`${d.date} ${d.label.ja}`, `${d.date} ${d.label.en}`));
  },
  feedbackReasons: (c, a, b) => c.keyed('feedbackReasons', L('フィードバック理由', 'Feedback reason'), a, b, (r) => r.code, (r) => r.label, { ordered: true }),
};

/** The sections in document order, for tests and for grouping changes on the page. */
export const DIFFED_SECTIONS = Object.keys(SECTIONS) as DefinitionsSectionKey[];

export function diffDefinitions(before: Definitions, after: Definitions): DefinitionsChange[] {
  const out: DefinitionsChange[] = [];
  for (const section of DIFFED_SECTIONS) {
    const c = new Collector(section);
    (SECTIONS[section] as Differ<typeof section>)(c, before[section] as never, after[section] as never);
    out.push(...c.changes);
  }
  return out;
}
