import type { RecordRef, SystemId } from '../../lib/domain/model';
import type { Settings } from '../../lib/store/settings';

export type PanelView = 'sales' | 'marketing' | 'definitions' | 'queue';

/** Systems where marketers work; every other system is a sales tool (SFA/CRM). */
const MA_SYSTEMS: ReadonlySet<SystemId> = new Set(['marketo', 'pardot']);

/** Sales view on SFA pages, marketing view on MA pages, unless the options choose a role. */
export function defaultView(ref: RecordRef, role: Settings['defaultRole']): PanelView {
  if (role !== 'auto') return role;
  if (ref.system === 'demo') return ref.instance === 'ma' ? 'marketing' : 'sales';
  return MA_SYSTEMS.has(ref.system) ? 'marketing' : 'sales';
}
