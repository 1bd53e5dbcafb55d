import { browser } from 'wxt/browser';
import { CUSTOMER_HOSTS_KEY, parseCustomerHosts, setCustomerHosts } from '../sites/customer-hosts';
import { familyForHost } from '../sites/hosts';
import { toUrl } from '../sites/url-parts';

/**
 * On a page whose host is not one of the vendor families, read the customer hosts an admin added (a small list
 * in storage.local) so the detectors know which vendor this host belongs to. On the vendors' own hosts this
 * reads nothing: the content script stays as cheap as before there.
 */
export async function loadCustomerHostsFor(href: string): Promise<void> {
  const url = toUrl(href);
  if (!url || familyForHost(url.hostname)) return;
  const stored = await browser.storage.local.get(CUSTOMER_HOSTS_KEY).catch(() => ({}) as Record<string, unknown>);
  setCustomerHosts(parseCustomerHosts((stored as Record<string, unknown>)[CUSTOMER_HOSTS_KEY]));
}
