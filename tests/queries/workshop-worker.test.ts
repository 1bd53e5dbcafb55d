import { describe, expect, it } from 'vitest';
import { suggestThreshold } from '../../lib/domain/definitions/suggest-threshold';
import { whatIfAgainstVersions } from '../../lib/domain/definitions/what-if';
import { createTeamKpisClient } from '../../lib/queries/team-kpis-client';
import { inProcessWorker } from './in-process-worker';
import { DAY, lead, NOW, tenPerForm } from '../domain/workshop-fixtures';

const contexts = Array.from({ length: 40 }, (_, i) => {
  const forms = 1 + (i % 9);
  return lead(i, { forms, handoffDaysAgo: 3 + (i % 30), sql: forms >= 5, feedback: forms >= 5 ? undefined : 'bad', touchAfterMinutes: 45 });
});
const RANGE = { from: NOW - 60 * DAY, to: NOW };

describe('team KPIs worker: the definitions workshop', () => {
  it('answers a what-if with the domain’s figures, and a suggested threshold', async () => {
    const client = createTeamKpisClient(inProcessWorker(contexts));
    const inForce = tenPerForm();
    const draft = { ...tenPerForm(), version: 2 };
    draft.qualification = { ...draft.qualification, mql: { ...draft.qualification.mql, minScore: 60 } };
    const { result } = await client.whatIf({ range: RANGE, now: NOW, versions: [inForce], draft });
    expect(result).toEqual(structuredClone(whatIfAgainstVersions(contexts, [inForce], draft, RANGE, NOW)));
    expect(result.draft.mql).toBeLessThan(result.inForce.mql);
    const suggestion = await client.suggestThreshold({ now: NOW, versions: [inForce] });
    expect(suggestion).toEqual(structuredClone(suggestThreshold(contexts, [inForce], NOW)));
    expect(suggestion).toMatchObject({ ok: true, threshold: 50 });
    client.close();
  });

  it('refuses an invalid draft instead of judging by it', async () => {
    const client = createTeamKpisClient(inProcessWorker(contexts));
    const draft = tenPerForm();
    (draft.sla as { warnAtFraction: number }).warnAtFraction = 2;
    await expect(client.whatIf({ range: RANGE, now: NOW, versions: [tenPerForm()], draft })).rejects.toThrow(/not a valid definitions document/);
    client.close();
  });
});
