import { browser } from 'wxt/browser';
import {
  CUSTOMER_HOSTS_KEY,
  MAX_CUSTOMER_HOSTS,
  customerHostPattern,
  normalizeCustomerHost,
  parseCustomerHosts,
  type CustomerHost,
  type CustomerHostSystem,
} from '../sites/customer-hosts';
import { HOST_FAMILIES } from '../sites/hosts';

/**
 * Adding and removing customer hosts (lib/sites/customer-hosts.ts): the host's optional permission and
 * `scripting` are asked for then, the content script is registered for that host alone, and the list the
 * content script reads is saved. Removing unregisters the script and gives the permission back.
 * https://developer.chrome.com/docs/extensions/reference/api/scripting#method-registerContentScripts
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/scripting/registerContentScripts
 */

/** Where WXT writes entrypoints/content.ts in both builds. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
const SCRIPT_ID_PREFIX = 'baton-customer-';

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: 'document_start' | 'document_end' | 'document_idle';
  persistAcrossSessions?: boolean;
}

/** The browser surface this needs; tests hand in fakes (the permission prompt cannot be clicked in a test). */
export interface CustomerHostsDeps {
  permissions: {
    request(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    remove(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
    contains(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
  };
  /** Absent until `scripting` is granted (it is an optional permission). */
  scripting(): {
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    getRegisteredContentScripts(filter?: { ids: string[] }): Promise<RegisteredScript[]>;
  } | undefined;
  storage: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
}

type BrowserPermissions = Parameters<typeof browser.permissions.request>[0];

export function browserCustomerHostsDeps(): CustomerHostsDeps {
  // Only 'scripting' and host patterns pass through here; the browser's type lists every manifest permission.
  const asBrowser = (p: { origins?: string[]; permissions?: string[] }) => p as BrowserPermissions;
  return {
    permissions: {
      request: (p) => browser.permissions.request(asBrowser(p)),
      remove: (p) => browser.permissions.remove(asBrowser(p)),
      contains: (p) => browser.permissions.contains(asBrowser(p)),
    },
    scripting: () => (browser as unknown as { scripting?: ReturnType<CustomerHostsDeps['scripting']> }).scripting,
    storage: { get: (key) => browser.storage.local.get(key), set: (items) => browser.storage.local.set(items) },
  };
}

export type AddCustomerHostResult =
  | { ok: true; host: string }
  /** invalid: not a host name Baton can use; standard: a vendor family already covers it (nothing to add);
   * declined: the person said no to the permission; full: MAX_CUSTOMER_HOSTS reached; unsupported: this browser
   * has no runtime content-script registration. */
  | { ok: false; reason: 'invalid' | 'standard' | 'declined' | 'full' | 'unsupported'; host?: string };

export function scriptIdFor(host: string): string {
  return `${SCRIPT_ID_PREFIX}${host}`;
}

export async function readCustomerHosts(deps: CustomerHostsDeps): Promise<CustomerHost[]> {
  const stored = await deps.storage.get(CUSTOMER_HOSTS_KEY);
  return parseCustomerHosts(stored[CUSTOMER_HOSTS_KEY]);
}

/** Registers the content script for one host; `keep` leaves a script already registered as it is. */
async function register(deps: CustomerHostsDeps, host: string, keep = false): Promise<boolean> {
  const scripting = deps.scripting();
  if (!scripting) return false;
  const id = scriptIdFor(host);
  const existing = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0 && keep) return true;
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [id] });
  await scripting.registerContentScripts([
    { id, matches: [customerHostPattern(host)], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
  return true;
}

async function unregister(deps: CustomerHostsDeps, host: string): Promise<void> {
  const scripting = deps.scripting();
  if (!scripting) return;
  const id = scriptIdFor(host);
  const existing = await scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await scripting.unregisterContentScripts({ ids: [id] });
}

/**
 * Call it synchronously from the click: the permission request must run inside the user gesture, before any
 * await, or the browser refuses it.
 */
export function addCustomerHost(input: string, system: CustomerHostSystem, deps: CustomerHostsDeps): Promise<AddCustomerHostResult> {
  const host = normalizeCustomerHost(input);
  if (!host) return Promise.resolve({ ok: false, reason: 'invalid' });
  if (HOST_FAMILIES.some((f) => f.isHost(host))) return Promise.resolve({ ok: false, reason: 'standard', host });
  const granted = deps.permissions.request({ origins: [customerHostPattern(host)], permissions: ['scripting'] });
  return (async (): Promise<AddCustomerHostResult> => {
    if (!(await granted)) return { ok: false, reason: 'declined', host };
    const hosts = await readCustomerHosts(deps);
    const others = hosts.filter((h) => h.host !== host);
    if (others.length >= MAX_CUSTOMER_HOSTS) return { ok: false, reason: 'full', host };
    if (!(await register(deps, host))) return { ok: false, reason: 'unsupported', host };
    await deps.storage.set({ [CUSTOMER_HOSTS_KEY]: [...others, { host, system }] });
    return { ok: true, host };
  })();
}

export async function removeCustomerHost(host: string, deps: CustomerHostsDeps): Promise<void> {
  const hosts = await readCustomerHosts(deps);
  const rest = hosts.filter((h) => h.host !== host);
  await unregister(deps, host);
  await deps.storage.set({ [CUSTOMER_HOSTS_KEY]: rest });
  // Give the host back; `scripting` too once no customer host is left.
  await deps.permissions.remove({ origins: [customerHostPattern(host)], ...(rest.length === 0 ? { permissions: ['scripting'] } : {}) });
}

/**
 * Keeps the registrations true to the list and to what the person still grants: a host whose permission was
 * taken back (in the browser's extension settings) leaves the list and loses its script; a granted host whose
 * script is missing gets it again. Run at start-up and when a permission is removed.
 */
export async function reconcileCustomerHosts(deps: CustomerHostsDeps): Promise<CustomerHost[]> {
  const hosts = await readCustomerHosts(deps);
  const kept: CustomerHost[] = [];
  for (const entry of hosts) {
    const granted = await deps.permissions.contains({ origins: [customerHostPattern(entry.host)] });
    if (granted && (await register(deps, entry.host, true))) kept.push(entry);
    else await unregister(deps, entry.host);
  }
  if (kept.length !== hosts.length) await deps.storage.set({ [CUSTOMER_HOSTS_KEY]: kept });
  return kept;
}

/** Background wiring: reconcile when the browser starts or Baton is installed or updated, and whenever a
 * permission is taken back (not on every service-worker wake: the registrations persist across sessions). */
export function startCustomerHosts(deps: CustomerHostsDeps = browserCustomerHostsDeps()): void {
  const reconcile = () => void reconcileCustomerHosts(deps).catch(() => undefined);
  browser.runtime.onStartup.addListener(reconcile);
  browser.runtime.onInstalled.addListener(reconcile);
  browser.permissions.onRemoved.addListener(reconcile);
}
