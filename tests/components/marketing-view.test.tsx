import { screen, within } from '@testing-library/react';
import { MarketingView } from '../../components/handoff/marketing-view';
import { assessLead, type Assessment } from '../../lib/domain/assess-lead';
import { DEFAULT_DEFINITIONS } from '../../lib/domain/definitions/default-definitions';
import { formatDateTime, formatMoney } from '../../lib/i18n/format';
import { en, ja, renderIn } from './render-with-i18n';
import { NOW } from './lead-fixtures';
import { leadContext } from './panel-harness';

const H = 3_600_000;
// Handed off yesterday 10:00 Tokyo, first call 3 business hours later, then SAL, SQL, an opportunity, a recycle.
const handoffAt = NOW - 28 * H - 5 * 60_000;
const ctx = leadContext({
  stageChanges: [
    { id: 's1', source: 'salesforce', stage: 'mql', vendorValue: 'Open - Not Contacted', at: handoffAt, by: 'Marketo Sync' },
    { id: 's2', source: 'salesforce', stage: 'sal', vendorValue: 'Working - Contacted', at: handoffAt + 4 * H },
    { id: 's3', source: 'salesforce', stage: 'recycled', vendorValue: 'Nurture', at: NOW - H, reason: '来期予算で再検討' },
  ],
  activities: [
    { id: 'a1', source: 'salesforce', type: 'call', occurredAt: handoffAt + 3 * H, by: '田中 一郎', subject: '初回架電', outcome: '不在' },
    { id: 'a0', source: 'salesforce', type: 'email', occurredAt: handoffAt - 48 * H, by: '田中 一郎', subject: '前回のご案内' },
  ],
  opportunities: [{ id: 'o1', source: 'salesforce', name: 'サンプル製作所 SFA導入', stageName: 'Proposal', amount: 4_800_000, currency: 'JPY', isClosed: false, isWon: false }],
});
describe('MarketingView', () => {
  // Judged inside each test (not at import), so a mutation test sees which test reaches the engine.
  let assessment: Assessment;
  beforeEach(() => {
    assessment = assessLead(ctx, [DEFAULT_DEFINITIONS], NOW);
  });

  it('says when and to whom the lead was handed off, and the SLA outcome', () => {
    expect(assessment.handoff).not.toBeNull();
    expect(assessment.sla).not.toBeNull();
    renderIn('ja', <MarketingView context={ctx} assessment={assessment} />);
    const card = screen.getByRole('region', { name: ja('handoff.heading') });
    expect(card).toHaveTextContent(formatDateTime('ja', assessment.handoff!.at, 'Asia/Tokyo'));
    expect(card).toHaveTextContent(ctx.person.owner!);
    expect(card).toHaveTextContent(formatDateTime('ja', assessment.firstTouch!.occurredAt, 'Asia/Tokyo'));
    expect(within(card).getByText(ja(`sla.status.${assessment.sla!.status}`))).toBeInTheDocument();
  });

  it('lists only the sales activities since handoff', () => {
    renderIn('ja', <MarketingView context={ctx} assessment={assessment} />);
    const card = screen.getByRole('region', { name: ja('activities.heading') });
    expect(card).toHaveTextContent('初回架電');
    expect(card).not.toHaveTextContent('前回のご案内');
  });

  it('shows the stage progression with dates, the opportunity amount and the recycle reason', () => {
    renderIn('en', <MarketingView context={ctx} assessment={assessment} />);
    const progression = screen.getByRole('region', { name: en('progression.heading') });
    const sql = within(progression).getByText('SQL').closest('li')!;
    expect(sql).toHaveTextContent(en('progression.notReached'));
    const sal = within(progression).getByText('SAL').closest('li')!;
    expect(sal).toHaveTextContent(/Reached/);
    expect(within(progression).getByRole('cell', { name: formatMoney('en', 4_800_000, 'JPY') })).toBeInTheDocument();
    const reasons = screen.getByRole('region', { name: en('reasons.heading') });
    expect(reasons).toHaveTextContent('来期予算で再検討');
    expect(reasons).toHaveTextContent('Recycled');
  });

  it('says so before any handoff', () => {
    const fresh = leadContext({ stageChanges: [] });
    renderIn('en', <MarketingView context={fresh} assessment={assessLead(fresh, [DEFAULT_DEFINITIONS], NOW)} />);
    expect(screen.getByText(en('handoff.none'))).toBeInTheDocument();
    expect(screen.getByText(en('reasons.empty'))).toBeInTheDocument();
  });
});
