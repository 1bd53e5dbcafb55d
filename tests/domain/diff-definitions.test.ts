import { describe, expect, it } from 'vitest';
import { DIFF_KEYS, DIFFED_SECTIONS, diffDefinitions, formatMinutes, type DefinitionsChange } from '../../lib/domain/definitions/diff-definitions';
import { definitionsSchema, type Definitions } from '../../lib/domain/definitions/schema';
import { en as enCatalog } from '../../lib/i18n/messages-en';
import { ja as jaCatalog } from '../../lib/i18n/messages-ja';
import { interpolate } from '../../lib/i18n/interpolate';
import { everyEdit } from './diff-every-edit';
import { copyDefinitions } from './time-helpers';

/** A change in English, as the options page words it. */
function words(change: DefinitionsChange): string {
  const params = Object.fromEntries(Object.entries(change.params).map(([k, v]) => [k, typeof v === 'object' ? v.en : v]));
  return interpolate(enCatalog[change.key], params);
}

/** A change in one language. */
function wordsIn(lang: 'ja' | 'en', change: DefinitionsChange): string {
  const params = Object.fromEntries(Object.entries(change.params).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
  return interpolate((lang === 'ja' ? jaCatalog : enCatalog)[change.key], params);
}

/** One edit per top-level section of the schema: the diff must name each one. */
const EDITS: Record<string, (d: Definitions) => void> = {
  schemaVersion: (d) => ((d as { schemaVersion: number }).schemaVersion = 2),
  id: (d) => (d.id = 'acme'),
  version: (d) => (d.version = 2),
  name: (d) => (d.name = { ja: 'ACME 定義', en: 'ACME definitions' }),
  effectiveFrom: (d) => (d.effectiveFrom = '2027-04-01T00:00:00+09:00'),
  approvedBy: (d) => d.approvedBy.push({ name: '山田 部長' }),
  changeLog: (d) => d.changeLog.push({ version: 2, date: '2027-03-20', summary: { ja: '改定', en: 'Revision' } }),
  stages: (d) => (d.stages[0]!.label = { ja: '問合せ', en: 'Enquiry' }),
  stageMappings: (d) => (d.stageMappings[0]!.values['Nurture'] = 'recycled'),
  score: (d) => (d.score.fit.rules[0]!.points += 5),
  temperature: (d) => (d.temperature.bands.hot += 10),
  qualification: (d) => (d.qualification.mql.minScore = 70),
  sla: (d) => (d.sla.warnAtFraction = 0.5),
  calendar: (d) => (d.calendar.nationalHolidays = 'none'),
  feedbackReasons: (d) => d.feedbackReasons.pop(),
};

describe('diffDefinitions', () => {
  it('names a change in every top-level section of the schema', () => {
    const sections = Object.keys(definitionsSchema.shape);
    expect([...DIFFED_SECTIONS].sort()).toEqual([...sections].sort());
    for (const section of sections) {
      const edit = EDITS[section];
      expect(edit, `no edit for section "${section}" in this test`).toBeDefined();
      const after = copyDefinitions();
      edit!(after);
      const changes = diffDefinitions(copyDefinitions(), after);
      expect(changes.map((c) => c.section), section).toContain(section);
      for (const c of changes) expect(words(c)).not.toMatch(/\{\w+\}/);
    }
  });

  it('says nothing when nothing changed', () => {
    expect(diffDefinitions(copyDefinitions(), copyDefinitions())).toEqual([]);
  });

  it('words thresholds, SLA budgets, hours, holidays, mappings, reasons, bands and weights', () => {
    const before = copyDefinitions();
    const after = copyDefinitions();
    after.qualification.mql.minScore = before.qualification.mql.minScore + 10;
    after.sla.policies[1]!.budgetMinutes = 120;
    after.calendar.weeklyHours.sat = [{ start: '10:00', end: '15:00' }];
    after.calendar.nationalHolidays = 'none';
    after.calendar.closedDays.push({ from: '08-13', to: '08-16', label: { ja: '夏季休業', en: 'Summer break' } });
    after.calendar.extraWorkingDays.push({ date: '2027-01-09', label: { ja: '棚卸し', en: 'Stocktaking' } });
    const mapping = after.stageMappings[0]!;
    const [firstValue] = Object.keys(mapping.values);
    mapping.values[firstValue!] = 'disqualified';
    after.feedbackReasons.push({ code: 'TOO_SMALL', verdict: 'bad', label: { ja: '規模が小さい', en: 'Too small' } });
    after.temperature.bands.warm -= 5;
    after.score.engagement.rules[0]!.points += 3;
    after.score.engagement.halfLifeDays += 7;
    after.qualification.mql.requiredFields.push('phone');
    const text = diffDefinitions(before, after).map(words);
    expect(text).toContain(`MQL score threshold ${before.qualification.mql.minScore} → ${after.qualification.mql.minScore}`);
    expect(text).toContain(`SLA for ${before.sla.policies[1]!.label.en} 4 h → 2 h`);
    expect(text).toContain('Saturday hours none → 10:00–15:00');
    expect(text).toContain('National holidays closed on → off');
    expect(text).toContain('Closed days added: 08-13 to 08-16 Summer break');
    expect(text).toContain('Extra working day added: 2027-01-09 Stocktaking');
    expect(text).toContain(`Stage mapping ${mapping.system} ${mapping.field}: “${firstValue}” stage ${before.stageMappings[0]!.values[firstValue!]} → disqualified`);
    expect(text).toContain('Feedback reason added: Too small');
    expect(text).toContain(`Warm threshold ${before.temperature.bands.warm} → ${after.temperature.bands.warm}`);
    expect(text).toContain(
      `Engagement rule: ${before.score.engagement.rules[0]!.label.en} points ${before.score.engagement.rules[0]!.points} → ${after.score.engagement.rules[0]!.points}`,
    );
    expect(text).toContain(`Score half-life (days) ${before.score.engagement.halfLifeDays} → ${after.score.engagement.halfLifeDays}`);
    expect(text).toContain('MQL required field added: phone');
  });

  it('has every key it uses in the catalogs', () => {
    for (const key of DIFF_KEYS) expect(enCatalog[key]).toBeTypeOf('string');
  });
});

describe('the words of every change, in Japanese and English', () => {
  it('names each edited field where it is and says what it was and what it becomes', () => {
    const { before, after } = everyEdit();
    const worded = diffDefinitions(before, after).map((c) => [c.path, wordsIn('ja', c), wordsIn('en', c)]);
    expect(worded).toEqual([
      ['schemaVersion', '形式のバージョン: 1 → 2', 'Schema version 1 → 2'],
      ['id', '定義の ID: baton-default → acme', 'Definitions id baton-default → acme'],
      ['version', 'バージョン: 1 → 2', 'Version 1 → 2'],
      ['name', '名称: Baton 標準定義 → ACME 定義', 'Name Baton default definitions → ACME definitions'],
      ['effectiveFrom', '適用開始: 2020-01-01T00:00:00+09:00 → 2027-04-01T00:00:00+09:00', 'Effective from 2020-01-01T00:00:00+09:00 → 2027-04-01T00:00:00+09:00'],
      ['approvedBy', '承認者を削除: Baton', 'Approver removed: Baton'],
      ['approvedBy[0]', '承認者を追加: 山田 部長', 'Approver added: 山田 部長'],
      ['changeLog[1]', '変更履歴を追加: v2', 'Change log entry added: v2'],
      ['stages[0].label', 'ステージ「問合せ」の表示名: 問い合わせ → 問合せ', 'Stage: Enquiry label Inquiry → Enquiry'],
      ['stages', 'ステージの順序を変更', 'Stage: order changed'],
      ['stageMappings', 'ステージ対応を削除: demo Status', 'Stage mapping removed: demo Status'],
      ['stageMappings[0].doc', 'ステージ対応「salesforce Status」のドキュメント: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm → https://example.com/stages', 'Stage mapping: salesforce Status documentation https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm → https://example.com/stages'],
      ['stageMappings[0].values', 'ステージ対応 salesforce Statusを削除: “Open - Not Contacted” → mql', 'Stage mapping salesforce Status removed: “Open - Not Contacted” → mql'],
      ['stageMappings[0].values', 'ステージ対応 salesforce Status「“Working - Contacted”」のステージ: sal → recycled', 'Stage mapping salesforce Status: “Working - Contacted” stage sal → recycled'],
      ['stageMappings[0].values', 'ステージ対応 salesforce Statusを追加: “Nurture” → recycled', 'Stage mapping salesforce Status added: “Nurture” → recycled'],
      ['score.fit.rules[0].when', '適合ルール「重点業種」の条件: industry = Software | IT | Manufacturing | Financial Services | 情報通信業 | 製造業 | 金融業 → industry = IT', 'Fit rule: Target industry condition industry = Software | IT | Manufacturing | Financial Services | 情報通信業 | 製造業 | 金融業 → industry = IT'],
      ['score.fit.rules[0].points', '適合ルール「重点業種」の点数: 15 → 20', 'Fit rule: Target industry points 15 → 20'],
      ['score.fit.rules[1].group', '適合ルール「従業員 1,000 名以上」のグループ: employees → size', 'Fit rule: 1,000+ employees group employees → size'],
      ['score.fit.rules[2].when', '適合ルール「従業員 300〜999 名」の条件: 300 ≤ employees < 1000 → employees < 1000', 'Fit rule: 300–999 employees condition 300 ≤ employees < 1000 → employees < 1000'],
      ['score.fit.rules[3].when', '適合ルール「従業員 50〜299 名」の条件: 50 ≤ employees < 300 → title ∋ Director', 'Fit rule: 50–299 employees condition 50 ≤ employees < 300 → title ∋ Director'],
      ['score.fit.rules[4].when', '適合ルール「役員・本部長クラス」の条件: title ∋ 社長 | 取締役 | 役員 | 本部長 | 執行役員 | CEO | CTO | CMO | CIO | Chief | President | VP | Vice President | Director → title ≠ ∅', 'Fit rule: Executive condition title ∋ 社長 | 取締役 | 役員 | 本部長 | 執行役員 | CEO | CTO | CMO | CIO | Chief | President | VP | Vice President | Director → title ≠ ∅'],
      ['score.fit.exclusions', '除外ルールを削除: 学生', 'Exclusion removed: Student'],
      ['score.fit.exclusions[0].when', '除外ルール「フリーメール」の条件: email @ gmail.com | yahoo.co.jp | yahoo.com | hotmail.com | outlook.com | outlook.jp | icloud.com | docomo.ne.jp | ezweb.ne.jp | softbank.ne.jp → email @ example.org', 'Exclusion: Free e-mail address condition email @ gmail.com | yahoo.co.jp | yahoo.com | hotmail.com | outlook.com | outlook.jp | icloud.com | docomo.ne.jp | ezweb.ne.jp | softbank.ne.jp → email @ example.org'],
      ['score.fit.grades[0].min', '適合グレード「A」の下限: 50 → 55', 'Fit grade: A minimum 50 → 55'],
      ['score.engagement.rules[0].urlContains', '行動ルール「料金ページ閲覧」のURL に含む: /pricing, /price, 料金 → /plans', 'Engagement rule: Pricing page view URL contains /pricing, /price, 料金 → /plans'],
      ['score.engagement.rules[2].type', '行動ルール「ページ閲覧」の種類: page_view → chat', 'Engagement rule: Page view type page_view → chat'],
      ['score.engagement.rules', '行動ルールの順序を変更', 'Engagement rule: order changed'],
      ['score.engagement.halfLifeDays', 'スコアの半減期（日）: 14 → 21', 'Score half-life (days) 14 → 21'],
      ['score.engagement.dailyCaps.email_open', '1 日の上限（email_open）: 2 → 3', 'Daily cap (email_open) 2 → 3'],
      ['score.engagement.dailyCaps.social', '1 日の上限（social）: 3 → なし', 'Daily cap (social) 3 → none'],
      ['score.engagement.dailyCaps.chat', '1 日の上限（chat）: なし → 5', 'Daily cap (chat) none → 5'],
      ['temperature.bands.hot', 'ホットのしきい値: 80 → 85', 'Hot threshold 80 → 85'],
      ['temperature.bands.warm', 'ウォームのしきい値: 50 → 55', 'Warm threshold 50 → 55'],
      ['temperature.bands.cool', 'クールのしきい値: 25 → 30', 'Cool threshold 25 → 30'],
      ['temperature.spike.windowHours', '急上昇の判定時間（時間）: 48 → 24', 'Spike window (hours) 48 → 24'],
      ['temperature.spike.minPoints', '急上昇の最低点: 30 → 40', 'Spike minimum points 30 → 40'],
      ['qualification.mql.minScore', 'MQL スコアしきい値: 60 → 70', 'MQL score threshold 60 → 70'],
      ['qualification.mql.minFitGrade', 'MQL 最低適合グレード: B → A', 'MQL minimum fit grade B → A'],
      ['qualification.mql.requiredFields', 'MQL 必須項目を削除: email', 'MQL required field removed: email'],
      ['qualification.mql.requiredFields', 'MQL 必須項目を削除: title', 'MQL required field removed: title'],
      ['qualification.mql.requiredFields[1]', 'MQL 必須項目を追加: phone', 'MQL required field added: phone'],
      ['qualification.mql.rejectExclusions', '除外条件で MQL 不可: オン → オフ', 'Exclusions block MQL on → off'],
      ['qualification.sql.checklist', 'SQL チェック項目の順序を変更', 'SQL checklist item: order changed'],
      ['sla.handoffStages', '引き渡しステージ: mql → mql, sal', 'Handoff stages mql → mql, sal'],
      ['sla.warnAtFraction', '警告の時点: 75% → 50%', 'Warn at 75% → 50%'],
      ['sla.touchTypes', '初回対応に数える活動: call, email, meeting → call', 'Activities that count as a touch call, email, meeting → call'],
      ['sla.policies[0].budgetMinutes', 'ホット: 1 営業時間以内 の SLA: 1 時間 → 30 分', 'SLA for Hot: within 1 business hour 1 h → 30 min'],
      ['sla.policies[1].budgetMinutes', 'ウォーム: 4 営業時間以内 の SLA: 4 時間 → 1 時間 30 分', 'SLA for Warm: within 4 business hours 4 h → 1 h 30 min'],
      ['sla.policies[2].bands', 'SLA「標準: 2 営業日以内」の温度帯: cool, cold → cool', 'SLA: Standard: within 2 business days bands cool, cold → cool'],
      ['calendar.timeZone', 'タイムゾーン: Asia/Tokyo → America/New_York', 'Time zone Asia/Tokyo → America/New_York'],
      ['calendar.weeklyHours.sun', '日曜の営業時間: なし → 10:00–15:00', 'Sunday hours none → 10:00–15:00'],
      ['calendar.weeklyHours.mon', '月曜の営業時間: 09:00–12:00, 13:00–18:00 → 10:00–15:00', 'Monday hours 09:00–12:00, 13:00–18:00 → 10:00–15:00'],
      ['calendar.weeklyHours.tue', '火曜の営業時間: 09:00–12:00, 13:00–18:00 → 10:00–15:00', 'Tuesday hours 09:00–12:00, 13:00–18:00 → 10:00–15:00'],
      ['calendar.weeklyHours.wed', '水曜の営業時間: 09:00–12:00, 13:00–18:00 → 10:00–15:00', 'Wednesday hours 09:00–12:00, 13:00–18:00 → 10:00–15:00'],
      ['calendar.weeklyHours.thu', '木曜の営業時間: 09:00–12:00, 13:00–18:00 → 10:00–15:00', 'Thursday hours 09:00–12:00, 13:00–18:00 → 10:00–15:00'],
      ['calendar.weeklyHours.fri', '金曜の営業時間: 09:00–12:00, 13:00–18:00 → 10:00–15:00', 'Friday hours 09:00–12:00, 13:00–18:00 → 10:00–15:00'],
      ['calendar.weeklyHours.sat', '土曜の営業時間: なし → 10:00–15:00', 'Saturday hours none → 10:00–15:00'],
      ['calendar.nationalHolidays', '祝日を休業にする: オン → オフ', 'National holidays closed on → off'],
      ['calendar.closedDays', '休業日を削除: 12-29〜01-03 年末年始休業', 'Closed days removed: 12-29 to 01-03 Year-end holidays'],
      ['calendar.closedDays[0]', '休業日を追加: 08-13〜08-16 夏季休業', 'Closed days added: 08-13 to 08-16 Summer break'],
      ['calendar.extraWorkingDays[0]', '臨時営業日を追加: 2027-01-09 棚卸し', 'Extra working day added: 2027-01-09 Stocktaking'],
      ['feedbackReasons[0].verdict', 'フィードバック理由「ターゲットに合致」の評価: good → bad', 'Feedback reason: Good fit verdict good → bad'],
      ['feedbackReasons', 'フィードバック理由の順序を変更', 'Feedback reason: order changed'],
    ]);
  });
});

describe('business minutes in words', () => {
  it.each([
    [0, '0 分', '0 min'],
    [45, '45 分', '45 min'],
    [60, '1 時間', '1 h'],
    [90, '1 時間 30 分', '1 h 30 min'],
    [960, '16 時間', '16 h'],
  ])('%d minutes', (minutes, ja, en) => {
    expect(formatMinutes(minutes)).toEqual({ ja, en });
  });
});
