import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { formatPath, type DefinitionsIssue } from '../../../lib/domain/definitions/parse-definitions';
import type { Localized } from '../../../lib/domain/definitions/schema';
import { useI18n } from '../../i18n/i18n-context';

/**
 * Form fields of the definitions workshop. Every field edits one path of the working document and shows, in place,
 * the messages the import gives for that path (parseDefinitions on the whole document after each keystroke: the same
 * zod rules, the same words, the same `sla.policies[1].budgetMinutes` path names).
 */
export type Path = readonly (string | number)[];
export type Doc = Record<string, unknown>;

export interface EditorState {
  doc: Doc;
  set: (path: Path, value: unknown) => void;
  errorsAt: (path: Path) => DefinitionsIssue[];
  /** Problems whose path starts with one of these (`sla`, `score.fit`). */
  countErrors: (prefixes: readonly string[]) => number;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('Workshop fields need <EditorContext.Provider> above them.');
  return editor;
}

export function getIn(doc: unknown, path: Path): unknown {
  let at: unknown = doc;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** A copy of `doc` with `value` at `path` (undefined removes the key: optional fields left empty). */
export function setIn<T>(doc: T, path: Path, value: unknown): T {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let at = copy;
  path.slice(0, -1).forEach((key, i) => {
    if (at[key] === null || typeof at[key] !== 'object') at[key] = typeof path[i + 1] === 'number' ? [] : {};
    at = at[key] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1]!;
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return copy as T;
}

export function FieldErrors({ path, id }: { path: Path; id?: string }) {
  const { errorsAt } = useEditor();
  const { l } = useI18n();
  const errors = errorsAt(path);
  if (errors.length === 0) return null;
  return (
    <span id={id} className="error-text small" role="alert">
      {errors.map((e, i) => (
        <span key={i}>
          <code>{e.path}</code>: {l(e.message)}{' '}
        </span>
      ))}
    </span>
  );
}

function useField(path: Path) {
  const editor = useEditor();
  const id = useId();
  const invalid = editor.errorsAt(path).length > 0;
  return { editor, id, invalid, value: getIn(editor.doc, path), name: formatPath(path) };
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;
const shown = (value: unknown) => (value === undefined || value === null ? '' : String(value));
/** What the document holds for this text: a number when it reads as one, else the text (or nothing). */
function readNumber(text: string, optional: boolean): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return optional ? undefined : trimmed;
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * A number typed as text: what is not a number stays text, so the import's "must be a number" shows in place. The
 * field keeps what was typed ("0." on the way to "0.5") and follows the document when it changes from elsewhere.
 */
export function NumberField({ path, label, optional = false }: { path: Path; label: string; optional?: boolean }) {
  const { editor, id, invalid, value, name } = useField(path);
  const [text, setText] = useState(shown(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (readNumber(text, optional) !== value) setText(shown(value));
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        inputMode="decimal"
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          editor.set(path, readNumber(e.target.value, optional));
        }}
      />
      <FieldErrors path={path} id={`${id}-error`} />
    </div>
  );
}

export function TextField({ path, label, type = 'text', optional = false }: { path: Path; label: string; type?: string; optional?: boolean }) {
  const { editor, id, invalid, value, name } = useField(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={typeof value === 'string' ? value : ''}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => editor.set(path, optional && e.target.value === '' ? undefined : e.target.value)}
      />
      <FieldErrors path={path} id={`${id}-error`} />
    </div>
  );
}

/** A comma-separated list of strings (required fields, URL substrings, condition values). */
export function ListField({ path, label, optional = false }: { path: Path; label: string; optional?: boolean }) {
  const { editor, id, invalid, value, name } = useField(path);
  const text = Array.isArray(value) ? value.join(', ') : '';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        defaultValue={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          const list = e.target.value.split(',').map((s) => s.trim()).filter((s) => s !== '');
          editor.set(path, optional && list.length === 0 ? undefined : list);
        }}
      />
      <FieldErrors path={path} id={`${id}-error`} />
    </div>
  );
}

