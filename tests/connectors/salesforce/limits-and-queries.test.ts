import { parseLimitInfo, shouldPauseBackgroundRefresh } from '../../../lib/connectors/salesforce/limits';
import { feedbackLookupQuery, historyQuery, recordQuery, soqlString, assertSalesforceId } from '../../../lib/connectors/salesforce/queries';
import { parseSfDateTime } from '../../../lib/connectors/salesforce/dates';
import { newestVersion } from '../../../lib/connectors/salesforce/org';
import versions from '../../fixtures/salesforce/versions.json';

describe('Sforce-Limit-Info', () => {
  it('reads the org-wide usage', () => {
    expect(parseLimitInfo('api-usage=25/15000', 7)).toEqual({ used: 25, max: 15000, at: 7 });
    expect(parseLimitInfo('per-app-api-usage=2/250(appName=Baton), api-usage=18/5000')).toMatchObject({ used: 18, max: 5000 });
  });
  it('ignores missing or malformed headers', () => {
    expect(parseLimitInfo(null)).toBeNull();
    expect(parseLimitInfo('api-usage=abc/15000')).toBeNull();
    expect(parseLimitInfo('api-usage=1/0')).toBeNull();
  });
  it('pauses background refresh above 80% of the daily limit, not at it', () => {
    expect(shouldPauseBackgroundRefresh({ used: 12000, max: 15000 })).toBe(false);
    expect(shouldPauseBackgroundRefresh({ used: 12001, max: 15000 })).toBe(true);
    expect(shouldPauseBackgroundRefresh(null)).toBe(false);
  });
});

describe('ids and SOQL', () => {
  it('turns a 15-character id into the 18-character one Salesforce shows in URLs', () => {
    // Worked example of the documented checksum: one suffix letter per 5-character block, bits = upper-case positions.
    expect(assertSalesforceId('001D000000IqhSL')).toBe('001D000000IqhSLIAZ');
    expect(assertSalesforceId('001D000000IqhSLIAZ')).toBe('001D000000IqhSLIAZ');
  });
  it('refuses anything that is not an id before it reaches a query', () => {
    expect(() => recordQuery('Lead', "x' OR Id != '", { pardotFields: false })).toThrow(/not a record id/);
    expect(() => historyQuery('Lead', '00Q5e00000LeadAEAR', "Status') OR ('1")).toThrow();
  });
  it('escapes string literals', () => {
    expect(soqlString("O'Brien \\ co")).toBe("'O\\'Brien \\\\ co'");
  });
  it('asks for the package fields only when the package is installed', () => {
    expect(recordQuery('Lead', '00Q5e00000LeadAEAR', { pardotFields: true })).toContain('pi__score__c');
    expect(recordQuery('Lead', '00Q5e00000LeadAEAR', { pardotFields: false })).not.toContain('pi__');
    expect(recordQuery('Contact', '0035e00000ContAAAR', { pardotFields: false })).toContain('Account.Industry');
  });
  it('looks feedback up by its marker, with LIKE wildcards escaped', () => {
    expect(feedbackLookupQuery('00Q5e00000LeadAEAR', 'fb_01-x9abc')).toBe(
      "SELECT Id FROM Task WHERE WhoId = '00Q5e00000LeadAEAR' AND Subject LIKE '%[baton:fb\\_01-x9abc]%' ORDER BY CreatedDate ASC, Id ASC LIMIT 20",
    );
    expect(() => feedbackLookupQuery('00Q5e00000LeadAEAR', "x%' OR Id != '")).toThrow();
  });
});

describe('versions and dates', () => {
  it('picks the newest API version numerically', () => {
    expect(newestVersion(versions)).toBe('65.0');
    expect(newestVersion([{ version: '9.0' }, { version: '100.0' }, { version: '64.0' }])).toBe('100.0');
  });
  it('reads Salesforce date-times with colon-less offsets and plain dates', () => {
    expect(parseSfDateTime('2026-11-24T01:00:00.000+0000')).toBe(Date.UTC(2026, 10, 24, 1, 0));
    expect(parseSfDateTime('2026-11-24T10:00:00.000+0900')).toBe(Date.UTC(2026, 10, 24, 1, 0));
    expect(parseSfDateTime('2026-11-24')).toBe(Date.UTC(2026, 10, 24));
    expect(parseSfDateTime('soon')).toBeNull();
  });
});
