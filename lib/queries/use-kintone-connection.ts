import { useMemo } from 'react';
import { guessActivityMapping, guessLeadMapping, type ActivityGuess, type MappingGuess } from '../connectors/kintone/guess-mapping';
import { readKintoneFormFields, testKintoneConnection } from '../connectors/kintone/kintone-connector';
import type { KintoneFormField } from '../connectors/kintone/schemas';
import { KINTONE_REDIRECT_PATH, KINTONE_SCOPES, signInToKintone, signOutOfKintone } from '../connectors/kintone/auth';
import type { IdentityApi } from '../connectors/dynamics/auth';
import {
  KINTONE_SETTINGS_KEY,
  readKintoneAuth,
  readKintoneMapping,
  readKintoneSettings,
  saveKintoneMapping,
  saveKintoneSettings,
  type KintoneMapping,
  type KintoneSettings,
} from '../connectors/kintone/settings';
import type { KeyConnectionDeps } from './use-key-connections';

export interface KintoneConnectionInput {
  /** API tokens per app, or sign-in through the company's kintone OAuth client. Absent: API tokens. */
  auth?: KintoneSettings['auth'];
  domain: string;
  appId: string;
  guestSpaceId: string;
  token: string;
  activityToken: string;
  /** The OAuth client's id and secret (an empty secret keeps the saved one). */
  clientId?: string;
  clientSecret?: string;
  /** Who the person is in kintone, for My queue (empty: nobody). */
  loginName?: string;
}

export interface KintoneConnectionDeps extends KeyConnectionDeps {
  /** The browser's web-auth flow, for OAuth sign-in. */
  identity?: IdentityApi;
}

/** A form field as the mapping screen lists it. */
export type KintoneFieldChoice = Pick<KintoneFormField, 'code' | 'label' | 'type'> & { options: string[] };

function choices(properties: Record<string, KintoneFormField>): KintoneFieldChoice[] {
  return Object.values(properties)
    .filter((f) => !['LABEL', 'SPACER', 'HR', 'GROUP', 'SUBTABLE', 'REFERENCE_TABLE', 'FILE'].includes(f.type))
    .map((f) => ({
      code: f.code,
      label: f.label,
      type: f.type,
      options: Object.entries(f.options ?? {})
        .sort(([, a], [, b]) => Number(a.index) - Number(b.index))
        .map(([k]) => k),
    }));
}

/**
 * The kintone card's actions. Saved tokens and the client secret are never handed back to the page: an empty field
 * keeps the saved one. With OAuth, `signIn` saves the client, then opens kintone's sign-in window; the redirect URL
 * is what the cybozu.com administrator enters as the client's redirect endpoint. The mapping screen reads the app's
 * form fields (one call, and one more for the activity app) and offers guesses, with either way of signing in.
 */
export function useKintoneConnection({ storage, fetchImpl, now = Date.now, identity }: KintoneConnectionDeps) {
  return useMemo(() => {
    const deps = { storage, fetchImpl, now };
    async function save(input: KintoneConnectionInput): Promise<KintoneSettings> {
      const saved = await readKintoneSettings(storage);
      const auth = input.auth ?? 'token';
      const activityToken = input.activityToken.trim() || saved?.activityToken;
      const token = input.token.trim() || saved?.token;
      const clientId = input.clientId?.trim() || saved?.clientId;
      // The secret stays only for the same client: another client id needs its own secret typed.
      const clientSecret = input.clientSecret?.trim() || (clientId === saved?.clientId ? saved?.clientSecret : undefined);
      return saveKintoneSettings(storage, {
        auth,
        domain: input.domain,
        appId: input.appId,
        ...(input.guestSpaceId.trim() ? { guestSpaceId: input.guestSpaceId.trim() } : {}),
        ...(auth === 'token' ? { token: token ?? '' } : {}),
        ...(auth === 'token' && activityToken ? { activityToken } : {}),
        ...(auth === 'oauth' ? { clientId: clientId ?? '', clientSecret: clientSecret ?? '' } : {}),
        ...(input.loginName?.trim() ? { loginName: input.loginName.trim() } : {}),
        timeZone: saved?.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Tokyo'),
      });
    }
    return {
      redirectUri: identity?.getRedirectURL(KINTONE_REDIRECT_PATH) ?? '',
      scopes: KINTONE_SCOPES.join(' '),
      read: async () => {
        const [s, auth] = await Promise.all([readKintoneSettings(storage), readKintoneAuth(storage)]);
        const mapping = s ? await readKintoneMapping(storage, s.appId, s.guestSpaceId) : null;
        return {
          settings: s
            ? {
                auth: s.auth,
                domain: s.domain,
                appId: s.appId,
                guestSpaceId: s.guestSpaceId ?? '',
                hasActivityToken: !!s.activityToken,
                clientId: s.clientId ?? '',
                loginName: s.loginName ?? '',
              }
            : undefined,
          /** OAuth: a sign-in is held for the saved domain and client. */
          signedIn: !!s && s.auth === 'oauth' && auth !== null && auth.domain === s.domain && auth.clientId === s.clientId,
          mapping,
        };
      },
      save: async (input: KintoneConnectionInput) => {
        await save(input);
      },
      /** Saves the OAuth client (the message names a wrong field), then opens kintone's sign-in window. */
      signIn: async (input: KintoneConnectionInput) => {
        if (!identity) throw new Error('kintone sign-in needs the browser’s web-auth flow.');
        const previous = await readKintoneSettings(storage);
        const settings = await save({ ...input, auth: 'oauth' });
        try {
          await signInToKintone({ settings, storage, identity, fetchImpl, now });
        } catch (error) {
          // A sign-in that did not finish leaves working API tokens as they were.
          if (previous?.auth === 'token') await storage.set(KINTONE_SETTINGS_KEY, previous);
          throw error;
        }
        return { domain: settings.domain };
      },
      /** Forgets the OAuth tokens; the client id and secret stay for the next sign-in. */
      signOut: () => signOutOfKintone(storage),
      test: () => testKintoneConnection(deps),
      /** The lead app's fields with guesses; the activity app's too when one is found or given. */
      loadFields: async (activityApp?: { appId: string; guestSpaceId?: string }) => {
        const s = await readKintoneSettings(storage);
        if (!s) throw new Error('Save the kintone connection first.');
        const lead = await readKintoneFormFields(deps, { appId: s.appId, ...(s.guestSpaceId ? { guestSpaceId: s.guestSpaceId } : {}) });
        const leadGuess: MappingGuess = guessLeadMapping(lead.properties);
        const activityAppId = activityApp?.appId || leadGuess.activity?.appId;
        let activity: { fields: KintoneFieldChoice[]; guess: ActivityGuess } | null = null;
        if (activityAppId) {
          const act = await readKintoneFormFields(deps, { appId: activityAppId, ...(activityApp?.guestSpaceId ? { guestSpaceId: activityApp.guestSpaceId } : {}) });
          activity = { fields: choices(act.properties), guess: guessActivityMapping(act.properties, s.appId) };
        }
        return { lead: { fields: choices(lead.properties), guess: leadGuess }, activity, activityAppId };
      },
      saveMapping: async (mapping: unknown): Promise<KintoneMapping> => {
        const s = await readKintoneSettings(storage);
        if (!s) throw new Error('Save the kintone connection first.');
        return saveKintoneMapping(storage, s.appId, s.guestSpaceId, mapping);
      },
    };
  }, [storage, fetchImpl, now, identity]);
}
