import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useState } from 'react';
import type { Definitions } from '../domain/definitions/schema';
import type { TeamRange } from '../domain/team-kpis';
import { listSyncStates } from '../store/snapshot-repo';
import { readDefinitionsDraft, saveDefinitionsDraft, discardDefinitionsDraft, type DefinitionsDraft } from '../store/definitions-draft-repo';
import { useBatonDeps } from './baton-deps';
import { createTeamKpisClient, type TeamKpisClient } from './team-kpis-client';

/**
 * The definitions workshop's queries: the what-if and the suggested threshold, both answered by the team-KPIs
 * worker from the team snapshot (the demo's when no system is connected). Tests put a client over an in-process
 * service in WorkshopClientContext; the extension starts the worker on first use and keeps it for the page.
 */
export const WorkshopClientContext = createContext<TeamKpisClient | null>(null);

let shared: TeamKpisClient | null = null;
/** The client, started when a query first runs: a page where workers cannot start shows the query's error, not a crash. */
function useWorkshopClient(): () => TeamKpisClient {
  const provided = useContext(WorkshopClientContext);
  return () => provided ?? (shared ??= createTeamKpisClient());
}

/**
 * The team snapshot's version: the latest complete sync of a team scope. When it moves (a sync finished while the
 * workshop is open), the worker is told to read the snapshot again and the figures are asked anew.
 */
function useSnapshotVersion(client: () => TeamKpisClient): number {
  const { db } = useBatonDeps();
  const version = useLiveQuery(async () => Math.max(0, ...(await listSyncStates(db)).filter((s) => s.scope.kind === 'team').map((s) => s.lastCompleteAt ?? 0)), [db]) ?? 0;
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    setSeen(version);
    client().reload();
  }
  return version;
}

const versionsKey = (versions: Definitions[]) => versions.map((d) => `${d.id}@${d.version}@${d.effectiveFrom}`).join(',');

/**
 * The draft against the version in force among `versions` (the team's judging versions, lib/queries/team-definitions.ts)
 * over `range`; idle while the draft is invalid (null) or the versions are being read (undefined).
 */
export function useWhatIf(draft: Definitions | null, versions: Definitions[] | undefined, range: TeamRange, now: number) {
  const client = useWorkshopClient();
  const snapshot = useSnapshotVersion(client);
  return useQuery({
    queryKey: ['workshop', 'what-if', snapshot, versionsKey(versions ?? []), range.from, range.to, now, JSON.stringify(draft)],
    queryFn: () => client().whatIf({ range, now, versions: versions!, draft: draft! }),
    enabled: draft !== null && versions !== undefined && versions.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useSuggestedThreshold(versions: Definitions[] | undefined, now: number) {
  const client = useWorkshopClient();
  const snapshot = useSnapshotVersion(client);
  return useQuery({
    queryKey: ['workshop', 'suggestion', snapshot, versionsKey(versions ?? []), now],
    queryFn: () => client().suggestThreshold({ now, versions: versions! }),
    enabled: versions !== undefined && versions.length > 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

/** The stored draft (undefined while reading), and saving / discarding it. */
export function useDefinitionsDraft(): {
  draft: DefinitionsDraft | null | undefined;
  save: (document: Record<string, unknown>) => Promise<void>;
  discard: () => Promise<void>;
} {
  const { db, now } = useBatonDeps();
  const [draft, setDraft] = useState<DefinitionsDraft | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void readDefinitionsDraft(db).then((d) => {
      if (live) setDraft(d);
    });
    return () => {
      live = false;
    };
  }, [db]);
  return {
    draft,
    save: async (document) => {
      const next = { document, savedAt: now() };
      await saveDefinitionsDraft(db, next);
    },
    discard: async () => {
      await discardDefinitionsDraft(db);
      setDraft(null);
    },
  };
}
