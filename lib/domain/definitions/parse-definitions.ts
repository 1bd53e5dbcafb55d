import type { z } from 'zod';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { definitionsSchema, type Definitions, type Localized } from './schema';

export type DefinitionsIssue = { path: string; message: Localized };
export type ParseDefinitionsResult = { ok: true; definitions: Definitions } | { ok: false; errors: DefinitionsIssue[] };

/**
 * Reads a definitions document (JSON or YAML text, or an already parsed value). Never throws: an invalid
 * document yields every problem with its path and a plain ja/en sentence, so the editor can fix them in one go
 * and the caller keeps the previous valid version in force.
 */
export function parseDefinitions(input: string | unknown, format?: 'json' | 'yaml'): ParseDefinitionsResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    const asJson = format === 'json' || (format === undefined && /^\s*[{[]/.test(text));
    try {
      value = asJson ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return {
        ok: false,
        errors: [
          {
            path: '(document)',
            message: asJson
              ? { ja: `JSON として読めません: ${detail}`, en: `Not valid JSON: ${detail}` }
              : { ja: `YAML として読めません: ${detail}`, en: `Not valid YAML: ${detail}` },
          },
        ],
      };
    }
  }
  const result = definitionsSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, definitions: result.data };
  return { ok: false, errors: result.error.issues.map(describeIssue) };
}

/** The parts of a document that say who agreed it and when, not how a lead is judged. */
export const APPROVAL_KEYS = ['name', 'effectiveFrom', 'approvedBy', 'changeLog'] as const;
export type Approval = Pick<Definitions, (typeof APPROVAL_KEYS)[number]>;

export type ParsedDraft = {
  /** The whole document, when it is valid (what can be published). */
  valid: Definitions | null;
  /** The document with `approval` standing in for its own name, date, approvers and note, when that is valid: what the what-if can judge before the note is written. */
  judgeable: Definitions | null;
  /** Every problem of the document itself, with its path (as parseDefinitions gives them). */
  errors: DefinitionsIssue[];
};

/**
 * A draft read once for both uses of the workshop: the document with `approval` (the version in force's) in place of
 * its approval parts, which gives the judgeable definitions and every other problem, and the approval parts checked on
 * their own (no rule of the document reads them together with the rest). The workshop used to parse the whole draft
 * twice per keystroke for the two answers.
 */
export function parseDraft(doc: Record<string, unknown>, approval: Approval): ParsedDraft {
  const judged = parseDefinitions({ ...doc, ...pickApproval(approval) });
  const errors = judged.ok ? [] : judged.errors.filter((e) => !APPROVAL_KEYS.some((k) => e.path === k || e.path.startsWith(`${k}.`) || e.path.startsWith(`${k}[`)));
  const own: Partial<Approval> = {};
  for (const key of APPROVAL_KEYS) {
    const result = definitionsSchema.shape[key].safeParse(doc[key], { reportInput: true });
    if (result.success) (own as Record<string, unknown>)[key] = result.data;
    else for (const issue of result.error.issues) errors.push(describeIssue({ ...issue, path: [key, ...issue.path] }));
  }
  const judgeable = judged.ok ? judged.definitions : null;
  const valid = judgeable && errors.length === 0 ? { ...judgeable, ...(own as Approval) } : null;
  return { valid, judgeable, errors };
}

function pickApproval(d: Approval): Approval {
  return { name: d.name, effectiveFrom: d.effectiveFrom, approvedBy: d.approvedBy, changeLog: d.changeLog };
}

export function exportDefinitions(d: Definitions, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : stringifyYaml(d, { lineWidth: 0 });
}

/** `sla.policies[0].budgetMinutes` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}

const typeNames: Record<string, Localized> = {
  string: { ja: '文字列', en: 'text' },
  number: { ja: '数値', en: 'a number' },
  // zod 4 reports `.int()` as expected "int": said as a word, not a type name ("must be int").
  int: { ja: '整数', en: 'a whole number' },
  boolean: { ja: 'true か false', en: 'true or false' },
  array: { ja: 'リスト', en: 'a list' },
  object: { ja: 'オブジェクト', en: 'an object' },
};

function describeIssue(issue: z.core.$ZodIssue): DefinitionsIssue {
  const path = formatPath(issue.path);
  return { path, message: messageFor(issue) };
}

function messageFor(issue: z.core.$ZodIssue): Localized {
  switch (issue.code) {
    case 'custom': {
      const params = issue.params as Partial<Localized> | undefined;
      if (params?.ja && params.en) return { ja: params.ja, en: params.en };
      return { ja: '値が規則に合いません', en: 'the value breaks a rule' };
    }
    case 'invalid_type': {
      const t = typeNames[issue.expected] ?? { ja: issue.expected, en: issue.expected };
      if (issue.input === undefined) return { ja: `必須です（${t.ja}）`, en: `is required (${t.en})` };
      return { ja: `${t.ja}にしてください`, en: `must be ${t.en}` };
    }
    case 'too_small':
      if (issue.origin === 'array') return { ja: `${String(issue.minimum)} 件以上必要です`, en: `needs at least ${String(issue.minimum)} item(s)` };
      if (issue.origin === 'string') return { ja: '空にできません', en: 'must not be empty' };
      return issue.inclusive
        ? { ja: `${String(issue.minimum)} 以上にしてください`, en: `must be at least ${String(issue.minimum)}` }
        : { ja: `${String(issue.minimum)} より大きくしてください`, en: `must be greater than ${String(issue.minimum)}` };
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array')
        return { ja: `${String(issue.maximum)} 以下の長さにしてください`, en: `must be at most ${String(issue.maximum)} long` };
      return issue.inclusive
        ? { ja: `${String(issue.maximum)} 以下にしてください`, en: `must be at most ${String(issue.maximum)}` }
        : { ja: `${String(issue.maximum)} 未満にしてください`, en: `must be less than ${String(issue.maximum)}` };
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return { ja: `次のいずれかにしてください: ${allowed}`, en: `must be one of: ${allowed}` };
    }
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (Array.isArray(options)) {
        const allowed = options.map((v) => JSON.stringify(v)).join(', ');
        return { ja: `次のいずれかにしてください: ${allowed}`, en: `must be one of: ${allowed}` };
      }
      return { ja: '形式が合いません', en: 'does not match any allowed form' };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return { ja: `不明な項目です（綴りを確認してください）: ${keys}`, en: `unknown key(s), check the spelling: ${keys}` };
    }
    case 'invalid_format':
      return { ja: `形式が正しくありません（${issue.format}）`, en: `is not a valid ${issue.format}` };
    case 'invalid_key':
      return { ja: 'キーが正しくありません', en: 'has an invalid key' };
    case 'invalid_element':
      return { ja: '要素が正しくありません', en: 'has an invalid element' };
    case 'not_multiple_of':
      return { ja: `${String(issue.divisor)} の倍数にしてください`, en: `must be a multiple of ${String(issue.divisor)}` };
    default:
      return { ja: '値が正しくありません', en: 'is invalid' };
  }
}
