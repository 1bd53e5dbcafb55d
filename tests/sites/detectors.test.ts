import { detectRecord, SITE_DETECTORS } from '../../lib/sites/detect-record';
import { RECORDS, NON_RECORDS } from './corpus';

const recordCases = Object.entries(RECORDS).flatMap(([system, cases]) => cases.map((c) => ({ system, ...c })));

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

describe('URL corpus', () => {
  it('holds at least 60 URLs and a record case for every detector', () => {
    expect(recordCases.length + NON_RECORDS.length).toBeGreaterThanOrEqual(60);
    for (const d of SITE_DETECTORS) expect(RECORDS[d.system].length, d.system).toBeGreaterThan(0);
  });
});

describe.each(recordCases)('$system record $url', ({ system, url, ref }) => {
  const parsed = new URL(url);

  it.each(SITE_DETECTORS.map((d) => [d.system, d] as const))('detector %s answers only for its own vendor', (name, detector) => {
    if (name === system) {
      expect(detector.detect(parsed)).toEqual(ref);
      expect(detector.owns(parsed)).toBe(true);
    } else {
      expect(detector.detect(parsed)).toBeNull();
      expect(detector.owns(parsed)).toBe(false);
    }
  });

  it('detectRecord gives the same ref for a string and a URL', () => {
    expect(detectRecord(url)).toEqual(ref);
    expect(detectRecord(parsed)).toEqual(ref);
  });
});

describe.each(NON_RECORDS)('non-record $url', ({ url }) => {
  it('no detector claims it as a record', () => {
    const parsed = parse(url);
    if (parsed) for (const d of SITE_DETECTORS) expect(d.detect(parsed), d.system).toBeNull();
    expect(detectRecord(url)).toBeNull();
  });

  it('at most one detector owns it', () => {
    const parsed = parse(url);
    const owners = parsed ? SITE_DETECTORS.filter((d) => d.owns(parsed)) : [];
    expect(owners.length).toBeLessThanOrEqual(1);
  });
});

describe('record identity across URL spellings', () => {
  it('gives one ref for the Lightning and Classic pages of the same lead', () => {
    const lightning = detectRecord('https://acme.lightning.force.com/lightning/r/Lead/00Q5e00000AbCdE/view');
    const classic = detectRecord('https://acme.my.salesforce.com/00Q5e00000AbCdEEAV');
    expect(lightning).not.toBeNull();
    expect(classic).toEqual(lightning);
  });

  it('gives one ref for a Dynamics id with encoded braces, raw braces and none', () => {
    const base = 'https://contoso.crm.dynamics.com/main.aspx?pagetype=entityrecord&etn=lead&id=';
    const refs = ['%7B91330924-802A-4B0D-A900-34FD9D790829%7D', '{91330924-802a-4b0d-a900-34fd9d790829}', '91330924-802A-4B0D-A900-34FD9D790829'].map(
      (id) => detectRecord(base + id),
    );
    expect(refs[0]).not.toBeNull();
    expect(refs[1]).toEqual(refs[0]);
    expect(refs[2]).toEqual(refs[0]);
  });

  it('tells records of different Salesforce orgs and sandboxes apart', () => {
    const path = '/lightning/r/Lead/00Q5e00000AbCdE/view';
    const prod = detectRecord(`https://acme.lightning.force.com${path}`);
    const sandbox = detectRecord(`https://acme--uat.sandbox.lightning.force.com${path}`);
    const other = detectRecord(`https://globex.lightning.force.com${path}`);
    expect(new Set([prod?.instance, sandbox?.instance, other?.instance]).size).toBe(3);
  });
});
