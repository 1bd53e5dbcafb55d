import type { Opportunity, StageChange } from '../../lib/domain/model';
import { forEachStageEntry } from '../../lib/domain/stage-entries';

describe('every time a person entered a stage', () => {
  const change = (id: string, stage: StageChange['stage'], at: number): StageChange => ({ id, source: 'salesforce', stage, vendorValue: String(stage), at });
  const deal = (over: Partial<Opportunity>): Opportunity => ({ id: 'o1', source: 'salesforce', name: 'Deal', stageName: 'x', amount: null, isClosed: false, isWon: false, ...over });
  const entries = (changes: StageChange[], deals: Opportunity[]) => {
    const seen: [string, number][] = [];
    forEachStageEntry(changes, deals, (stage, at) => seen.push([stage, at]));
    return seen;
  };

  it('is each mapped stage change; an unmapped vendor value enters nothing', () => {
    expect(entries([change('1', 'mql', 1), change('2', null, 2), change('3', 'sql', 3)], [])).toEqual([
      ['mql', 1],
      ['sql', 3],
    ]);
  });

  it('a converted lead goes on in its deal: created is an entry into opportunity, closed won into won, at the close date', () => {
    expect(entries([], [deal({ createdAt: 10, closeDate: 20, isClosed: true, isWon: true })])).toEqual([
      ['opportunity', 10],
      ['won', 20],
    ]);
  });

  it('a deal closed lost enters lost; an open deal with a planned close date enters nothing more', () => {
    expect(entries([], [deal({ createdAt: 10, closeDate: 20, isClosed: true, isWon: false })])).toEqual([
      ['opportunity', 10],
      ['lost', 20],
    ]);
    expect(entries([], [deal({ createdAt: 10, closeDate: 20 })])).toEqual([['opportunity', 10]]);
  });

  it('a deal without a creation date or without a close date enters only what it tells', () => {
    expect(entries([], [deal({ closeDate: 20, isClosed: true, isWon: true })])).toEqual([['won', 20]]);
    expect(entries([], [deal({ createdAt: 10, isClosed: true, isWon: true })])).toEqual([['opportunity', 10]]);
  });
});
