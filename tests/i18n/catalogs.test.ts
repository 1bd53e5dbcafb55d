import { ja } from '../../lib/i18n/messages-ja';
import { en } from '../../lib/i18n/messages-en';
import { placeholdersOf } from '../../lib/i18n/interpolate';
import { createTranslator } from '../../lib/i18n/translator';

describe('message catalogs', () => {
  it('have exactly the same keys in Japanese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('have no empty message in either language', () => {
    const empty = [...Object.entries(ja), ...Object.entries(en)].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same {placeholders} in both languages for every key', () => {
    const mismatched = (Object.keys(ja) as (keyof typeof ja)[]).filter(
      (k) => placeholdersOf(ja[k]).join() !== placeholdersOf(en[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('translates with interpolation in each language', () => {
    expect(createTranslator('ja')('sla.remaining', { duration: '1時間20分' })).toBe('残り 1時間20分');
    expect(createTranslator('en')('sla.remaining', { duration: '1 h 20 min' })).toBe('1 h 20 min left');
  });

  it('leaves a missing parameter visible instead of printing undefined', () => {
    expect(createTranslator('en')('temp.score')).toBe('Score {score}');
  });
});
