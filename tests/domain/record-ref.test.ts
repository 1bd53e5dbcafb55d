import { describe, expect, it } from 'vitest';
import { recordKey, sameRecord } from '../../lib/domain/record-ref';

const lead = { system: 'salesforce', instance: 'acme', object: 'Lead', id: '00Q5e00000AbCdEEAV' };

describe('telling records apart', () => {
  it('keys a record by system, instance, object and id, in that order', () => {
    expect(recordKey(lead)).toBe('salesforce|acme|Lead|00Q5e00000AbCdEEAV');
  });

  it('is the same record when all four parts match, whichever object holds them', () => {
    expect(sameRecord(lead, { ...lead })).toBe(true);
    expect(sameRecord(lead, { ...lead, instance: 'other-org' })).toBe(false);
    expect(sameRecord(lead, { ...lead, object: 'Contact' })).toBe(false);
  });

  it('no record is the same as no record, and never the same as a record', () => {
    expect(sameRecord(null, null)).toBe(true);
    expect(sameRecord(undefined, undefined)).toBe(true);
    expect(sameRecord(lead, null)).toBe(false);
    expect(sameRecord(undefined, lead)).toBe(false);
    expect(sameRecord(null, undefined)).toBe(false);
  });
});
