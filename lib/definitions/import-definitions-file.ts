import { parseDefinitions, type DefinitionsIssue } from '../domain/definitions/parse-definitions';
import type { DefinitionsRecord } from '../store/definitions-repo';
import { formatFromName } from './definitions-errors';

export type ImportDefinitionsResult = { ok: true; record: DefinitionsRecord } | { ok: false; errors: DefinitionsIssue[] };

/** A JSON or YAML file chosen on the options page. Invalid files are refused with every problem by path. */
export function importDefinitionsFile(text: string, filename: string, now: number = Date.now()): ImportDefinitionsResult {
  const parsed = parseDefinitions(text, formatFromName(filename));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, record: { definitions: parsed.definitions, source: 'file', sourceUrl: filename, fetchedAt: now } };
}
