import { browser } from 'wxt/browser';
import type { IdentityApi } from './auth';
import type { CookiesApi } from './session-fallback';
import { browserLocalStore, type KeyValueStore } from '../local-store';

/**
 * The browser APIs the Salesforce connection uses, gathered in one place so the options card and the
 * background worker can be tested with fakes. Only extension pages and the background call these.
 */
export interface PermissionsApi {
  request(p: { origins?: string[]; permissions?: string[] }): Promise<boolean>;
}

export interface SalesforceBrowserDeps {
  storage: KeyValueStore;
  identity: IdentityApi;
  permissions: PermissionsApi;
  /** Answers null until the optional `cookies` permission is granted (session fallback). */
  cookies?: CookiesApi;
}

export function salesforceBrowserDeps(): SalesforceBrowserDeps {
  const b = browser as unknown as {
    identity: IdentityApi;
    permissions: PermissionsApi;
    cookies?: CookiesApi;
  };
  return {
    storage: browserLocalStore(),
    identity: {
      getRedirectURL: (path) => b.identity.getRedirectURL(path),
      launchWebAuthFlow: (details) => b.identity.launchWebAuthFlow(details),
    },
    permissions: { request: (p) => b.permissions.request(p) },
    // Looked up on each call: the optional permission may be granted after this object was made.
    cookies: { get: async (d) => (b.cookies ? b.cookies.get(d) : null) },
  };
}
