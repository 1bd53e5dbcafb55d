import { normalizeEmail, type DataQualityWarning, type LeadContext, type Person, type RecordRef, type SystemId } from '../../domain/model';
import { isConnectorError, type FetchOptions } from '../connector';
import { matchPeople, salesforceIdsOf } from './match-people';
import { mergeContexts } from './merge-contexts';

/**
 * One person whichever page Baton is opened on: the SFA page shows the MA's engagement, the MA page the SFA's
 * outcome. The page's own context is the primary; each connected system on the other side is a partner.
 */

/** How a partner is asked for the person: by a Salesforce record id its sync keeps, or by e-mail. */
export type CrossLookup = { by: 'salesforce-id'; object: 'Lead' | 'Contact'; id: string } | { by: 'email'; email: string };

/** A connected system on the other side of the page, reduced to what the lookup needs. */
export interface CrossSystemPartner {
  readonly system: SystemId;
  /** Records matching one lookup, as people for `matchPeople`. One vendor call. */
  findPeople(lookup: CrossLookup, options: FetchOptions): Promise<Person[]>;
  /** The matched record's full context, with the partner's usual call budget. */
  fetchContext(ref: RecordRef, options: FetchOptions): Promise<LeadContext>;
}

export type EnrichOptions = FetchOptions;

/**
 * Calls per partner, at most: one lookup per Salesforce id the person is known by (a contact id and a lead id:
 * 2), stopping at the first that finds anyone; one e-mail lookup only when no id found anyone; then the matched
 * record's `fetchContext`. So ≤ 3 lookups + 1 context fetch, and 1 + 1 in the usual synced case.
 */
export function lookupsFor(primary: LeadContext): { byId: CrossLookup[]; byEmail: CrossLookup | null } {
  const byId = salesforceIdsOf(primary.ref, primary.person).map((r): CrossLookup => ({ by: 'salesforce-id', object: r.object, id: r.id }));
  const email = normalizeEmail(primary.person.email);
  return { byId, byEmail: email ? { by: 'email', email } : null };
}

type PartnerOutcome = { merged: LeadContext | null; warnings: DataQualityWarning[] };

async function enrichFrom(primary: LeadContext, partner: CrossSystemPartner, options: EnrichOptions): Promise<PartnerOutcome> {
  const { byId, byEmail } = lookupsFor(primary);
  let candidates: Person[] = [];
  for (const lookup of byId) {
    candidates = await partner.findPeople(lookup, options);
    if (candidates.length) break;
  }
  if (!candidates.length && byEmail) candidates = await partner.findPeople(byEmail, options);
  if (!candidates.length) return { merged: null, warnings: [] };
  const { match, warnings } = matchPeople(primary.person, candidates);
  const matchRef = match?.links[0]?.ref;
  if (!match || !matchRef) return { merged: null, warnings };
  const other = await partner.fetchContext(matchRef, options);
  return { merged: other, warnings };
}

/**
 * The primary context with what the partners know about the same person merged in (`mergeContexts`). Several
 * possible matches in a partner → `matchPeople`'s warning and nothing merged from it. A partner that is not
 * connected is skipped silently; any other partner failure leaves the primary view whole and adds a
 * `partner_unavailable` warning whose detail is the partner's message (which names the vendor and what to do).
 * `options.purpose` goes to every partner call: look-ups made during a background refresh of the page's own
 * system are background for the partner too (Salesforce's 80% rule). Partners are asked in parallel; an
 * aborted signal aborts the whole enrichment.
 */
export async function enrichAcrossSystems(primary: LeadContext, partners: CrossSystemPartner[], options: EnrichOptions): Promise<LeadContext> {
  const others = partners.filter((p) => p.system !== primary.ref.system);
  const outcomes = await Promise.all(
    others.map(async (partner): Promise<PartnerOutcome> => {
      try {
        return await enrichFrom(primary, partner, options);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (isConnectorError(error) && error.kind === 'not-connected') return { merged: null, warnings: [] };
        const message = error instanceof Error ? error.message : String(error);
        // Not a disagreement between systems: the partner could not be asked (outage, limit, sign-in, a paused
        // background refresh). Its own code, so the panel says "could not ask" rather than "systems disagree".
        return { merged: null, warnings: [{ code: 'partner_unavailable', detail: `${partner.system}: ${message}` }] };
      }
    }),
  );
  let result = primary;
  for (const outcome of outcomes) if (outcome.merged) result = mergeContexts(result, outcome.merged);
  const extra = outcomes.flatMap((o) => o.warnings);
  if (!extra.length) return result;
  const seen = new Set(result.warnings.map((w) => JSON.stringify(w)));
  return { ...result, warnings: [...result.warnings, ...extra.filter((w) => !seen.has(JSON.stringify(w)))] };
}
