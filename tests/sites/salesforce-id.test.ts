import { salesforceObjectForId, toSalesforceId18 } from '../../lib/sites/salesforce-id';

describe('toSalesforceId18', () => {
  it('appends the published checksum to a 15-character id', () => {
    // Example from https://github.com/amureki/salesforce_id_converter (README), same as Salesforce's CASESAFEID().
    expect(toSalesforceId18('00558000001N0Ke')).toBe('00558000001N0KeAAK');
  });

  it('computes each suffix character from the case of its own block of five', () => {
    // Upper-case letters only in block 3 positions 0 and 4 → bits 1 + 16 = 17 → "R".
    expect(toSalesforceId18('7015e00000CampA')).toBe('7015e00000CampAAAR');
    // All of block 3 upper-case → 31 → "5".
    expect(toSalesforceId18('00Q2x00000ZZZZZ')).toBe('00Q2x00000ZZZZZEA5');
  });

  it('keeps a correct 18-character id as it is', () => {
    expect(toSalesforceId18('00558000001N0KeAAK')).toBe('00558000001N0KeAAK');
  });

  it('accepts a lower-case checksum on a correctly cased id', () => {
    expect(toSalesforceId18('00558000001N0Keaak')).toBe('00558000001N0KeAAK');
  });

  it('restores the case of an id that was lower- or upper-cased wholesale', () => {
    expect(toSalesforceId18('00558000001n0keaak')).toBe('00558000001N0KeAAK');
    expect(toSalesforceId18('00558000001N0KEAAK')).toBe('00558000001N0KeAAK');
  });

  it('counts A and Z as upper-case and a and z as lower-case in the checksum', () => {
    // Block 3 "AazZq": A (bit 0) and Z (bit 3) → 9 → "J"; block 1 "00Q5e": Q (bit 2) → 4 → "E".
    expect(toSalesforceId18('00Q5e00000AazZq')).toBe('00Q5e00000AazZqEAJ');
  });

  it('restores A, a, z and Z, the ends of the letter ranges, from an id written all lower- or all upper-case', () => {
    expect(toSalesforceId18('00q5e00000aazzqeaj')).toBe('00Q5e00000AazZqEAJ');
    expect(toSalesforceId18('00Q5E00000AAZZQEAJ')).toBe('00Q5e00000AazZqEAJ');
  });

  it('rejects a case-lost id whose checksum letter is not in the suffix alphabet', () => {
    // "6"–"9" never appear in a suffix (5 bits: A–Z then 0–5).
    expect(toSalesforceId18('00q5e00000aazzqea9')).toBeNull();
  });

  it('rejects an 18-character id whose checksum contradicts its case', () => {
    expect(toSalesforceId18('00558000001N0KeAAB')).toBeNull();
  });

  it('rejects a case-lost id whose checksum flags a digit as upper-case', () => {
    // "B" sets bit 0 of block 1, whose first character is the digit 0.
    expect(toSalesforceId18('00558000001n0kebak')).toBeNull();
  });

  it('rejects wrong lengths, punctuation and the empty key prefix', () => {
    for (const bad of ['', '00558000001N0K', '00558000001N0KeA', '00558000001N0KeAAKX', '00558000001N0K-', '000000000000001', '000000000000001AAA', '00558000001N0Ke-AK']) {
      expect(toSalesforceId18(bad), bad).toBeNull();
    }
  });
});

describe('salesforceObjectForId', () => {
  it.each([
    ['00Q5e00000AbCdE', 'Lead'],
    ['0035e00000XyZaB', 'Contact'],
    ['0015e00000MnOpQ', 'Account'],
    ['0065e00000RsTuV', 'Opportunity'],
    ['00T5e00000aaaaa', 'Task'],
    ['00U5e00000EvEnT', 'Event'],
    ['7015e00000CampA', 'Campaign'],
    ['0055e00000UsErA', 'User'],
  ])('names the object of %s as %s', (id, object) => {
    expect(salesforceObjectForId(id)).toBe(object);
  });

  it('does not guess custom objects or confuse case in the prefix', () => {
    expect(salesforceObjectForId('a005e00000CustM')).toBeUndefined();
    expect(salesforceObjectForId('00q5e00000AbCdE')).toBeUndefined();
  });
});
