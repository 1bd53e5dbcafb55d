import type { RecordRef, SystemId } from '../../lib/domain/model';
import type { UnsupportedPage } from '../../lib/sites/site-detector';

/**
 * The URL corpus, in the github-url-detection manner: every URL goes through every detector.
 * Salesforce 18-character ids were computed with an independent implementation of the documented
 * checksum and checked against the published example 00558000001N0Ke → 00558000001N0KeAAK.
 * Dynamics sample GUID from Microsoft's "Open forms … with a URL" page.
 */

export interface RecordCase {
  url: string;
  ref: RecordRef;
  why?: string;
}

const LEAD18 = '00Q5e00000AbCdEEAV';
const LEAD2_18 = '00Q2x00000ZZZZZEA5';
const CONTACT18 = '0035e00000XyZaBAAV';

const sf = (instance: string, object: string, id: string): RecordRef => ({ system: 'salesforce', instance, object, id });
const hs = (portal: string, object: string, id: string): RecordRef => ({ system: 'hubspot', instance: portal, object, id });

export const RECORDS: Record<SystemId, RecordCase[]> = {
  salesforce: [
    { url: `https://acme.lightning.force.com/lightning/r/Lead/${LEAD18}/view`, ref: sf('acme', 'Lead', LEAD18) },
    { url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdE/view', ref: sf('acme', 'Lead', LEAD18), why: '15-char id normalized' },
    { url: `https://acme.lightning.force.com/lightning/r/Contact/${CONTACT18}/edit`, ref: sf('acme', 'Contact', CONTACT18) },
    { url: `https://acme.lightning.force.com/lightning/r/Lead/${LEAD18}/related/ActivityHistories/view`, ref: sf('acme', 'Lead', LEAD18) },
    { url: `https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/${LEAD2_18}/view`, ref: sf('acme--uat', 'Lead', LEAD2_18) },
    { url: 'https://acme--uat.lightning.force.com/lightning/r/Lead/00Q2x00000ZZZZZ/view', ref: sf('acme--uat', 'Lead', LEAD2_18), why: 'sandbox host before enhanced domains' },
    { url: 'https://acme-dev-ed.develop.lightning.force.com/lightning/r/Account/0015e00000MnOpQAAV/view', ref: sf('acme-dev-ed', 'Account', '0015e00000MnOpQAAV') },
    { url: 'https://acme.my.salesforce.com/00Q5e00000AbCdE', ref: sf('acme', 'Lead', LEAD18), why: 'Classic, 15-char id' },
    { url: `https://acme.my.salesforce.com/${LEAD18}/e?retURL=%2F00Q5e00000AbCdE`, ref: sf('acme', 'Lead', LEAD18), why: 'Classic edit' },
    { url: 'https://acme--uat.sandbox.my.salesforce.com/0035e00000XyZaB', ref: sf('acme--uat', 'Contact', CONTACT18) },
    {
      url: `https://acme.lightning.force.com/lightning/r/Lead/${LEAD18}/view?ws=%2Flightning%2Fr%2FLead%2F${LEAD2_18}%2Fview`,
      ref: sf('acme', 'Lead', LEAD18),
      why: 'console: the path wins over ws',
    },
    { url: `https://acme.lightning.force.com/lightning/r/${LEAD18}/view`, ref: sf('acme', 'Lead', LEAD18), why: 'object from key prefix' },
    { url: 'https://acme.scratch.lightning.force.com/lightning/r/Opportunity/0065e00000RsTuVAAV/view', ref: sf('acme', 'Opportunity', '0065e00000RsTuVAAV') },
    { url: `https://playful-bear-4x2k1.trailblaze.lightning.force.com/lightning/r/Lead/${LEAD18}/view`, ref: sf('playful-bear-4x2k1', 'Lead', LEAD18) },
    { url: 'https://acme.demo.my.salesforce.com/7015e00000CampA', ref: sf('acme', 'Campaign', '7015e00000CampAAAR') },
    { url: 'https://acme.lightning.force.com/lightning/r/Lead/00q5e00000abcdeeav/view', ref: sf('acme', 'Lead', LEAD18), why: 'lower-cased 18-char id restored' },
    { url: 'https://acme.lightning.force.com/one/one.app#/sObject/00Q5e00000AbCdE/view', ref: sf('acme', 'Lead', LEAD18), why: 'one.app fragment' },
    { url: 'https://acme.lightning.force.com/lightning/r/Task/00T5e00000aaaaaEAA/view', ref: sf('acme', 'Task', '00T5e00000aaaaaEAA') },
    { url: `https://ACME.Lightning.Force.com/lightning/r/Lead/${LEAD18}/view`, ref: sf('acme', 'Lead', LEAD18), why: 'host case' },
    { url: 'https://acme.lightning.force.com/lightning/r/Invoice__c/a005e00000CustMAAR/view', ref: sf('acme', 'Invoice__c', 'a005e00000CustMAAR') },
    { url: `https://acme.lightning.force.com/lightning/r/lead/${LEAD18}/view`, ref: sf('acme', 'Lead', LEAD18), why: 'object name case' },
    { url: `https://acme.my.salesforce.com/lightning/r/Contact/${CONTACT18}/view`, ref: sf('acme', 'Contact', CONTACT18), why: 'Lightning path on the login host' },
    { url: `https://acme.lightning.force.com/lightning/r/${LEAD18}`, ref: sf('acme', 'Lead', LEAD18), why: 'a bare id needs no action after it' },
    { url: `https://acme.lightning.force.com/lightning/r/Lead/${LEAD18}`, ref: sf('acme', 'Lead', LEAD18), why: 'object and id, no action after them' },
    {
      url: `https://acme.lightning.force.com/lightning/r/Contact/${CONTACT18}/view?ws=%2Flightning%2Fr%2FLead%2F${LEAD18}%2Fview`,
      ref: sf('acme', 'Contact', CONTACT18),
      why: 'console: a Contact in a subtab of a Lead workspace is the Contact',
    },
    { url: 'https://acme.lightning.force.com/one/one.app#/sObject/00Q5e00000AbCdE', ref: sf('acme', 'Lead', LEAD18), why: 'one.app fragment without an action' },
    { url: 'https://acme.lightning.force.com/one/one.app#/sObject/0035e00000XyZaB/edit/', ref: sf('acme', 'Contact', CONTACT18), why: 'one.app edit, trailing slash' },
  ],
  hubspot: [
    { url: 'https://app.hubspot.com/contacts/1234567/record/0-1/51', ref: hs('1234567', '0-1', '51') },
    { url: 'https://app-eu1.hubspot.com/contacts/26123456/record/0-1/9876543210/', ref: hs('26123456', '0-1', '9876543210') },
    { url: 'https://app.hubspot.com/contacts/1234567/record/0-136/3001', ref: hs('1234567', '0-136', '3001') },
    { url: 'https://app.hubspot.com/contacts/1234567/record/0-2/777', ref: hs('1234567', '0-2', '777') },
    { url: 'https://app.hubspot.com/contacts/1234567/contact/51', ref: hs('1234567', '0-1', '51'), why: 'legacy contact URL' },
    { url: 'https://app.hubspot.com/contacts/1234567/company/777/', ref: hs('1234567', '0-2', '777'), why: 'legacy company URL' },
    { url: 'https://app.hubspot.com/contacts/1234567/record/0-1/51/view/1?interaction=note', ref: hs('1234567', '0-1', '51') },
    { url: 'https://app-na2.hubspot.com/contacts/242000001/record/2-1234567/88', ref: hs('242000001', '2-1234567', '88') },
  ],
  marketo: [
    { url: 'https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=1234', ref: { system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: '1234' } },
    { url: 'https://app-sjg.marketo.com/leadDatabase/loadLeadDetail?leadId=42&accessZoneId=1', ref: { system: 'marketo', instance: 'app-sjg.marketo.com', object: 'lead', id: '42' } },
    { url: 'https://app-lon04.marketo.com/leadDatabase/loadLeadDetail?leadId=987654#ML0A1ZN2', ref: { system: 'marketo', instance: 'app-lon04.marketo.com', object: 'lead', id: '987654' } },
    { url: 'https://app-ab12.marketo.com/leadDatabase/loadLeadDetail/?leadId=1234', ref: { system: 'marketo', instance: 'app-ab12.marketo.com', object: 'lead', id: '1234' }, why: 'trailing slash' },
  ],
  pardot: [
    { url: 'https://pi.pardot.com/prospect/read/id/12345678', ref: { system: 'pardot', instance: 'pi.pardot.com', object: 'prospect', id: '12345678' } },
    { url: 'https://pi.demo.pardot.com/prospect/read/id/42', ref: { system: 'pardot', instance: 'pi.demo.pardot.com', object: 'prospect', id: '42' } },
    { url: 'https://pi.pardot.com/prospect/read?id=12345678', ref: { system: 'pardot', instance: 'pi.pardot.com', object: 'prospect', id: '12345678' } },
  ],
  dynamics: [
    {
      url: 'https://contoso.crm7.dynamics.com/main.aspx?appid=3f2c5d1e-0000-4000-8000-000000000001&pagetype=entityrecord&etn=lead&id=%7B91330924-802A-4B0D-A900-34FD9D790829%7D',
      ref: { system: 'dynamics', instance: 'contoso.crm7.dynamics.com', object: 'lead', id: '91330924-802a-4b0d-a900-34fd9d790829' },
    },
    {
      url: 'https://contoso.crm.dynamics.com/main.aspx?etn=contact&pagetype=entityrecord&id=91330924-802a-4b0d-a900-34fd9d790829',
      ref: { system: 'dynamics', instance: 'contoso.crm.dynamics.com', object: 'contact', id: '91330924-802a-4b0d-a900-34fd9d790829' },
    },
    {
      url: 'https://contoso.crm4.dynamics.com/main.aspx?appid=3f2c5d1e-0000-4000-8000-000000000001&pagetype=entityrecord&etn=account&id={91330924-802A-4B0D-A900-34FD9D790829}',
      ref: { system: 'dynamics', instance: 'contoso.crm4.dynamics.com', object: 'account', id: '91330924-802a-4b0d-a900-34fd9d790829' },
    },
    {
      url: 'https://contoso.crm.dynamics.com/Main.aspx?PageType=EntityRecord&ETN=Lead&ID=%7B91330924-802A-4B0D-A900-34FD9D790829%7D',
      ref: { system: 'dynamics', instance: 'contoso.crm.dynamics.com', object: 'lead', id: '91330924-802a-4b0d-a900-34fd9d790829' },
      why: 'ASP.NET reads the path and the query keys in any case',
    },
    {
      url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=%2091330924-802a-4b0d-a900-34fd9d790829%20',
      ref: { system: 'dynamics', instance: 'contoso.crm.dynamics.com', object: 'lead', id: '91330924-802a-4b0d-a900-34fd9d790829' },
      why: 'an id pasted with spaces around it',
    },
  ],
  kintone: [
    { url: 'https://example.cybozu.com/k/12/show#record=5', ref: { system: 'kintone', instance: 'example.cybozu.com', object: 'app:12', id: '5' } },
    {
      url: 'https://example.cybozu.com/k/12/show#record=5&l.view=20&l.q&l.sort_0=f1&l.order_0=desc&l.next=4&l.prev=6',
      ref: { system: 'kintone', instance: 'example.cybozu.com', object: 'app:12', id: '5' },
    },
    { url: 'https://example.cybozu.com/k/guest/3/12/show#record=5', ref: { system: 'kintone', instance: 'example.cybozu.com', object: 'guest:3:app:12', id: '5' } },
    { url: 'https://example.kintone.com/k/7/show#record=100&mode=edit', ref: { system: 'kintone', instance: 'example.kintone.com', object: 'app:7', id: '100' } },
    { url: 'https://example.s.cybozu.com/k/12/show#record=5', ref: { system: 'kintone', instance: 'example.s.cybozu.com', object: 'app:12', id: '5' } },
    { url: 'https://example.cybozu.com/k/m/12/show?record=5', ref: { system: 'kintone', instance: 'example.cybozu.com', object: 'app:12', id: '5' }, why: 'mobile view' },
    {
      url: 'https://example.cybozu.com/k/m/guest/3/12/show?record=5',
      ref: { system: 'kintone', instance: 'example.cybozu.com', object: 'guest:3:app:12', id: '5' },
      why: 'mobile view of a guest-space app',
    },
    {
      url: 'https://example.cybozu.com/k/guest/31/m/12/show?record=5',
      ref: { system: 'kintone', instance: 'example.cybozu.com', object: 'guest:31:app:12', id: '5' },
      why: 'mobile marker after the guest space',
    },
  ],
  demo: [
    {
      url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/demo-sfa.html#/lead/L-001',
      ref: { system: 'demo', instance: 'sfa', object: 'lead', id: 'L-001' },
    },
    {
      url: 'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/demo-ma.html#/lead/lead_42',
      ref: { system: 'demo', instance: 'ma', object: 'lead', id: 'lead_42' },
    },
  ],
};

export interface PageCase {
  url: string;
  page: UnsupportedPage;
  why?: string;
}

const LEAD_PATH = `/lightning/r/Lead/${LEAD18}/view`;

/** URLs no detector may claim, with what the panel should say about them. */
export const NON_RECORDS: PageCase[] = [
  // Salesforce pages that are not records
  { url: 'https://acme.lightning.force.com/lightning/page/home', page: 'salesforce-home' },
  { url: 'https://acme.lightning.force.com/', page: 'salesforce-home' },
  { url: 'https://acme.my.salesforce.com/home/home.jsp', page: 'salesforce-home' },
  { url: 'https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent', page: 'salesforce-list' },
  { url: 'https://acme.lightning.force.com/lightning/o/Contact/home', page: 'salesforce-list' },
  { url: 'https://acme.my.salesforce.com/00Q/o', page: 'salesforce-list' },
  { url: 'https://acme.lightning.force.com/lightning/setup/SetupOneHome/home', page: 'salesforce-setup' },
  { url: 'https://acme.my.salesforce.com/setup/forcecomHomepage.apexp?setupid=ForceCom', page: 'salesforce-setup' },
  { url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdEEAB/view', page: 'vendor-other', why: 'checksum contradicts the case' },
  { url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCd/view', page: 'vendor-other', why: '14 characters' },
  { url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdE/bogus', page: 'vendor-other', why: 'not a record action' },
  { url: 'https://acme.my.salesforce.com/a005e00000CustM', page: 'vendor-other', why: 'Classic custom object: prefix unknown' },
  { url: 'https://acme.lightning.force.com/lightning/n/My_Tab', page: 'vendor-other' },
  { url: 'https://acme.lightning.force.com/lightning/r/', page: 'vendor-other', why: 'record path without an id' },
  { url: 'https://acme.lightning.force.com/lightning/r/Lead', page: 'vendor-other', why: 'object without an id' },
  { url: `https://acme.lightning.force.com/lightning/r/${LEAD18}/bogus`, page: 'vendor-other', why: 'bare id followed by no record action' },
  { url: 'https://acme.lightning.force.com/lightning/r/Le-ad/00Q5e00000AbCdE/view', page: 'vendor-other', why: 'not an object API name' },
  { url: 'https://acme.lightning.force.com/lightning/x/Lead/00Q5e00000AbCdE/view', page: 'vendor-other', why: 'not the record (r) path' },
  { url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdE%E0%A4%A/view', page: 'vendor-other', why: 'broken percent-encoding' },
  { url: 'https://acme.lightning.force.com/one/one.app', page: 'salesforce-home' },
  { url: 'https://acme.lightning.force.com/one/one.app#/home', page: 'salesforce-home', why: 'one.app fragment without a record' },
  { url: 'https://acme.lightning.force.com/one/one.app#/sObject/00Q5e00000AbCdE/view/extra', page: 'salesforce-home', why: 'more after the one.app record' },
  { url: 'https://acme.lightning.force.com/one/one.app#/home#/sObject/00Q5e00000AbCdE/view', page: 'salesforce-home', why: 'record not at the start of the fragment' },
  { url: 'https://acme.lightning.force.com/one/one.app#/sObject/a005e00000CustM/view', page: 'salesforce-home', why: 'one.app custom object: prefix unknown' },
  { url: 'https://acme.lightning.force.com/one/other#/sObject/00Q5e00000AbCdE/view', page: 'vendor-other', why: 'fragment read only on one.app' },
  { url: 'https://acme.lightning.force.com/app/one.app#/sObject/00Q5e00000AbCdE/view', page: 'vendor-other', why: 'fragment read only under /one/' },
  { url: 'https://acme.my.salesforce.com/00Q5e00000AbCdE/e/x', page: 'vendor-other', why: 'Classic: more than id and e' },
  { url: 'https://acme.my.salesforce.com/00Q5e00000AbCdE/x', page: 'vendor-other', why: 'Classic: after the id only e (edit)' },
  { url: 'https://acme.lightning.force.com/lightning', page: 'salesforce-home' },
  { url: 'https://acme.lightning.force.com/lightning/page/chatter', page: 'vendor-other' },
  { url: 'https://acme.lightning.force.com/lightning/cmp/home', page: 'vendor-other', why: 'home only under /lightning/page/' },
  { url: 'https://acme.lightning.force.com/lightning/o', page: 'vendor-other', why: 'no object named' },
  { url: 'https://acme.lightning.force.com/lightning/o/Lead', page: 'salesforce-list' },
  { url: 'https://acme.lightning.force.com/lightning/o/Lead/new', page: 'vendor-other', why: 'new-record form' },
  { url: 'https://acme.my.salesforce.com/home/other.jsp', page: 'vendor-other' },
  { url: 'https://acme.my.salesforce.com/x/home.jsp', page: 'vendor-other' },
  { url: 'https://acme.my.salesforce.com/ui/setup/Setup?setupid=Users', page: 'salesforce-setup' },
  { url: 'https://acme.my.salesforce.com/ui/other', page: 'vendor-other' },
  { url: 'https://acme.my.salesforce.com/x/setup', page: 'vendor-other' },
  { url: 'https://acme.my.salesforce.com/003?fcf=00B5e00000ABCDE', page: 'salesforce-list' },
  { url: 'https://acme.my.salesforce.com/003/x', page: 'vendor-other' },
  { url: 'https://acme.my.salesforce.com/00Q00/o', page: 'vendor-other', why: 'a tab is exactly a three-character prefix' },
  { url: 'https://acme.my.salesforce.com/a00/o', page: 'vendor-other', why: 'custom object tab: prefix unknown' },
  // Salesforce lookalikes
  { url: `https://acme.lightning.force.com.evil.example${LEAD_PATH}`, page: 'not-vendor' },
  { url: `https://evil.example/acme.lightning.force.com${LEAD_PATH}`, page: 'not-vendor' },
  { url: `https://lightning.force.com${LEAD_PATH}`, page: 'not-vendor' },
  { url: `https://a.b.lightning.force.com${LEAD_PATH}`, page: 'not-vendor' },
  { url: `https://acme.lightning.force.com:8443${LEAD_PATH}`, page: 'not-vendor' },
  { url: `http://acme.lightning.force.com${LEAD_PATH}`, page: 'not-vendor' },
  { url: `https://acme.lightning.force.com@evil.example${LEAD_PATH}`, page: 'not-vendor' },
  { url: `https://user@acme.lightning.force.com${LEAD_PATH}`, page: 'not-vendor', why: 'user info in the address' },
  { url: `https://:secret@acme.lightning.force.com${LEAD_PATH}`, page: 'not-vendor', why: 'a password in the address' },
  { url: `https://acme-lightning-force.com${LEAD_PATH}`, page: 'not-vendor' },
  { url: `https://acme.lightning.force.co${LEAD_PATH}`, page: 'not-vendor' },
  { url: 'https://acme--c.vf.force.com/apex/LeadPage?id=00Q5e00000AbCdE', page: 'not-vendor' },
  // HubSpot
  { url: 'https://app.hubspot.com/contacts/1234567/objects/0-1/views/all/list', page: 'hubspot-index' },
  { url: 'https://app.hubspot.com/contacts/1234567/contacts/list/view/all/', page: 'hubspot-index' },
  { url: 'https://app.hubspot.com/reports-dashboard/1234567/view/123', page: 'vendor-other' },
  { url: 'https://app.hubspot.com/contacts/1234567/record/0-1/', page: 'vendor-other' },
  { url: 'https://app.hubspot.com/contacts/abc/record/0-1/51', page: 'vendor-other' },
  { url: 'https://app.hubspot.com/sales/1234567/record/0-1/51', page: 'vendor-other', why: 'records live under /contacts/' },
  { url: 'https://app.hubspot.com/contacts', page: 'vendor-other', why: 'no portal' },
  { url: 'https://app.hubspot.com/reports-dashboard/1234567', page: 'vendor-other', why: 'an index only in the CRM app' },
  { url: 'https://app.hubspot.com/contacts/abc', page: 'vendor-other', why: 'portal not a number' },
  { url: 'https://app.hubspot.com/contacts/1234567', page: 'hubspot-index', why: 'the portal’s CRM home' },
  { url: 'https://app.hubspot.com/contacts/1234567/companies', page: 'hubspot-index' },
  { url: 'https://app.hubspot.com/contacts/1234567/xcontacts', page: 'vendor-other', why: 'index names are whole segments' },
  { url: 'https://app.hubspot.com/contacts/1234567/contactsx', page: 'vendor-other', why: 'index names are whole segments' },
  { url: 'https://app.hubspot.com/contacts/1234567/record', page: 'vendor-other', why: 'no object type' },
  { url: 'https://app.hubspot.com/contacts/1234567/record/x-1/51', page: 'vendor-other', why: 'not an object type id' },
  { url: 'https://app.hubspot.com/contacts/1234567/record/0-1/abc', page: 'vendor-other', why: 'record id not a number' },
  { url: 'https://app.hubspot.com/contacts/1234567/foo/0-1/51', page: 'vendor-other', why: 'object and id only after record' },
  { url: 'https://app.hubspot.com/contacts/1234567/foo/51', page: 'vendor-other', why: 'not a legacy object name' },
  { url: 'https://app.hubspot.com/contacts/1234567/contact', page: 'vendor-other', why: 'legacy URL without an id' },
  { url: 'https://app.hubspot.com/contacts/1234567/contact/abc', page: 'vendor-other', why: 'legacy id not a number' },
  { url: 'https://evil-hubspot.com/contacts/1234567/record/0-1/51', page: 'not-vendor' },
  { url: 'https://app.hubspot.com.evil.example/contacts/1234567/record/0-1/51', page: 'not-vendor' },
  { url: 'https://myapp.hubspot.com/contacts/1234567/record/0-1/51', page: 'not-vendor' },
  { url: 'https://app.hubspot.com.evil.example/contacts/1234567/contact/51', page: 'not-vendor' },
  // Marketo
  { url: 'https://app-ab12.marketo.com/#ML0A1ZN2', page: 'vendor-other' },
  { url: 'https://app-ab12.marketo.com/leadDatabase/loadLeadDetail', page: 'vendor-other' },
  { url: 'https://app-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=abc', page: 'vendor-other' },
  { url: 'https://app-ab12.marketo.com/leadDatabase/other?leadId=1', page: 'vendor-other', why: 'a lead id on another page' },
  { url: 'https://www.marketo.com/leadDatabase/loadLeadDetail?leadId=1', page: 'not-vendor' },
  { url: 'https://app-ab12.marketo.com.evil.example/leadDatabase/loadLeadDetail?leadId=1', page: 'not-vendor' },
  { url: 'https://evilapp-ab12.marketo.com/leadDatabase/loadLeadDetail?leadId=1', page: 'not-vendor' },
  // Account Engagement
  { url: 'https://pi.pardot.com/prospect', page: 'vendor-other' },
  { url: 'https://pi.pardot.com/prospect/read/id/abc', page: 'vendor-other' },
  { url: 'https://pi.pardot.com/list/read/id/1', page: 'vendor-other', why: 'prospects only' },
  { url: 'https://pi.pardot.com/prospect/edit/id/1', page: 'vendor-other', why: 'the read page only' },
  { url: 'https://pi.pardot.com/prospect/read/x/1', page: 'vendor-other', why: 'the id only after /id/' },
  { url: 'https://pi.pardot.com/prospect/read/id/1/more', page: 'vendor-other', why: 'nothing after the id' },
  { url: 'https://pi.pardot.com/prospect/read/x?id=5', page: 'vendor-other', why: 'the query id only on /prospect/read' },
  { url: 'https://pi.pardot.com/prospect/read?id=abc', page: 'vendor-other', why: 'query id not a number' },
  { url: 'https://pi.pardot.com.evil.example/prospect/read/id/1', page: 'not-vendor' },
  { url: 'https://evil.pi.pardot.com/prospect/read/id/1', page: 'not-vendor' },
  // Dynamics 365
  {
    url: 'https://contoso.crm.dynamics.com/main.aspx?appid=3f2c5d1e-0000-4000-8000-000000000001&pagetype=entitylist&etn=lead&viewid=%7B00000000-0000-0000-00AA-000010001004%7D',
    page: 'dynamics-list',
  },
  { url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead', page: 'vendor-other', why: 'new-record form' },
  { url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=not-a-guid', page: 'vendor-other' },
  { url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&id=91330924-802a-4b0d-a900-34fd9d790829', page: 'vendor-other', why: 'no table' },
  { url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=1lead&id=91330924-802a-4b0d-a900-34fd9d790829', page: 'vendor-other', why: 'not a logical name' },
  { url: 'https://contoso.crm.dynamics.com/other.aspx?pagetype=entityrecord&etn=lead&id=91330924-802a-4b0d-a900-34fd9d790829', page: 'vendor-other', why: 'only main.aspx' },
  { url: 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entitylist&etn=lead&id=91330924-802a-4b0d-a900-34fd9d790829', page: 'dynamics-list', why: 'a list, whatever id it carries' },
  { url: 'https://contoso.crm.dynamics.com/main.aspx?PAGETYPE=EntityList&etn=lead', page: 'dynamics-list' },
  { url: 'https://contoso.crm.dynamics.com/main.aspx?etn=lead', page: 'vendor-other', why: 'no page type' },
  { url: 'https://contoso.crm.dynamics.com/other.aspx?pagetype=entitylist&etn=lead', page: 'vendor-other', why: 'lists only on main.aspx' },
  { url: 'https://contoso.crm.dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=lead&id=91330924-802a-4b0d-a900-34fd9d790829', page: 'not-vendor' },
  { url: 'https://contoso.crm99.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=91330924-802a-4b0d-a900-34fd9d790829', page: 'not-vendor' },
  { url: 'https://contoso.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=91330924-802a-4b0d-a900-34fd9d790829', page: 'not-vendor' },
  // kintone
  { url: 'https://example.cybozu.com/k/12/', page: 'kintone-list' },
  { url: 'https://example.cybozu.com/k/12/show', page: 'vendor-other', why: 'no record number' },
  { url: 'https://example.cybozu.com/k/#/portal', page: 'vendor-other' },
  { url: 'https://example.cybozu.com/x/12/show#record=5', page: 'vendor-other', why: 'apps live under /k/' },
  { url: 'https://example.cybozu.com/k/m/m/12/show?record=5', page: 'vendor-other', why: 'the mobile marker once' },
  { url: 'https://example.cybozu.com/k/guest', page: 'vendor-other', why: 'guest without a space' },
  { url: 'https://example.cybozu.com/k/guest/x/12/show#record=5', page: 'vendor-other', why: 'space id not a number' },
  { url: 'https://example.cybozu.com/k/abc/show#record=5', page: 'vendor-other', why: 'app id not a number' },
  { url: 'https://example.cybozu.com/k/12/show/x#record=5', page: 'vendor-other', why: 'more after show' },
  { url: 'https://example.cybozu.com/k/12/edit#record=5', page: 'vendor-other', why: 'only the show page' },
  { url: 'https://example.cybozu.com/k/12/show#record=abc', page: 'vendor-other', why: 'record number not a number' },
  { url: 'https://example.cybozu.com/k/guest/3/12/', page: 'kintone-list', why: 'a guest-space app list' },
  { url: 'https://example.cybozu.com.evil.example/k/12/show#record=5', page: 'not-vendor' },
  { url: 'https://evil-cybozu.com/k/12/show#record=5', page: 'not-vendor' },
  { url: 'https://a.b.cybozu.com/k/12/show#record=5', page: 'not-vendor' },
  // Demo and extension pages
  { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/demo-sfa.html', page: 'vendor-other' },
  { url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/sidepanel.html#/lead/L-001', page: 'not-vendor' },
  { url: 'https://evil.example/demo-sfa.html#/lead/L-001', page: 'not-vendor' },
  // Not URLs at all
  { url: 'not a url', page: 'not-vendor' },
  { url: '', page: 'not-vendor' },
  { url: 'https://example.com/', page: 'not-vendor' },
];
