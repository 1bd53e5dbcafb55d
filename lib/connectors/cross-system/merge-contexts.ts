import { normalizeEmail, type DataQualityWarning, type LeadContext, type Person } from '../../domain/model';

function unionBy<T>(a: T[], b: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return [...a, ...b].filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function mergePeople(primary: Person, other: Person): Person {
  const attributes = { ...primary.attributes };
  for (const [k, v] of Object.entries(other.attributes)) {
    if (attributes[k] === undefined || attributes[k] === null || attributes[k] === '') attributes[k] = v;
  }
  return {
    ...primary,
    email: primary.email ?? other.email,
    company: primary.company ?? other.company,
    title: primary.title ?? other.title,
    phone: primary.phone ?? other.phone,
    owner: primary.owner ?? other.owner,
    attributes,
    links: unionBy(primary.links, other.links, (l) => `${l.ref.system}|${l.ref.object.toLowerCase()}|${l.ref.id}`),
  };
}

/**
 * One person across an SFA and an MA, after `matchPeople` found exactly one match. The page's own system
 * (`primary`) keeps its ref, stage and values; the other fills gaps and adds its events, activities and
 * history, each kept once (ids carry their source). The older fetch time is kept, so "as of" never overstates.
 */
export function mergeContexts(primary: LeadContext, other: LeadContext): LeadContext {
  const warnings: DataQualityWarning[] = [...primary.warnings, ...other.warnings];
  const a = normalizeEmail(primary.person.email);
  const b = normalizeEmail(other.person.email);
  if (a && b && a !== b) warnings.push({ code: 'cross_system_conflict', detail: `email differs: ${a} / ${b}`, refs: [primary.ref, other.ref] });
  const byTime = <T extends { occurredAt: number }>(x: T, y: T) => x.occurredAt - y.occurredAt;
  return {
    ref: primary.ref,
    person: mergePeople(primary.person, other.person),
    events: unionBy(primary.events, other.events, (e) => e.id).sort(byTime),
    activities: unionBy(primary.activities, other.activities, (e) => e.id).sort(byTime),
    stageChanges: unionBy(primary.stageChanges, other.stageChanges, (e) => e.id).sort((x, y) => x.at - y.at),
    opportunities: unionBy(primary.opportunities, other.opportunities, (e) => e.id),
    feedback: unionBy(primary.feedback, other.feedback, (e) => e.id),
    warnings: unionBy(warnings, [], (w) => JSON.stringify(w)),
    fetchedAt: Math.min(primary.fetchedAt, other.fetchedAt),
    sources: unionBy(primary.sources, other.sources, (s) => s),
  };
}

/**
 * A refresh whose partner could not be asked (`partner_unavailable`: an outage, a limit, Salesforce's paused
 * background refresh) would otherwise store the page's own view alone, and the person would lose what the partner
 * said last time (its events, its link, the owner only the SFA knows) until the next good refresh. Here the last
 * stored view lends that partner's half: its events, activities, history and deals, its links and the person
 * fields the fresh view lacks. The fetch time becomes the older one, so "as of" shows the view is partly old; the
 * warning stays.
 */
export function keepUnavailablePartners(fresh: LeadContext, previous: LeadContext | undefined): LeadContext {
  if (!previous) return fresh;
  const unavailable = new Set(
    fresh.warnings.filter((w) => w.code === 'partner_unavailable' && w.detail).map((w) => w.detail!.slice(0, w.detail!.indexOf(':'))),
  );
  const systems = previous.sources.filter((s) => s !== fresh.ref.system && unavailable.has(s));
  if (!systems.length) return fresh;
  const theirs = <T extends { source: string }>(items: T[]) => items.filter((item) => systems.includes(item.source as (typeof systems)[number]));
  const half: LeadContext = {
    ...previous,
    ref: fresh.ref,
    person: { ...previous.person, links: previous.person.links.filter((l) => systems.includes(l.ref.system)) },
    events: theirs(previous.events),
    activities: theirs(previous.activities),
    stageChanges: theirs(previous.stageChanges),
    opportunities: theirs(previous.opportunities),
    feedback: [],
    warnings: [],
    sources: systems,
  };
  return mergeContexts(fresh, half);
}
