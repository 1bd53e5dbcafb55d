import type { RecordRef, SystemId } from '../domain/model';
import { SYSTEMS } from '../domain/model-values';

/** The tab's record as the worker answered (parsed with zod by the full app's subscription). */
export function firstPaintRef(reply: unknown): RecordRef | null {
  const ref = (reply as { ref?: unknown } | null)?.ref as Record<string, unknown> | null | undefined;
  if (!ref || typeof ref !== 'object') return null;
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  if (!SYSTEMS.includes(ref.system as SystemId) || !text(ref.instance, 255) || !text(ref.object, 100) || !text(ref.id, 100)) return null;
  return { system: ref.system as SystemId, instance: ref.instance as string, object: ref.object as string, id: ref.id as string };
}
