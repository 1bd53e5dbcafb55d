import { isOpenAfterHandoff } from '../../lib/domain/open-after-handoff';

describe('leads a salesperson still has to work', () => {
  it('are those handed off (MQL, SAL, SQL) and not yet settled', () => {
    for (const stage of ['mql', 'sal', 'sql'] as const) expect(isOpenAfterHandoff({ stage })).toBe(true);
  });

  it('exclude leads not yet handed off, settled ones and unmapped stages', () => {
    for (const stage of ['inquiry', 'opportunity', 'won', 'lost', 'recycled', 'disqualified'] as const) {
      expect(isOpenAfterHandoff({ stage }), stage).toBe(false);
    }
    expect(isOpenAfterHandoff({ stage: null })).toBe(false);
  });
});
