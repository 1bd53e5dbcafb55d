import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { DEFAULT_DEFINITIONS } from '../domain/definitions/default-definitions';
import type { Definitions } from '../domain/definitions/schema';
import { readDefinitions, saveDefinitions, type DefinitionsRecord } from '../store/definitions-repo';
import { useBatonDeps } from './baton-deps';

export interface DefinitionsState {
  /** The stored record in force, when one was fetched or imported. */
  current: DefinitionsRecord | undefined;
  /** The definitions to judge by now: the stored ones, else the built-in defaults. */
  definitions: Definitions;
  /** Every version known (at least the defaults), for judging a lead by the version in force at its handoff. */
  versions: Definitions[];
  loaded: boolean;
}

export function useDefinitions(): DefinitionsState {
  const { db } = useBatonDeps();
  const stored = useLiveQuery(() => readDefinitions(db), [db]);
  const versions = stored?.versions.length ? stored.versions : [DEFAULT_DEFINITIONS];
  return {
    current: stored?.current,
    definitions: stored?.current?.definitions ?? DEFAULT_DEFINITIONS,
    versions,
    loaded: stored !== undefined,
  };
}

/** Keeps a document fetched or imported on this page; the panel and this page follow through the live query. */
export function useSaveDefinitions(): (record: DefinitionsRecord) => Promise<void> {
  const { db } = useBatonDeps();
  return useCallback((record) => saveDefinitions(db, record), [db]);
}