export function SelectField({ path, label, options }: { path: Path; label: string; options: readonly { value: string; label: string }[] }) {
  const { editor, id, invalid, value, name } = useField(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={String(value ?? '')} aria-invalid={invalid} onChange={(e) => editor.set(path, e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors path={path} />
    </div>
  );
}

export function CheckField({ path, label }: { path: Path; label: string }) {
  const { editor, id, value } = useField(path);
  return (
    <div className="field">
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => editor.set(path, e.target.checked)} /> {label}
      </label>
      <FieldErrors path={path} />
    </div>
  );
}

/** Several of a fixed set (bands of a policy, handoff stages, touch types). */
export function ChoiceList({ path, legend, choices }: { path: Path; legend: string; choices: readonly { value: string; label: string }[] }) {
  const { editor, value } = useField(path);
  const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className="row">
        {choices.map((c) => (
          <label key={c.value}>
            <input
              type="checkbox"
              checked={chosen.has(c.value)}
              onChange={(e) => {
                const next = choices.map((x) => x.value).filter((v) => (v === c.value ? e.target.checked : chosen.has(v)));
                editor.set(path, next);
              }}
            />{' '}
            {c.label}
          </label>
        ))}
      </div>
      <FieldErrors path={path} />
    </fieldset>
  );
}

/** A ja/en label: the two languages side by side. */
export function LocalizedField({ path, label }: { path: Path; label: string }) {
  const { t } = useI18n();
  return (
    <fieldset className="field ws-localized">
      <legend>{label}</legend>
      <div className="ws-pair">
        <TextField path={[...path, 'ja']} label={t('ws.ja')} />
        <TextField path={[...path, 'en']} label={t('ws.en')} />
      </div>
      <FieldErrors path={path} />
    </fieldset>
  );
}

/** A list of items with add and remove; `item` draws one. */
export function ItemList({ path, legend, item, fresh, itemName }: { path: Path; legend: string; item: (at: Path, index: number) => ReactNode; fresh: () => unknown; itemName: (value: unknown, index: number) => string }) {
  const editor = useEditor();
  const { t } = useI18n();
  const list = getIn(editor.doc, path);
  const items = Array.isArray(list) ? list : [];
  return (
    <fieldset className="ws-list">
      <legend>{legend}</legend>
      <FieldErrors path={path} />
      {items.map((value, i) => (
        <div className="ws-item" key={i}>
          {item([...path, i], i)}
          <button type="button" onClick={() => editor.set(path, items.filter((_, k) => k !== i))}>
            {t('ws.remove', { item: itemName(value, i) })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => editor.set(path, [...items, fresh()])}>
        {t('ws.add', { what: legend })}
      </button>
    </fieldset>
  );
}

export function labelOf(value: unknown, l: (x: Localized) => string, fallback: string): string {
  const label = (value as { label?: Localized } | null)?.label;
  if (label && typeof label.ja === 'string' && typeof label.en === 'string' && (label.ja || label.en)) return l(label) || fallback;
  return fallback;
}

/**
 * One part of the form, folded until opened: the whole document is checked on every keystroke, and drawing only
 * the open parts keeps typing quick. A folded part says how many problems it holds, so none hides.
 */
export function Fold({ title, prefixes, initiallyOpen = false, children }: { title: string; prefixes: readonly string[]; initiallyOpen?: boolean; children: () => ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  const { t } = useI18n();
  const editor = useEditor();
  const id = useId();
  const problems = editor.countErrors(prefixes);
  return (
    <section className="ws-section" aria-labelledby={id}>
      <h3 className="ws-fold">
        <button id={id} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {title}
        </button>{' '}
        {problems > 0 && <span className="error-text small">{t('ws.problems', { count: problems })}</span>}
      </h3>
      {open && children()}
    </section>
  );
}
