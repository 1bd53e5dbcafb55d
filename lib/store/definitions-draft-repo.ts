import { z } from 'zod';
import type { BatonDb } from './db';

/**
 * The definitions workshop's draft: kept in this browser only (a row of the settings table), so an editor can
 * close the page mid-meeting and come back. It is the editor's working copy, possibly invalid while being typed;
 * it is never read by the panel or the team figures: only publishing (and the team URL serving the file) changes
 * what the team sees.
 */
export type DefinitionsDraft = { document: Record<string, unknown>; savedAt: number };

const DRAFT_KEY = 'definitions-draft';
const draftSchema = z.object({ document: z.record(z.string(), z.unknown()), savedAt: z.number() });

export async function readDefinitionsDraft(db: BatonDb): Promise<DefinitionsDraft | null> {
  const row = await db.settings.get(DRAFT_KEY);
  const parsed = draftSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function saveDefinitionsDraft(db: BatonDb, draft: DefinitionsDraft): Promise<void> {
  await db.settings.put({ key: DRAFT_KEY, value: draftSchema.parse(draft) });
}

export async function discardDefinitionsDraft(db: BatonDb): Promise<void> {
  await db.settings.delete(DRAFT_KEY);
}
