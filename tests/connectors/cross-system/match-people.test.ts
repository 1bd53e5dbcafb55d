import { matchPeople } from '../../../lib/connectors/cross-system/match-people';
import { mergeContexts } from '../../../lib/connectors/cross-system/merge-contexts';
import { mapLeadToPerson, mapMarketoContext } from '../../../lib/connectors/marketo/map-lead';
import { mapContactToPerson } from '../../../lib/connectors/hubspot/map-contact';
import { leadSchema, activitySchema } from '../../../lib/connectors/marketo/schemas';
import { contactSchema } from '../../../lib/connectors/hubspot/schemas';
import type { LeadContext, Person, RecordRef } from '../../../lib/domain/model';
import leadsByEmail from '../../fixtures/marketo/leads-by-email.json';
import leadFixture from '../../fixtures/marketo/lead.json';
import activities from '../../fixtures/marketo/activities-page-2.json';
import contactFixture from '../../fixtures/hubspot/contact.json';

const NOW = Date.UTC(2026, 10, 25, 3, 0);

const marketoPeople: Person[] = leadsByEmail.result.map((l) =>
  mapLeadToPerson({ system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: String(l.id) }, leadSchema.parse(l), {}),
);

function salesforcePerson(id: string, email?: string, object = 'Lead'): Person {
  const ref: RecordRef = { system: 'salesforce', instance: 'acme.lightning.force.com', object, id };
  return { key: email ?? `salesforce|acme|${id}`, name: 'Taro Yamada', email, stage: null, attributes: {}, links: [{ ref }] };
}

describe('matchPeople', () => {
  it('finds the Marketo lead whose synced sfdcLeadId is the Salesforce lead (15 vs 18 characters), and flags the e-mail duplicate', () => {
    const anchor = salesforcePerson('00Q5g00000XYZ12', 'taro.yamada@example.co.jp');
    const { match, warnings } = matchPeople(anchor, marketoPeople);
    expect(match?.links[0]?.ref.id).toBe('318581');
    expect(warnings).toEqual([expect.objectContaining({ code: 'possible_duplicate', refs: [expect.objectContaining({ id: '402211' })] })]);
  });

  it('never picks one of several leads that share only the e-mail address', () => {
    const anchor = salesforcePerson('00Q5g00000OTHERAAA', ' Taro.Yamada@EXAMPLE.co.jp ');
    const { match, warnings } = matchPeople(anchor, marketoPeople);
    expect(match).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('possible_duplicate');
    expect(warnings[0]?.refs?.map((r) => r.id)).toEqual(['318581', '402211']);
  });

  it('matches a single lead by normalized e-mail when no ids are synced', () => {
    const only = marketoPeople[1] as Person;
    const { match, warnings } = matchPeople(salesforcePerson('00Q000000000001', 'TARO.yamada@example.co.jp'), [only]);
    expect(match).toBe(only);
    expect(warnings).toEqual([]);
  });

  it('reports a conflict when two MA records claim the same Salesforce record', () => {
    const twin = { ...(marketoPeople[0] as Person), links: [{ ref: { system: 'marketo' as const, instance: 'x', object: 'lead', id: '999' } }], attributes: { sfdcLeadId: '00Q5g00000XYZ12EAA' } };
    const { match, warnings } = matchPeople(salesforcePerson('00Q5g00000XYZ12EAA'), [marketoPeople[0] as Person, twin]);
    expect(match).toBeNull();
    expect(warnings[0]).toMatchObject({ code: 'cross_system_conflict' });
    expect(warnings[0]?.refs?.map((r) => r.id)).toEqual(['318581', '999']);
  });

  it('works the other way round: from the Marketo lead to its Salesforce lead', () => {
    const anchor = marketoPeople[0] as Person;
    const sf = [salesforcePerson('00Q5g00000XYZ12EAA', 'taro.yamada@example.co.jp'), salesforcePerson('003000000000001AAA', 'someone@example.co.jp', 'Contact')];
    expect(matchPeople(anchor, sf).match).toBe(sf[0]);
  });

  it("uses HubSpot's salesforceleadid and Account Engagement's crm_lead_fid", () => {
    const hub = mapContactToPerson({ system: 'hubspot', instance: '62515', object: '0-1', id: '512' }, contactSchema.parse(contactFixture), {});
    const ae: Person = { key: 'p', name: 'P', email: 'other@example.com', stage: null, attributes: { crm_lead_fid: '00Q5g00000ABCDE' }, links: [{ ref: { system: 'pardot', instance: 'pi', object: 'prospect', id: '77' } }] };
    const anchor = salesforcePerson('00Q5g00000ABCDEFGH', 'nobody@example.com');
    expect(matchPeople(anchor, [hub]).match).toBe(hub);
    const both = matchPeople(anchor, [hub, ae]);
    expect(both.match).toBeNull();
    expect(both.warnings[0]?.code).toBe('cross_system_conflict');
  });

  it('warns when the synced record has another e-mail address, but still links it', () => {
    const { match, warnings } = matchPeople(salesforcePerson('00Q5g00000XYZ12EAA', 'new.address@example.co.jp'), [marketoPeople[0] as Person]);
    expect(match).toBe(marketoPeople[0]);
    expect(warnings[0]).toMatchObject({ code: 'cross_system_conflict' });
    expect(warnings[0]?.detail).toContain('new.address@example.co.jp');
  });

  it('returns no match and no warning when nobody fits', () => {
    expect(matchPeople(salesforcePerson('00Q000000000009', 'x@example.com'), marketoPeople)).toEqual({ match: null, warnings: [] });
  });
});

