import type { DefinitionsIssue } from '../domain/definitions/parse-definitions';

/** One line per problem, path first, English then Japanese, for `DefinitionsRecord.lastError`. */
export function summarizeIssues(errors: readonly DefinitionsIssue[], limit = 8): string {
  const lines = errors.slice(0, limit).map((e) => `${e.path}: ${e.message.en} (${e.message.ja})`);
  if (errors.length > limit) lines.push(`… +${errors.length - limit}`);
  return lines.join('\n');
}

/** Format from a file name or URL path; undefined lets the parser decide by the first character. */
export function formatFromName(name: string): 'json' | 'yaml' | undefined {
  const path = name.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  return undefined;
}
