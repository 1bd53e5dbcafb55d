import type { RecordRef } from '../../lib/domain/model';
import { VENDORS } from '../../lib/domain/vendors';
import type { Settings } from '../../lib/store/settings';

export type PanelView = 'sales' | 'marketing' | 'definitions' | 'queue';

/** Sales view on SFA pages, marketing view on MA pages, unless the options choose a role. */
export function defaultView(ref: RecordRef, role: Settings['defaultRole']): PanelView {
  if (role !== 'auto') return role;
  if (ref.system === 'demo') return ref.instance === 'ma' ? 'marketing' : 'sales';
  return VENDORS[ref.system].side;
}