describe('mergeContexts', () => {
  const mktRef: RecordRef = { system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: '318581' };
  const marketo = mapMarketoContext({
    ref: mktRef,
    lead: leadSchema.parse(leadFixture.result[0]),
    activities: activities.result.map((a) => activitySchema.parse(a)),
    typeNames: new Map(),
    truncated: false,
    options: { now: NOW - 60_000 },
  });
  const sfRef: RecordRef = { system: 'salesforce', instance: 'acme.lightning.force.com', object: 'Lead', id: '00Q5g00000XYZ12EAA' };
  const sales: LeadContext = {
    ref: sfRef,
    person: { ...salesforcePerson(sfRef.id, 'taro.yamada@example.co.jp'), owner: 'Aiko Sato', attributes: { industry: 'Manufacturing', employees: null } },
    events: [],
    activities: [{ id: 'salesforce:00T1', source: 'salesforce', type: 'call', occurredAt: NOW - 3_600_000, subject: 'Intro call' }],
    stageChanges: [{ id: 'salesforce:h1', source: 'salesforce', stage: 'sal', vendorValue: 'Working - Contacted', at: NOW - 7_200_000 }],
    opportunities: [],
    feedback: [],
    warnings: [],
    fetchedAt: NOW,
    sources: ['salesforce'],
  };

  it("shows the MA's engagement on the SFA record, with links to both, each item once", () => {
    const merged = mergeContexts(sales, marketo);
    expect(merged.ref).toEqual(sfRef);
    expect(merged.person.owner).toBe('Aiko Sato');
    expect(merged.person.attributes.employees).toBe(1200);
    expect(merged.events.map((e) => e.source)).toEqual(['marketo', 'marketo', 'marketo', 'marketo']);
    expect(merged.activities).toHaveLength(1);
    expect(merged.stageChanges.map((s) => s.vendorValue)).toEqual(['Working - Contacted']);
    expect(merged.sources).toEqual(['salesforce', 'marketo']);
    expect(merged.fetchedAt).toBe(NOW - 60_000);
    expect(merged.person.links.map((l) => l.ref.system)).toEqual(['salesforce', 'marketo']);

    const again = mergeContexts(merged, marketo);
    expect(again.events).toHaveLength(merged.events.length);
    expect(again.person.links).toHaveLength(2);
  });

  it("shows the SFA's outcome on the MA record and flags differing e-mail addresses", () => {
    const other = { ...sales, person: { ...sales.person, email: 'taro@other.example' } };
    const merged = mergeContexts(marketo, other);
    expect(merged.ref).toEqual(mktRef);
    expect(merged.activities[0]?.subject).toBe('Intro call');
    expect(merged.warnings).toContainEqual(expect.objectContaining({ code: 'cross_system_conflict' }));
  });
});
