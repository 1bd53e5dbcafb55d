import { useMemo } from 'react';
import { guessActivityMapping, guessLeadMapping, type ActivityGuess, type MappingGuess } from '../connectors/kintone/guess-mapping';
import { readKintoneFormFields, testKintoneConnection } from '../connectors/kintone/kintone-connector';
import type { KintoneFormField } from '../connectors/kintone/schemas';
import { readKintoneMapping, readKintoneSettings, saveKintoneMapping, saveKintoneSettings, type KintoneMapping } from '../connectors/kintone/settings';
import type { KeyConnectionDeps } from './use-key-connections';

export interface KintoneConnectionInput {
  domain: string;
  appId: string;
  guestSpaceId: string;
  token: string;
  activityToken: string;
  /** Who the person is in kintone, for My queue (empty: nobody). */
  loginName?: string;
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
 * The kintone card's actions. Saved tokens are never handed back to the page: an empty field keeps the saved one.
 * The mapping screen reads the app's form fields (one call, and one more for the activity app) and offers guesses.
 */
export function useKintoneConnection({ storage, fetchImpl, now = Date.now }: KeyConnectionDeps) {
  return useMemo(() => {
    const deps = { storage, fetchImpl, now };
    return {
      read: async () => {
        const s = await readKintoneSettings(storage);
        const mapping = s ? await readKintoneMapping(storage, s.appId, s.guestSpaceId) : null;
        return {
          settings: s ? { domain: s.domain, appId: s.appId, guestSpaceId: s.guestSpaceId ?? '', hasActivityToken: !!s.activityToken, loginName: s.loginName ?? '' } : undefined,
          mapping,
        };
      },
      save: async (input: KintoneConnectionInput) => {
        const saved = await readKintoneSettings(storage);
        const activityToken = input.activityToken.trim() || saved?.activityToken;
        await saveKintoneSettings(storage, {
          domain: input.domain,
          appId: input.appId,
          ...(input.guestSpaceId.trim() ? { guestSpaceId: input.guestSpaceId.trim() } : {}),
          token: input.token.trim() || saved?.token || '',
          ...(activityToken ? { activityToken } : {}),
          ...(input.loginName?.trim() ? { loginName: input.loginName.trim() } : {}),
          timeZone: saved?.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Tokyo'),
        });
      },
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
  }, [storage, fetchImpl, now]);
}
