import type { RecordRef } from '../../domain/model';

/**
 * Record ids of the demo workspace, derived from a person's index so they never depend on the anchor or on
 * how much data was generated before them. The SFA-like record gets a Salesforce-shaped Lead id (prefix 00Q,
 * 18 characters with the case-safe suffix), the MA-like record a Marketo-shaped integer lead id, as the same
 * person would have in a real org.
 */
export type DemoInstance = 'sfa' | 'ma';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 3-character suffix Salesforce appends to make a 15-character id case-insensitive: one character per
 * 5-character chunk, encoding which of its characters are upper-case.
 * https://help.salesforce.com/s/articleView?id=000385585&type=1 (15 and 18 character record ids)
 */
export function salesforceIdSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

export function demoSfaId(index: number): string {
  const id15 = `00Q5g00000${index.toString(36).toUpperCase().padStart(5, '0')}`;
  return id15 + salesforceIdSuffix(id15);
}

export function demoMaId(index: number): string {
  return String(104_201 + index * 3);
}

export function demoRef(instance: DemoInstance, id: string): RecordRef {
  return { system: 'demo', instance, object: 'lead', id };
}

/** Path of a demo record page inside the extension; extension pages resolve it against their own origin. */
export function demoPagePath(instance: DemoInstance, id: string): string {
  return `/demo-${instance}.html#/lead/${encodeURIComponent(id)}`;
}
