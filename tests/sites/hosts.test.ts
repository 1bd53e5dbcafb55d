import fc from 'fast-check';
import { detectRecord } from '../../lib/sites/detect-record';
import { CONTENT_SCRIPT_MATCHES, HOST_FAMILIES, familyForHost } from '../../lib/sites/hosts';
import { NON_RECORDS, RECORDS } from './corpus';
import { matchesPattern } from './match-pattern';

const vendorRecords = Object.entries(RECORDS)
  .filter(([system]) => system !== 'demo')
  .flatMap(([system, cases]) => cases.map((c) => ({ system, url: new URL(c.url) })));

describe('host families: one source for manifest and runtime', () => {
  it('every vendor record URL is matched by a content-script pattern of its own family', () => {
    for (const { system, url } of vendorRecords) {
      expect(CONTENT_SCRIPT_MATCHES.some((p) => matchesPattern(p, url)), url.href).toBe(true);
      const family = HOST_FAMILIES.find((f) => f.system === system);
      expect(family?.pagePatterns.some((p) => matchesPattern(p, url)), url.href).toBe(true);
      expect(familyForHost(url.hostname)?.system, url.href).toBe(system);
    }
  });

  it('the manifest patterns are valid https patterns, with no duplicates', () => {
    expect(new Set(CONTENT_SCRIPT_MATCHES).size).toBe(CONTENT_SCRIPT_MATCHES.length);
    for (const p of CONTENT_SCRIPT_MATCHES) expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });

  it('the runtime check rejects lookalike hosts even where the wide patterns let the script run', () => {
    const lookalikes = NON_RECORDS.filter((c) => c.page === 'not-vendor').flatMap((c) => {
      try {
        return [new URL(c.url)];
      } catch {
        return [];
      }
    });
    expect(lookalikes.length).toBeGreaterThan(20);
    for (const url of lookalikes) expect(familyForHost(url.hostname) && url.protocol === 'https:' && url.port === '' && !url.username && !url.password, url.href).toBeFalsy();
  });
});

/** Families whose hosts are a fixed list: no prefix at all may be added to them. */
const FIXED_HOST_SYSTEMS = new Set(['hubspot', 'pardot', 'marketo']);

const labelChars = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split(''));
const label = fc.array(labelChars, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const dottedSuffix = fc.oneof(
  label.map((l) => `.${l}`),
  fc.tuple(label, label).map(([a, b]) => `.${a}.${b}`),
  fc.constantFrom('.evil.example', '.com', '.co.jp', '-evil.com', 'x', '.', '.s.cybozu.com', '.my.salesforce.com', '.hubspot.com'),
);

function withHost(url: URL, host: string): string | null {
  try {
    const u = new URL(url.href);
    u.hostname = host;
    return u.hostname === host.toLowerCase() ? u.href : null;
  } catch {
    return null;
  }
}

describe('property: lookalike hosts never match', () => {
  it('anything appended after a real vendor host', () => {
    fc.assert(
      fc.property(fc.constantFrom(...vendorRecords), dottedSuffix, ({ url }, suffix) => {
        const href = withHost(url, url.hostname + suffix);
        fc.pre(href !== null);
        expect(detectRecord(href!)).toBeNull();
      }),
      { numRuns: 600 },
    );
  });

  it('an extra subdomain label in front of a real vendor host', () => {
    fc.assert(
      fc.property(fc.constantFrom(...vendorRecords), label, ({ url }, extra) => {
        const href = withHost(url, `${extra}.${url.hostname}`);
        fc.pre(href !== null);
        expect(detectRecord(href!)).toBeNull();
      }),
      { numRuns: 600 },
    );
  });

  it('characters glued in front of a fixed vendor host (evilapp.hubspot.com); a renamed org elsewhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...vendorRecords), label, ({ system, url }, glued) => {
        const host = glued + url.hostname;
        const href = withHost(url, host);
        fc.pre(href !== null);
        const ref = detectRecord(href!);
        if (FIXED_HOST_SYSTEMS.has(system)) {
          expect(ref).toBeNull();
        } else if (ref) {
          // Only a different org of the same vendor, never another vendor.
          expect(ref.system).toBe(system);
          expect(ref.instance.startsWith(glued)).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
  });
});

describe('property: arbitrary input', () => {
  it('never throws, and only answers for hosts of a known family', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (input) => {
        const ref = detectRecord(input);
        if (ref) expect(familyForHost(new URL(input).hostname)?.system).toBe(ref.system);
      }),
      { numRuns: 1000 },
    );
  });
});
