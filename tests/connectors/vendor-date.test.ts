import { describe, expect, it } from 'vitest';
import { parseVendorDateTime } from '../../lib/connectors/vendor-date';

describe('parseVendorDateTime', () => {
  it('reads the offsets vendors document, with and without a colon, alike', () => {
    const utc = Date.UTC(2013, 8, 26, 6, 56, 35);
    // Marketo's documented activityDate and Salesforce's documented dateTime form.
    expect(parseVendorDateTime('2013-09-26T06:56:35+0000')).toBe(utc);
    expect(parseVendorDateTime('2013-09-26T06:56:35.000+0000')).toBe(utc);
    expect(parseVendorDateTime('2013-09-26T06:56:35Z')).toBe(utc);
    expect(parseVendorDateTime('2013-09-26T15:56:35+09:00')).toBe(utc);
    expect(parseVendorDateTime('2013-09-26T15:56:35+0900')).toBe(utc);
    expect(parseVendorDateTime('2013-09-25T23:56:35.000-0700')).toBe(utc);
    expect(parseVendorDateTime('2013-09-26T06:56:35.123456Z')).toBe(utc + 123);
    expect(parseVendorDateTime('2024-05-01')).toBe(Date.UTC(2024, 4, 1));
  });

  it('never turns an unreadable value into 1970 or a guess', () => {
    for (const bad of ['', 'yesterday', '0', '2024-02-31T00:00:00Z', '2024-13-01', '2024-05-01T25:00:00Z', '2024-05-01T09:30:00', '1969-12-31T23:59:59Z', '2024-05-01T09:30:00+2500']) {
      expect(parseVendorDateTime(bad), bad).toBeNull();
    }
    expect(parseVendorDateTime(null)).toBeNull();
  });
});
