import { detectRecord } from '../../lib/sites/detect-record';
import {
  MAX_CUSTOMER_HOSTS,
  customerHostPattern,
  normalizeCustomerHost,
  parseCustomerHosts,
  setCustomerHosts,
} from '../../lib/sites/customer-hosts';
import { familyForHost } from '../../lib/sites/hosts';

const LEAD = '00Q5e00000AbCdEEAV';
const PROXY = 'acme.lightning.force.com.mcas.ms';
const GUID = '91330924-802a-4b0d-a900-34fd9d790829';

afterEach(() => setCustomerHosts([]));

describe('customer hosts an admin adds in options', () => {
  it('reads what an admin pastes as a bare host name, and refuses what is not one', () => {
    expect(normalizeCustomerHost('  CRM.Acme.co.jp ')).toBe('crm.acme.co.jp');
    expect(normalizeCustomerHost('https://crm.acme.co.jp/main.aspx?etn=lead')).toBe('crm.acme.co.jp');
    expect(normalizeCustomerHost('http://crm.acme.co.jp')).toBeNull();
    expect(normalizeCustomerHost('crm.acme.co.jp:8443')).toBeNull();
    expect(normalizeCustomerHost('user@crm.acme.co.jp')).toBeNull();
    expect(normalizeCustomerHost('*.acme.co.jp')).toBeNull();
    expect(normalizeCustomerHost('intranet')).toBeNull();
    expect(normalizeCustomerHost('10.0.0.12')).toBeNull();
    expect(normalizeCustomerHost('')).toBeNull();
  });

  it('accepts a host name up to the DNS limit of 253 characters, and not one character more', () => {
    const label = (c: string, n: number) => c.repeat(n);
    const longest = [label('a', 63), label('b', 63), label('c', 63), label('d', 61)].join('.');
    expect(longest).toHaveLength(253);
    expect(normalizeCustomerHost(longest)).toBe(longest);
    const tooLong = [label('a', 63), label('b', 63), label('c', 63), label('d', 62)].join('.');
    expect(tooLong).toHaveLength(254);
    expect(normalizeCustomerHost(tooLong)).toBeNull();
  });

  it('accepts a two-label host (a company apex domain) but not text that is no host at all', () => {
    expect(normalizeCustomerHost('acme.jp')).toBe('acme.jp');
    expect(normalizeCustomerHost('crm acme.co.jp')).toBeNull();
  });

  it('refuses a pasted address carrying a password even without a user name', () => {
    expect(normalizeCustomerHost('https://:secret@crm.acme.co.jp/')).toBeNull();
  });

  it('accepts an internal top-level label with digits in it; only an all-digit one reads as an IP address', () => {
    expect(normalizeCustomerHost('crm.lab2')).toBe('crm.lab2');
    expect(normalizeCustomerHost('crm.2nd')).toBe('crm.2nd');
  });

  it('asks for the https pages of exactly that host', () => {
    expect(customerHostPattern('crm.acme.co.jp')).toBe('https://crm.acme.co.jp/*');
  });

  it('reads nothing from empty storage or a value that is not a list', () => {
    expect(parseCustomerHosts(undefined)).toEqual([]);
    expect(parseCustomerHosts(null)).toEqual([]);
    expect(parseCustomerHosts({ host: 'crm.acme.co.jp', system: 'dynamics' })).toEqual([]);
  });

  it('skips a stored entry whose host is not text', () => {
    expect(parseCustomerHosts([{ host: 1, system: 'kintone' }, { host: 'sfa.acme.co.jp', system: 'kintone' }])).toEqual([
      { host: 'sfa.acme.co.jp', system: 'kintone' },
    ]);
  });

  it('keeps only well-formed stored entries, once each, and no more than the maximum', () => {
    const stored = [
      { host: 'crm.acme.co.jp', system: 'dynamics' },
      { host: 'crm.acme.co.jp', system: 'kintone' },
      { host: 'CAPS.example.com', system: 'kintone' },
      { host: 'sfa.example.jp', system: 'hubspot' },
      'sfa.example.jp',
      null,
    ];
    expect(parseCustomerHosts(stored)).toEqual([{ host: 'crm.acme.co.jp', system: 'dynamics' }]);
    expect(parseCustomerHosts('nope')).toEqual([]);
    const many = Array.from({ length: MAX_CUSTOMER_HOSTS + 5 }, (_, i) => ({ host: `h${i}.example.com`, system: 'kintone' }));
    expect(parseCustomerHosts(many)).toHaveLength(MAX_CUSTOMER_HOSTS);
  });

  it('follows a Salesforce record behind a security proxy once the host is added, with the My Domain name as the org', () => {
    const url = `https://${PROXY}/lightning/r/Lead/${LEAD}/view`;
    expect(detectRecord(url)).toBeNull();
    setCustomerHosts([{ host: PROXY, system: 'salesforce' }]);
    expect(detectRecord(url)).toEqual({ system: 'salesforce', instance: 'acme', object: 'Lead', id: LEAD });
  });

  it('follows a Dynamics 365 record on a custom domain, with that host as the environment', () => {
    const url = `https://crm.acme.co.jp/main.aspx?pagetype=entityrecord&etn=lead&id=%7B${GUID.toUpperCase()}%7D`;
    expect(detectRecord(url)).toBeNull();
    setCustomerHosts([{ host: 'crm.acme.co.jp', system: 'dynamics' }]);
    expect(detectRecord(url)).toEqual({ system: 'dynamics', instance: 'crm.acme.co.jp', object: 'lead', id: GUID });
  });

  it('follows a kintone record on an on-premise host', () => {
    setCustomerHosts([{ host: 'sfa.acme.co.jp', system: 'kintone' }]);
    expect(detectRecord('https://sfa.acme.co.jp/k/12/show#record=5')).toEqual({ system: 'kintone', instance: 'sfa.acme.co.jp', object: 'app:12', id: '5' });
  });

  it('gives an added host to its own vendor only; lookalikes and other hosts stay unknown', () => {
    setCustomerHosts([{ host: 'crm.acme.co.jp', system: 'dynamics' }]);
    expect(familyForHost('crm.acme.co.jp')?.system).toBe('dynamics');
    expect(familyForHost('CRM.ACME.CO.JP')?.system).toBe('dynamics');
    expect(familyForHost('crm.acme.co.jp.evil.example')).toBeUndefined();
    expect(familyForHost('evil-crm.acme.co.jp')).toBeUndefined();
    // A Salesforce path on the Dynamics host is not a Salesforce record.
    expect(detectRecord(`https://crm.acme.co.jp/lightning/r/Lead/${LEAD}/view`)).toBeNull();
    // http and other ports stay out, as on the vendors' own hosts.
    expect(detectRecord(`http://crm.acme.co.jp/main.aspx?pagetype=entityrecord&etn=lead&id=${GUID}`)).toBeNull();
    expect(detectRecord(`https://crm.acme.co.jp:8443/main.aspx?pagetype=entityrecord&etn=lead&id=${GUID}`)).toBeNull();
  });
});
