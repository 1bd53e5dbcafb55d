import { describe, expect, it } from 'vitest';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { parseDefinitions, parseDraft } from '../../lib/domain/definitions/parse-definitions';
import type { Definitions } from '../../lib/domain/definitions/schema';

const inForce = DEFAULT_DEFINITIONS;
/** A copy of the version in force to edit freely (values of any type, as a form may leave them). */
const draftOf = (edit: (d: Definitions & Record<string, unknown>) => void): Record<string, unknown> => {
  const d = structuredClone(inForce) as Definitions & Record<string, unknown>;
  d.version = inForce.version + 1;
  edit(d);
  return d;
};

describe('parseDraft (the workshop reads a draft once per keystroke)', () => {
  it('a valid draft is the document parseDefinitions gives, and judgeable as it is', () => {
    const doc = draftOf((d) => {
      d.qualification.mql.minScore = 75;
      d.name = { ja: '改訂版', en: 'Revised' };
    });
    const parsed = parseDraft(doc, inForce);
    const whole = parseDefinitions(doc);
    expect(whole.ok).toBe(true);
    expect(parsed.valid).toEqual(whole.ok && whole.definitions);
    expect(JSON.stringify(parsed.valid)).toBe(JSON.stringify(whole.ok && whole.definitions));
    expect(parsed.judgeable?.qualification.mql.minScore).toBe(75);
    expect(parsed.errors).toEqual([]);
  });

  it('an unwritten change note blocks publishing but not the what-if; a judging error blocks both; the paths are the import’s', () => {
    const noNote = draftOf((d) => void d.changeLog.push({ version: d.version, date: '2026-12-02', summary: { ja: '', en: '' } }));
    const a = parseDraft(noNote, inForce);
    expect(a.valid).toBeNull();
    expect(a.judgeable).not.toBeNull();
    expect(new Set(a.errors.map((e) => e.path))).toEqual(new Set((parseDefinitions(noNote) as { errors: { path: string }[] }).errors.map((e) => e.path)));

    const both = draftOf((d) => {
      d.sla.warnAtFraction = 2;
      d.effectiveFrom = 'tomorrow';
    });
    const b = parseDraft(both, inForce);
    expect(b.valid).toBeNull();
    expect(b.judgeable).toBeNull();
    expect(b.errors.map((e) => e.path).sort()).toEqual(['effectiveFrom', 'sla.warnAtFraction']);
    expect(b.errors.map((e) => e.path).sort()).toEqual((parseDefinitions(both) as { errors: { path: string }[] }).errors.map((e) => e.path).sort());
  });
});
