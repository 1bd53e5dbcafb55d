import type { SalesActivityType, Stage } from '../../domain/model';
import type { KintoneFormField } from './schemas';

/**
 * First guesses for the mapping screen, from the app's form fields (label and code) and the usual Japanese names
 * of kintone SFA apps (the app store's 営業支援パック, 案件管理, 顧客リスト …). An admin checks and corrects them.
 */
type Fields = Record<string, KintoneFormField>;

const TEXT = ['SINGLE_LINE_TEXT', 'LINK', 'MULTI_LINE_TEXT', 'CALC'];
const CHOICE = ['DROP_DOWN', 'RADIO_BUTTON', 'STATUS', 'SINGLE_LINE_TEXT'];
const DATES = ['DATE', 'DATETIME'];

function find(fields: Fields, types: string[], pattern: RegExp): string | undefined {
  const list = Object.values(fields).filter((f) => types.includes(f.type));
  // Label first (what people named it), then the code; earlier patterns in the alternation do not rank.
  return (list.find((f) => pattern.test(f.label)) ?? list.find((f) => pattern.test(f.code)))?.code;
}

function byType(fields: Fields, type: string): string | undefined {
  return Object.values(fields).find((f) => f.type === type)?.code;
}

const STAGE_WORDS: [RegExp, Stage][] = [
  [/失注|lost/i, 'lost'],
  [/受注|成約|契約|won/i, 'won'],
  [/対象外|不可|重複|disqualif/i, 'disqualified'],
  [/保留|ナーチャ|再育成|recycl/i, 'recycled'],
  [/提案|見積|交渉|opportunit/i, 'opportunity'],
  [/商談化|SQL/i, 'sql'],
  [/アポ|対応中|架電中|アプローチ|接触|SAL/i, 'sal'],
  [/MQL|ホット|hot/i, 'mql'],
  [/リード|新規|未対応|見込|問い?合わ?せ|inquiry|lead/i, 'inquiry'],
];

export function guessStage(value: string): Stage | undefined {
  return STAGE_WORDS.find(([re]) => re.test(value))?.[1];
}

const ACTIVITY_WORDS: [RegExp, SalesActivityType][] = [
  [/電話|架電|TEL|call/i, 'call'],
  [/メール|mail/i, 'email'],
  [/訪問|商談|打ち?合わ?せ|面談|会議|ミーティング|デモ|meeting/i, 'meeting'],
  [/タスク|task|ToDo/i, 'task'],
];

export function guessActivityType(value: string): SalesActivityType {
  return ACTIVITY_WORDS.find(([re]) => re.test(value))?.[1] ?? 'note';
}

function optionValues(field: KintoneFormField | undefined): string[] {
  if (!field?.options) return [];
  return Object.entries(field.options)
    .sort(([, a], [, b]) => Number(a.index) - Number(b.index))
    .map(([key]) => key);
}

export interface MappingGuess {
  name?: string;
  company?: string;
  email?: string;
  phone?: string;
  title?: string;
  owner?: string;
  stage?: { field: string; values: Record<string, Stage> };
  handoffDate?: string;
  leadSource?: string;
  campaign?: string;
  createdTime?: string;
  updatedTime?: string;
  /** From the lead app's related-records field (REFERENCE_TABLE): the activity app and how they join. */
  activity?: { appId: string; keyField: string; linkField: string };
}

export function guessLeadMapping(fields: Fields): MappingGuess {
  const stageField = find(fields, CHOICE, /ステータス|ステージ|フェーズ|進捗|確度|stage|status/i);
  const stageValues = Object.fromEntries(
    optionValues(stageField ? fields[stageField] : undefined).flatMap((v) => {
      const s = guessStage(v);
      return s ? [[v, s] as const] : [];
    }),
  );
  const related = Object.values(fields).find((f) => f.type === 'REFERENCE_TABLE' && f.referenceTable)?.referenceTable;
  const guess: MappingGuess = {
    name: find(fields, TEXT, /担当者名|氏名|お名前|名前|contact ?name|^name$/i),
    company: find(fields, TEXT, /会社名|企業名|顧客名|取引先|法人名|company|account/i),
    email: find(fields, TEXT, /メール|e-?mail/i),
    phone: find(fields, TEXT, /電話|TEL|phone/i),
    title: find(fields, TEXT, /役職|title/i),
    owner: find(fields, ['USER_SELECT'], /担当|営業|owner/i) ?? byType(fields, 'USER_SELECT'),
    stage: stageField ? { field: stageField, values: stageValues } : undefined,
    handoffDate: find(fields, DATES, /商談化|引き?渡|トスアップ|パス|MQL|handoff/i),
    leadSource: find(fields, [...TEXT, ...CHOICE], /リードソース|流入|獲得経路|問い?合わ?せ経路|経路|source/i),
    campaign: find(fields, [...TEXT, ...CHOICE], /キャンペーン|施策|campaign/i),
    createdTime: byType(fields, 'CREATED_TIME'),
    updatedTime: byType(fields, 'UPDATED_TIME'),
    activity: related ? { appId: related.relatedApp.app, keyField: related.condition.field, linkField: related.condition.relatedField } : undefined,
  };
  return Object.fromEntries(Object.entries(guess).filter(([, v]) => v !== undefined)) as MappingGuess;
}

export interface ActivityGuess {
  linkField?: string;
  keyField?: string;
  dateField?: string;
  typeField?: string;
  subjectField?: string;
  byField?: string;
  types: Record<string, SalesActivityType>;
}

/** The activity app's fields; `leadAppId` finds its lookup field pointing at the lead app, when there is one. */
export function guessActivityMapping(fields: Fields, leadAppId: string): ActivityGuess {
  const lookup = Object.values(fields).find((f) => f.lookup?.relatedApp.app === leadAppId);
  const typeField = find(fields, CHOICE, /活動種別|種別|対応方法|手段|区分|type/i);
  const guess: ActivityGuess = {
    linkField: lookup?.code,
    keyField: lookup?.lookup?.relatedKeyField,
    dateField: find(fields, DATES, /活動日|対応日|実施日|日時|日付|date/i) ?? byType(fields, 'CREATED_TIME'),
    typeField,
    subjectField: find(fields, TEXT, /件名|タイトル|内容|概要|subject/i),
    byField: find(fields, ['USER_SELECT', 'CREATOR'], /担当|対応者|実施者|owner/i) ?? byType(fields, 'CREATOR'),
    types: Object.fromEntries(optionValues(typeField ? fields[typeField] : undefined).map((v) => [v, guessActivityType(v)])),
  };
  return Object.fromEntries(Object.entries(guess).filter(([, v]) => v !== undefined)) as ActivityGuess;
}
