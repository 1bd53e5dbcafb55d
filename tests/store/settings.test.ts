import { afterEach, describe, expect, it } from 'vitest';
import type { BatonDb } from '../../lib/store/db';
import { DEFAULT_SETTINGS, readSettings, saveSettings } from '../../lib/store/settings';
import { freshDb } from './lead-context-fixture';

let db: BatonDb;
afterEach(async () => {
  await db?.delete();
});

describe('settings', () => {
  it('starts from the defaults: 5-minute freshness, automatic language and role', async () => {
    db = freshDb();
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ language: 'auto', defaultRole: 'auto', freshnessMinutes: 5 });
  });

  it('keeps what was saved and merges later changes', async () => {
    db = freshDb();
    await saveSettings(db, { language: 'en' });
    await saveSettings(db, { freshnessMinutes: 15 });
    expect(await readSettings(db)).toMatchObject({ language: 'en', freshnessMinutes: 15 });
  });

  it('refuses an out-of-range value and names the field', async () => {
    db = freshDb();
    await expect(saveSettings(db, { freshnessMinutes: 0 })).rejects.toThrow(/freshnessMinutes/);
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });

  it('a damaged stored field falls back to its default without losing the others', async () => {
    db = freshDb();
    await db.settings.put({ key: 'settings', value: { language: 'ja', freshnessMinutes: 'soon', cacheBudgetMb: 300 } });
    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, language: 'ja', cacheBudgetMb: 300 });
  });
});
