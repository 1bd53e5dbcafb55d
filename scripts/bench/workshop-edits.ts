import type { Definitions } from '../../lib/domain/definitions/schema';

/** The edits a workshop makes, one after another on one draft: each what-if after it is what the target is about. */
export const WORKSHOP_EDITS: { name: string; edit: (d: Definitions) => void }[] = [
  { name: 'MQL threshold +5', edit: (d) => void (d.qualification.mql.minScore += 5) },
  { name: 'warm SLA 4 h → 2 h', edit: (d) => void (d.sla.policies.find((p) => p.id === 'warm')!.budgetMinutes = 120) },
  { name: 'bands (hot 80 → 75)', edit: (d) => void (d.temperature.bands.hot = 75) },
  { name: 'an engagement weight', edit: (d) => void (d.score.engagement.rules[0]!.points += 1) },
  { name: 'MQL threshold +5 again', edit: (d) => void (d.qualification.mql.minScore += 5) },
];

export const WORKSHOP_RANGE_DAYS = 90;
