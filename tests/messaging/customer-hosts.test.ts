import { fakeBrowser } from 'wxt/testing';
import {
  CONTENT_SCRIPT_FILE,
  addCustomerHost,
  readCustomerHosts,
  reconcileCustomerHosts,
  removeCustomerHost,
  scriptIdFor,
} from '../../lib/messaging/customer-hosts';
import { fakeDeps } from './fake-customer-hosts-browser';
import { loadCustomerHostsFor } from '../../lib/messaging/customer-hosts-page';
import { CUSTOMER_HOSTS_KEY, MAX_CUSTOMER_HOSTS, setCustomerHosts } from '../../lib/sites/customer-hosts';
import { detectRecord } from '../../lib/sites/detect-record';

afterEach(() => setCustomerHosts([]));

describe('adding a customer host', () => {
  it('asks for that host alone and scripting, registers the content script there, and remembers the host', async () => {
    const b = fakeDeps();
    const result = await addCustomerHost('https://CRM.acme.co.jp/main.aspx', 'dynamics', b.deps);
    expect(result).toEqual({ ok: true, host: 'crm.acme.co.jp' });
    expect(b.requests).toEqual([{ origins: ['https://crm.acme.co.jp/*'], permissions: ['scripting'] }]);
    expect(b.scripts.get(scriptIdFor('crm.acme.co.jp'))).toMatchObject({ matches: ['https://crm.acme.co.jp/*'], js: [CONTENT_SCRIPT_FILE], persistAcrossSessions: true });
    expect(await readCustomerHosts(b.deps)).toEqual([{ host: 'crm.acme.co.jp', system: 'dynamics' }]);
  });

  it('adds nothing when the person declines the permission', async () => {
    const b = fakeDeps({ grant: false });
    expect(await addCustomerHost('crm.acme.co.jp', 'dynamics', b.deps)).toEqual({ ok: false, reason: 'declined', host: 'crm.acme.co.jp' });
    expect(b.scripts.size).toBe(0);
    expect(await readCustomerHosts(b.deps)).toEqual([]);
  });

  it('asks nothing for a vendor standard host or for something that is not a host name', async () => {
    const b = fakeDeps();
    expect(await addCustomerHost('acme.lightning.force.com', 'salesforce', b.deps)).toMatchObject({ ok: false, reason: 'standard' });
    expect(await addCustomerHost('http://crm.acme.co.jp', 'dynamics', b.deps)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(b.requests).toEqual([]);
  });

  it('says so when the browser cannot register scripts at run time, and saves nothing', async () => {
    const b = fakeDeps({ scripting: false });
    expect(await addCustomerHost('crm.acme.co.jp', 'dynamics', b.deps)).toMatchObject({ ok: false, reason: 'unsupported' });
    expect(await readCustomerHosts(b.deps)).toEqual([]);
  });

  it('adding a host again replaces its system and its script instead of failing on a duplicate id', async () => {
    const b = fakeDeps();
    await addCustomerHost('crm.acme.co.jp', 'dynamics', b.deps);
    expect(await addCustomerHost('crm.acme.co.jp', 'kintone', b.deps)).toMatchObject({ ok: true });
    expect(await readCustomerHosts(b.deps)).toEqual([{ host: 'crm.acme.co.jp', system: 'kintone' }]);
    expect(b.scripts.size).toBe(1);
  });

  it('refuses a host beyond the maximum', async () => {
    const b = fakeDeps();
    b.store[CUSTOMER_HOSTS_KEY] = Array.from({ length: MAX_CUSTOMER_HOSTS }, (_, i) => ({ host: `h${i}.example.com`, system: 'kintone' }));
    expect(await addCustomerHost('crm.acme.co.jp', 'dynamics', b.deps)).toMatchObject({ ok: false, reason: 'full' });
  });
});

describe('removing a customer host', () => {
  it('unregisters its script, forgets it and gives the permission back; scripting goes with the last host', async () => {
    const b = fakeDeps();
    await addCustomerHost('crm.acme.co.jp', 'dynamics', b.deps);
    await addCustomerHost('sfa.acme.co.jp', 'kintone', b.deps);
    await removeCustomerHost('crm.acme.co.jp', b.deps);
    expect([...b.scripts.keys()]).toEqual([scriptIdFor('sfa.acme.co.jp')]);
    expect(b.granted.has('https://crm.acme.co.jp/*')).toBe(false);
    expect(b.granted.has('scripting')).toBe(true);
    await removeCustomerHost('sfa.acme.co.jp', b.deps);
    expect(b.scripts.size).toBe(0);
    expect(b.granted.has('scripting')).toBe(false);
    expect(await readCustomerHosts(b.deps)).toEqual([]);
  });
});

describe('keeping registrations true to what the person grants', () => {
  it('drops a host whose permission was taken back in the browser, and restores a missing script for a granted one', async () => {
    const b = fakeDeps();
    await addCustomerHost('crm.acme.co.jp', 'dynamics', b.deps);
    await addCustomerHost('sfa.acme.co.jp', 'kintone', b.deps);
    b.granted.delete('https://crm.acme.co.jp/*');
    b.scripts.delete(scriptIdFor('sfa.acme.co.jp'));
    expect(await reconcileCustomerHosts(b.deps)).toEqual([{ host: 'sfa.acme.co.jp', system: 'kintone' }]);
    expect([...b.scripts.keys()]).toEqual([scriptIdFor('sfa.acme.co.jp')]);
    expect(await readCustomerHosts(b.deps)).toEqual([{ host: 'sfa.acme.co.jp', system: 'kintone' }]);
  });
});

describe('the content script on a customer host', () => {
  beforeEach(() => fakeBrowser.reset());

  it('learns the host vendor from storage and then detects its records', async () => {
    await fakeBrowser.storage.local.set({ [CUSTOMER_HOSTS_KEY]: [{ host: 'sfa.acme.co.jp', system: 'kintone' }] });
    const url = 'https://sfa.acme.co.jp/k/12/show#record=5';
    expect(detectRecord(url)).toBeNull();
    await loadCustomerHostsFor(url);
    expect(detectRecord(url)).toEqual({ system: 'kintone', instance: 'sfa.acme.co.jp', object: 'app:12', id: '5' });
  });

  it('reads nothing on a vendor standard host', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    await loadCustomerHostsFor('https://example.cybozu.com/k/12/show#record=5');
    expect(get).not.toHaveBeenCalled();
  });
});
