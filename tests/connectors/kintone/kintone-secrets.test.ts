import { fakeBrowser } from 'wxt/testing';
import { browserLocalStore } from '../../../lib/connectors/local-store';
import { disconnectKintone, readKintoneSettings, saveKintoneMapping, saveKintoneSettings } from '../../../lib/connectors/kintone/settings';
import { openSecretsDb } from '../../../lib/store/secrets-db';
import { ACTIVITY_TOKEN, DOMAIN, TOKEN } from './kintone-msw';

describe('kintone tokens are kept where content scripts cannot read them', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await openSecretsDb().delete();
  });

  it('the API tokens go to the secrets store, the field mapping stays in storage.local; disconnect forgets the tokens', async () => {
    const store = browserLocalStore();
    await saveKintoneSettings(store, { domain: DOMAIN, appId: '12', token: TOKEN, activityToken: ACTIVITY_TOKEN });
    await saveKintoneMapping(store, '12', undefined, { name: '担当者名', email: 'メールアドレス' });
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain(TOKEN);
    expect(local).not.toContain(ACTIVITY_TOKEN);
    expect(local).toContain('メールアドレス');
    expect((await readKintoneSettings(store))?.token).toBe(TOKEN);

    await disconnectKintone(store);
    expect(await readKintoneSettings(store)).toBeNull();
    expect(await openSecretsDb().entries.get('baton.kintone.settings')).toBeUndefined();
  });
});
