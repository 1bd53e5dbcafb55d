import { describe, expect, it } from 'vitest';
import { normalizeEmail, personKeyFor, recordKey } from '../../lib/domain/model';

describe('model helpers', () => {
  it('normalizes e-mail addresses so one human is one person across systems', () => {
    expect(normalizeEmail('  Taro.Yamada@Example.CO.JP ')).toBe('taro.yamada@example.co.jp');
    expect(normalizeEmail('not-an-email')).toBeUndefined();
  });
  it('keys people by e-mail, else by the record', () => {
    const ref = { system: 'marketo', instance: '123-ABC-456', object: 'lead', id: '42' } as const;
    expect(personKeyFor(ref, 'A@B.jp')).toBe('a@b.jp');
    expect(personKeyFor(ref, undefined)).toBe('marketo|123-ABC-456|42');
    expect(recordKey(ref)).toBe('marketo|123-ABC-456|lead|42');
  });
});
