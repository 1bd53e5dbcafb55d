import type { LeadContext } from './model';

/**
 * Who a person belongs to in the team figures' splits: their owner, lead source and campaigns. The one place that
 * decides it, so the team page's splits, its filters and the work queue agree.
 * - owner: `person.owner` (Salesforce Owner.Name, HubSpot owner, …), as the connector mapped it.
 * - source: `person.attributes.leadSource` (Salesforce LeadSource, HubSpot hs_analytics_source), the attribute the
 *   definitions' fit rules already read.
 * - campaigns: every distinct `campaign` on the person's marketing events (Salesforce CampaignMember → Campaign.Name,
 *   Marketo and Account Engagement campaign ids, HubSpot e-mail campaign ids): a person touched by two campaigns is
 *   in both, so campaign splits overlap and do not add up to the team (the team page says so).
 * Blank values count as none (null), so "(none)" is one split, not one per spelling of nothing.
 */
export type PersonSegments = { owner: string | null; source: string | null; campaigns: string[] };

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function personSegments(context: LeadContext): PersonSegments {
  let campaigns: string[] | null = null;
  for (const event of context.events) {
    const campaign = event.campaign === undefined ? null : text(event.campaign);
    if (campaign === null) continue;
    if (!campaigns) {
      campaigns = [campaign];
      continue;
    }
    // Kept sorted by insertion: a person has a handful of campaigns, and Array#sort and splice allocate.
    let at = campaigns.length;
    while (at > 0 && campaigns[at - 1]! > campaign) at--;
    if (at > 0 && campaigns[at - 1] === campaign) continue;
    campaigns.push(campaign);
    for (let k = campaigns.length - 1; k > at; k--) campaigns[k] = campaigns[k - 1]!;
    campaigns[at] = campaign;
  }
  return {
    owner: text(context.person.owner),
    source: text(context.person.attributes.leadSource),
    campaigns: campaigns ?? [],
  };
}
