/**
 * RecordRef without zod, so the content script can compare records without bundling a schema library.
 * `recordRefSchema` in model.ts parses exactly this shape.
 */
export interface RecordRefLike {
  system: string;
  instance: string;
  object: string;
  id: string;
}

export function recordKey(ref: RecordRefLike): string {
  return `${ref.system}|${ref.instance}|${ref.object}|${ref.id}`;
}

export function sameRecord(a: RecordRefLike | null | undefined, b: RecordRefLike | null | undefined): boolean {
  if (!a || !b) return a === b;
  return recordKey(a) === recordKey(b);
}
