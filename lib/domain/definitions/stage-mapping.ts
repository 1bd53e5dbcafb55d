import type { Stage, SystemId } from '../model';
import type { Definitions } from './schema';

type Index = Map<string, { exact: Map<string, Stage>; loose: Map<string, Stage> }>;
const indexes = new WeakMap<Definitions, Index>();

function indexOf(d: Definitions): Index {
  let index = indexes.get(d);
  if (!index) {
    index = new Map();
    for (const m of d.stageMappings) {
      const key = `${m.system}|${m.field.toLowerCase()}`;
      let entry = index.get(key);
      if (!entry) index.set(key, (entry = { exact: new Map(), loose: new Map() }));
      for (const [value, stage] of Object.entries(m.values)) {
        if (!entry.exact.has(value)) entry.exact.set(value, stage);
        const loose = value.trim().toLowerCase();
        if (!entry.loose.has(loose)) entry.loose.set(loose, stage);
      }
    }
    indexes.set(d, index);
  }
  return index;
}

/**
 * The domain stage a vendor value lands on, or null when the definitions do not map it (the panel then shows
 * an "unmapped stage" warning). The field name is matched ignoring case (API names vs. labels such as `Status`);
 * the value exactly first, then ignoring case and spaces, since admins retype picklist values by hand.
 */
export function mapVendorStage(d: Definitions, system: SystemId, field: string, value: string): Stage | null {
  const entry = indexOf(d).get(`${system}|${field.toLowerCase()}`);
  if (!entry) return null;
  return entry.exact.get(value) ?? entry.loose.get(value.trim().toLowerCase()) ?? null;
}

/**
 * The stage of a vendor value when the field is not known (cached stage history keeps only the value): the
 * first mapping of that system that knows the value.
 */
export function mapVendorValue(d: Definitions, system: SystemId, value: string): Stage | null {
  // Remembered per document and system: the team KPIs remap every stage change of 100,000 people, and picklists
  // have a handful of values. Bounded, in case a vendor sends free text.
  let bySystem = valueMemo.get(d);
  if (!bySystem) valueMemo.set(d, (bySystem = new Map()));
  let memo = bySystem.get(system);
  if (!memo) bySystem.set(system, (memo = new Map()));
  const known = memo.get(value);
  if (known !== undefined) return known;
  let found: Stage | null = null;
  for (const m of d.stageMappings) {
    if (m.system !== system) continue;
    const stage = mapVendorStage(d, system, m.field, value);
    if (stage) {
      found = stage;
      break;
    }
  }
  if (memo.size >= VALUE_MEMO_MAX) memo.clear();
  memo.set(value, found);
  return found;
}
const valueMemo = new WeakMap<Definitions, Map<SystemId, Map<string, Stage | null>>>();
const VALUE_MEMO_MAX = 10_000;
