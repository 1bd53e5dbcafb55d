import Dexie from 'dexie';
import { openBatonDb, SCHEMA_V4, type BatonDb } from '../../lib/store/db';
import { readSelfAssessments, saveSelfAssessment } from '../../lib/store/self-assessment-repo';
import { readDefinitions } from '../../lib/store/definitions-repo';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { freshDb, T0 } from './lead-context-fixture';

const HOUR = 3_600_000;
let db: BatonDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

describe('self-assessment repo', () => {
  it('keeps every answer as history and reads the latest per check as the one in force', async () => {
    await saveSelfAssessment(db, { checkId: 'regularReview', answer: 'no', at: T0 });
    await saveSelfAssessment(db, { checkId: 'sharedDashboard', answer: 'partly', note: '  営業だけが見ている  ', at: T0 + HOUR });
    await saveSelfAssessment(db, { checkId: 'regularReview', answer: 'yes', note: '毎週月曜の定例で確認', at: T0 + 2 * HOUR });
    const { latest, history } = await readSelfAssessments(db);
    expect(latest).toEqual({
      regularReview: { answer: 'yes', note: '毎週月曜の定例で確認', at: T0 + 2 * HOUR },
      sharedDashboard: { answer: 'partly', note: '営業だけが見ている', at: T0 + HOUR },
    });
    expect(history.map((h) => [h.checkId, h.answer])).toEqual([
      ['regularReview', 'yes'],
      ['sharedDashboard', 'partly'],
      ['regularReview', 'no'],
    ]);
  });

  it('refuses an unknown check or answer, and skips rows it cannot read', async () => {
    await expect(saveSelfAssessment(db, { checkId: 'nope' as never, answer: 'yes', at: T0 })).rejects.toThrow();
    await expect(saveSelfAssessment(db, { checkId: 'regularForum', answer: 'maybe' as never, at: T0 })).rejects.toThrow();
    await db.selfAssessments.add({ checkId: 'regularForum', answer: 'sometimes', at: T0 });
    await saveSelfAssessment(db, { checkId: 'regularForum', answer: 'partly', at: T0 - HOUR });
    expect((await readSelfAssessments(db)).latest).toEqual({ regularForum: { answer: 'partly', at: T0 - HOUR } });
  });

  it('opens a version 4 database with rows in it, upgrades to version 5 and loses nothing', async () => {
    const name = `baton-v4-${Math.random().toString(36).slice(2)}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(SCHEMA_V4);
    await v4.table('definitions').add({ versionKey: 'baton-default@1', definitions: DEFAULT_DEFINITIONS, source: 'url', sourceUrl: 'https://team.example/defs.json', fetchedAt: T0 });
    await v4.table('snapshotPacks').add({ scope: 'demo|sfa|team', seq: 1, entries: [], writtenAt: T0 });
    await v4.table('settings').add({ key: 'settings', value: { locale: 'ja' } });
    v4.close();

    const upgraded = openBatonDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(6);
    expect((await readDefinitions(upgraded)).current?.sourceUrl).toBe('https://team.example/defs.json');
    expect(await upgraded.snapshotPacks.count()).toBe(1);
    expect((await upgraded.settings.get('settings'))?.value).toEqual({ locale: 'ja' });
    expect(await upgraded.selfAssessments.count()).toBe(0);
    await saveSelfAssessment(upgraded, { checkId: 'responsibilitiesClear', answer: 'partly', at: T0 });
    expect((await readSelfAssessments(upgraded)).latest.responsibilitiesClear?.answer).toBe('partly');
    await upgraded.delete();
  });
});
