import type { Person, Stage } from './model';

/**
 * Handed off to sales (MQL or later) and not yet settled (no opportunity, won, lost, recycled or
 * disqualified): what a salesperson still has to work. The work queue's "my open leads" sync keeps these.
 */
export const OPEN_AFTER_HANDOFF_STAGES: readonly Stage[] = ['mql', 'sal', 'sql'];

export function isOpenAfterHandoff(person: Pick<Person, 'stage'>): boolean {
  return person.stage !== null && OPEN_AFTER_HANDOFF_STAGES.includes(person.stage);
}
