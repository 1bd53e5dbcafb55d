import { describe, expect, it } from 'vitest';
import { normalizeEmail, personKeyFor, recordKey } from '../../lib/domain/model';

describe('model helpers', () => {
  it('normalizes e-mail addresses so one human is one person across systems', () => {
    expect(normalizeEmail('  Taro.Yamada@Example.CO.JP ')).toBe('taro.yamada@example.co.jp');
    expect(normalizeEmail('not-an-email')).toBeUndefined();
    // A field holding more than one address, or an address with a note after it, is not one person's address.
    expect(normalizeEmail('taro@example.co.jp hanako@example.co.jp')).toBeUndefined();
    expect(normalizeEmail('taro@example.co.jp (work)')).toBeUndefined();
    expect(normalizeEmail('taro@old@example.co.jp')).toBeUndefined();
  });
  it('keys people by e-mail, else by the record', () => {
    const ref = { system: 'marketo', instance: '123-ABC-456', object: 'lead', id: '42' } as const;
    expect(personKeyFor(ref, 'A@B.jp')).toBe('a@b.jp');
    expect(personKeyFor(ref, undefined)).toBe('marketo|123-ABC-456|42');
    expect(recordKey(ref)).toBe('marketo|123-ABC-456|lead|42');
  });
});

describe('normalizeEmail bounds', () => {
  it('refuses an address longer than the 254 characters RFC 5321 allows, without matching it', () => {
    const local = 'a'.repeat(64);
    const longest = `${local}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.jp`;
    expect(longest.length).toBe(254);
    expect(normalizeEmail(longest)).toBe(longest);
    expect(normalizeEmail(`${longest}x`)).toBeUndefined();
    // A vendor field stuffed with megabytes never reaches the pattern: it is simply not an e-mail.
    expect(normalizeEmail(`x@${'y'.repeat(1_000_000)}`)).toBeUndefined();
    expect(normalizeEmail(`   ${'Taro@Example.jp'}${' '.repeat(10_000)}`)).toBe('taro@example.jp');
  });
});
