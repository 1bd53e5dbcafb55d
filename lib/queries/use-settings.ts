import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { DEFAULT_SETTINGS, readSettings, saveSettings, type Settings } from '../store/settings';
import { useBatonDeps } from './baton-deps';

/** Settings plus whether they are read yet (defaults until then). Live: changes in the options page show at once. */
export function useSettingsState(): { settings: Settings; loaded: boolean } {
  const { db } = useBatonDeps();
  const settings = useLiveQuery(() => readSettings(db), [db]);
  return { settings: settings ?? DEFAULT_SETTINGS, loaded: settings !== undefined };
}

export function useSettings(): Settings {
  return useSettingsState().settings;
}

/** Save a change; rejects with `SettingsError` naming the field when a value is out of range. */
export function useSaveSettings(): (patch: Partial<Settings>) => Promise<Settings> {
  const { db } = useBatonDeps();
  return useCallback((patch: Partial<Settings>) => saveSettings(db, patch), [db]);
}
