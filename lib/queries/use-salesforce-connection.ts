import { useMemo } from 'react';
import { readAuth, signIn, signOut, SALESFORCE_REDIRECT_PATH } from '../connectors/salesforce/auth';
import { extraOriginsFor } from '../connectors/salesforce/api-hosts';
import type { SalesforceBrowserDeps } from '../connectors/salesforce/browser-deps';
import { createSalesforceClient } from '../connectors/salesforce/client';
import { readApiUsage, shouldPauseBackgroundRefresh, usageRatio } from '../connectors/salesforce/limits';
import { discoverOrgFacts, readOrgFacts } from '../connectors/salesforce/org';
import { SESSION_FALLBACK_PERMISSIONS } from '../connectors/salesforce/session-fallback';
import { LOGIN_HOST_KINDS, readSalesforceSettings, salesforceSettingsSchema, saveSalesforceSettings, type SalesforceSettings } from '../connectors/salesforce/settings';

export { LOGIN_HOST_KINDS as SALESFORCE_LOGIN_HOST_KINDS };

export interface SalesforceConnectionDeps {
  deps: SalesforceBrowserDeps;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/**
 * The Salesforce card's flow: read what is stored, check the form against the settings schema, connect (ask
 * the optional permissions inside the click, save, sign in with OAuth, discover the org's facts), sign out.
 */
export function useSalesforceConnection({ deps, fetchImpl, now = Date.now }: SalesforceConnectionDeps) {
  return useMemo(
    () => ({
      redirectUri: deps.identity.getRedirectURL(SALESFORCE_REDIRECT_PATH),
      async read() {
        const [settings, auth, usage] = await Promise.all([readSalesforceSettings(deps.storage), readAuth(deps.storage), readApiUsage(deps.storage)]);
        const facts = auth ? await readOrgFacts(deps.storage, auth.instanceUrl) : null;
        return {
          settings,
          auth,
          facts,
          usage: usage ? { used: usage.used, max: usage.max, percent: usageRatio(usage) * 100, paused: shouldPauseBackgroundRefresh(usage) } : null,
        };
      },
      /** The settings the form describes, or the names of the fields that are wrong. */
      validate(input: unknown): { settings: SalesforceSettings } | { invalidFields: string[] } {
        const parsed = salesforceSettingsSchema.safeParse(input);
        if (parsed.success) return { settings: parsed.data };
        return { invalidFields: [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? '')))] };
      },
      /**
       * Call it synchronously from the click: permissions.request must run inside the user gesture, before any
       * await, or the browser refuses it. Resolves to false when the person declined the permissions.
       */
      connect(settings: SalesforceSettings): Promise<boolean> {
        const origins = extraOriginsFor(settings.loginHostKind === 'mydomain' ? settings.myDomainHost : undefined);
        const permissions = settings.sessionFallback ? SESSION_FALLBACK_PERMISSIONS.permissions : [];
        const granted = origins.length || permissions.length ? deps.permissions.request({ origins, permissions }) : Promise.resolve(true);
        return (async () => {
          if (!(await granted)) return false;
          await saveSalesforceSettings(deps.storage, settings);
          await signIn({ settings, storage: deps.storage, identity: deps.identity, fetchImpl, now });
          await discoverOrgFacts(createSalesforceClient({ storage: deps.storage, fetchImpl, now }), deps.storage, now());
          return true;
        })();
      },
      signOut: () => signOut(deps.storage, fetchImpl),
    }),
    [deps, fetchImpl, now],
  );
}
