import { useMemo } from 'react';
import { DYNAMICS_REDIRECT_PATH, readDynamicsAuth, signInToDynamics, signOutOfDynamics, type IdentityApi } from '../connectors/dynamics/auth';
import type { KeyValueStore } from '../connectors/local-store';
import { readDynamicsSettings, readDynamicsStatus, saveDynamicsSettings } from '../connectors/dynamics/settings';

export interface DynamicsConnectionDeps {
  storage: KeyValueStore;
  identity: IdentityApi;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/**
 * The Dynamics 365 card's flow: read what is stored, save the tenant, application id and environment, sign in
 * through Entra ID's web-auth window, sign out. The redirect URL is what the admin registers in the app
 * registration (platform "Single-page application").
 */
export function useDynamicsConnection({ storage, identity, fetchImpl, now = Date.now }: DynamicsConnectionDeps) {
  return useMemo(
    () => ({
      redirectUri: identity.getRedirectURL(DYNAMICS_REDIRECT_PATH),
      async read() {
        const [settings, auth, status] = await Promise.all([readDynamicsSettings(storage), readDynamicsAuth(storage), readDynamicsStatus(storage)]);
        return { settings, signedIn: auth !== null, username: auth?.username, status };
      },
      /** Saves (the message names a wrong field), then opens the sign-in window. */
      async signIn(input: { tenant: string; clientId: string; environmentHost: string }) {
        const settings = await saveDynamicsSettings(storage, input);
        const auth = await signInToDynamics({ settings, storage, identity, fetchImpl, now });
        return { username: auth.username, environmentHost: settings.environmentHost };
      },
      signOut: () => signOutOfDynamics(storage),
    }),
    [storage, identity, fetchImpl, now],
  );
}
