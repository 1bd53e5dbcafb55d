import { pageLabel } from '../../lib/messaging/page-label';
import { describeUnsupportedPage } from '../../lib/sites/describe-page';
import { detectRecord } from '../../lib/sites/detect-record';
import { isPersonRecord } from '../../lib/sites/person-record';
import { parseKintoneObject } from '../../lib/sites/kintone';
import { NON_RECORDS, RECORDS } from './corpus';

describe('describeUnsupportedPage', () => {
  it.each(NON_RECORDS)('says $page for $url', ({ url, page }) => {
    expect(describeUnsupportedPage(url)).toBe(page);
  });

  it('says nothing for a lead or contact record', () => {
    expect(describeUnsupportedPage('https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdE/view')).toBeNull();
    expect(describeUnsupportedPage('https://app.hubspot.com/contacts/1234567/record/0-136/3001')).toBeNull();
    expect(describeUnsupportedPage('chrome-extension://abcdefghijklmnopabcdefghijklmnop/demo-ma.html#/lead/L-001')).toBeNull();
  });

  it('says not-person-record for accounts, opportunities and companies', () => {
    expect(describeUnsupportedPage('https://acme.lightning.force.com/lightning/r/Account/0015e00000MnOpQ/view')).toBe('not-person-record');
    expect(describeUnsupportedPage('https://app.hubspot.com/contacts/1234567/record/0-2/777')).toBe('not-person-record');
    expect(
      describeUnsupportedPage('https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=91330924-802a-4b0d-a900-34fd9d790829'),
    ).toBe('not-person-record');
  });

  it('works on the origin+path label the content script sends', () => {
    const cases: [string, string][] = [
      ['https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent', 'salesforce-list'],
      ['https://acme.lightning.force.com/lightning/setup/SetupOneHome/home?secret=1', 'salesforce-setup'],
      ['https://app.hubspot.com/contacts/1234567/objects/0-1/views/all/list?q=x', 'hubspot-index'],
      ['https://example.cybozu.com/k/12/#view=20', 'kintone-list'],
      ['https://example.com/anything?x=1', 'not-vendor'],
    ];
    for (const [url, page] of cases) expect(describeUnsupportedPage(pageLabel(url)), url).toBe(page);
  });
});

describe('isPersonRecord', () => {
  it('is true for leads, contacts, HubSpot leads, prospects and the demo lead', () => {
    const people = [
      ...RECORDS.salesforce.filter((c) => c.ref.object === 'Lead' || c.ref.object === 'Contact'),
      ...RECORDS.hubspot.filter((c) => c.ref.object === '0-1' || c.ref.object === '0-136'),
      ...RECORDS.marketo,
      ...RECORDS.pardot,
      ...RECORDS.dynamics.filter((c) => c.ref.object !== 'account'),
      ...RECORDS.kintone,
      ...RECORDS.demo,
    ];
    expect(people.length).toBeGreaterThan(20);
    for (const c of people) expect(isPersonRecord(c.ref), c.url).toBe(true);
  });

  it('is false for accounts, opportunities, tasks, campaigns, companies and custom objects', () => {
    const others = [
      ...RECORDS.salesforce.filter((c) => c.ref.object !== 'Lead' && c.ref.object !== 'Contact'),
      ...RECORDS.hubspot.filter((c) => c.ref.object !== '0-1' && c.ref.object !== '0-136'),
      ...RECORDS.dynamics.filter((c) => c.ref.object === 'account'),
    ];
    expect(others.length).toBeGreaterThanOrEqual(8);
    for (const c of others) expect(isPersonRecord(c.ref), c.url).toBe(false);
  });
});

describe('kintone object names', () => {
  it('carry the guest space the API path needs', () => {
    const guest = detectRecord('https://example.cybozu.com/k/guest/3/12/show#record=5');
    const plain = detectRecord('https://example.cybozu.com/k/12/show#record=5');
    expect(parseKintoneObject(guest?.object ?? '')).toEqual({ appId: '12', guestSpaceId: '3' });
    expect(parseKintoneObject(plain?.object ?? '')).toEqual({ appId: '12' });
    expect(parseKintoneObject('Lead')).toBeNull();
  });

  it('are read back only when the whole name is an app, with every digit of the space and the app', () => {
    expect(parseKintoneObject('guest:31:app:120')).toEqual({ appId: '120', guestSpaceId: '31' });
    expect(parseKintoneObject('x-app:12')).toBeNull();
    expect(parseKintoneObject('app:12:extra')).toBeNull();
    expect(parseKintoneObject('guest::app:12')).toBeNull();
  });
});
