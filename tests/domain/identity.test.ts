import { describe, expect, it } from 'vitest';
import { ANONYMOUS_USER, identityFor, isByMe, type UserIdentity } from '../../lib/domain/identity';

const sf: UserIdentity = { system: 'salesforce', userId: '005000000000001AAA', name: 'Sato Hanako', checkedAt: 1 };
const hs: UserIdentity = { system: 'hubspot', userId: '77', name: 'Aiko Sato', checkedAt: 1 };
const dyn: UserIdentity = { system: 'dynamics', userId: 'u-1', name: 'Ken Ito', checkedAt: 1 };

describe('who I am on a record', () => {
  it('on an SFA record, is my user in that system and no other', () => {
    expect(identityFor('dynamics', { salesforce: sf, dynamics: dyn })).toBe(dyn);
    expect(identityFor('salesforce', { hubspot: hs })).toBeNull();
  });

  it('on a Marketo or Account Engagement record, is my Salesforce user, else my HubSpot user, else nobody', () => {
    expect(identityFor('marketo', { salesforce: sf, hubspot: hs })).toBe(sf);
    expect(identityFor('pardot', { hubspot: hs })).toBe(hs);
    expect(identityFor('marketo', { dynamics: dyn })).toBeNull();
    expect(identityFor('pardot', {})).toBeNull();
  });

  it('counts feedback as mine when it carries my name, or the name used before I was known', () => {
    expect(isByMe('Sato Hanako', 'Sato Hanako')).toBe(true);
    expect(isByMe(ANONYMOUS_USER, undefined)).toBe(true);
    expect(isByMe(ANONYMOUS_USER, 'Sato Hanako')).toBe(true);
    expect(isByMe('Aiko Sato', 'Sato Hanako')).toBe(false);
    expect(isByMe('Aiko Sato', undefined)).toBe(false);
  });
});
