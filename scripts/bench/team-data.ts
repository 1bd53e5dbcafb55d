import type { EngagementEvent, EngagementType, Feedback, LeadContext, Opportunity, RecordRef, SalesActivity, StageChange } from '../../lib/domain/model';
import { mulberry32 } from '../../lib/connectors/demo/random';

/**
 * A team's period as the snapshot holds it, for the team-KPIs benchmark (Node and the Chromium bench page):
 * `people` Salesforce leads with `eventsPerPerson` marketing events on average (100,000 and 10 make the issue's
 * 1,000,000 events), stage history through the default definitions' Salesforce statuses, first touches, feedback,
 * converted opportunities and campaign tags. Deterministic: every run measures the same data.
 */
export const TEAM_NOW = Date.parse('2026-11-25T12:00:00+09:00');
const DAY = 86_400_000;
const HOUR = 3_600_000;

const OWNERS = ['佐藤 健一', '鈴木 美咲', '高橋 翔', '田中 優子', 'Emily Carter', 'James Wilson', '伊藤 大輔', '渡辺 彩'];
const SOURCES = ['Web', 'Webinar', 'Referral', 'Advertisement', 'Trade Show', 'Partner', null];
const CAMPAIGNS = Array.from({ length: 40 }, (_, i) => `2026-Q${(i % 4) + 1} Campaign ${i + 1}`);
const INDUSTRIES = ['Manufacturing', 'Software', 'Financial Services', 'Retail', '製造業', '情報通信業'];
const TITLES = ['部長', '課長', '担当', 'Director', 'Manager', 'Engineer', '主任'];
const TYPES: EngagementType[] = ['email_open', 'email_click', 'page_view', 'page_view', 'page_view', 'form_submit', 'webinar_attended', 'content_download', 'email_send'];
const URLS = ['https://www.example.co.jp/pricing', 'https://www.example.co.jp/blog/a', 'https://www.example.co.jp/demo', 'https://www.example.co.jp/products/x'];
const REASONS_GOOD = ['GOOD_FIT', 'READY_TO_BUY'];
const REASONS_BAD = ['NO_BUDGET', 'WRONG_CONTACT', 'NOT_INTERESTED'];

export function makeTeamContexts(people: number, eventsPerPerson = 10, seed = 7, now = TEAM_NOW): LeadContext[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: LeadContext[] = [];
  for (let i = 0; i < people; i++) {
    const id = `00Q${String(i).padStart(12, '0')}AAA`;
    const ref: RecordRef = { system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id };
    const email = `lead${i}@example${i % 997}.co.jp`;
    const createdAt = now - Math.floor(random() * 200 * DAY);
    const owner = pick(OWNERS);
    const campaigns = [pick(CAMPAIGNS), pick(CAMPAIGNS)];
    // Events: between 0 and 2 × the mean, spread from creation to now.
    const n = Math.floor(random() * (2 * eventsPerPerson + 1));
    const events: EngagementEvent[] = [];
    for (let k = 0; k < n; k++) {
      const type = pick(TYPES);
      const at = createdAt + Math.floor(random() * (now - createdAt));
      const event: EngagementEvent = { id: `marketo:${i}-${k}`, source: 'marketo', sourceId: `${i}-${k}`, type, occurredAt: at };
      if (type === 'page_view') event.url = pick(URLS);
      if (k % 3 === 0) event.campaign = campaigns[k % 2]!;
      events.push(event);
    }
    // Lifecycle: inquiry at creation; most become MQL (the handoff), then some SAL, SQL, opportunity, won/lost.
    const stageChanges: StageChange[] = [{ id: `salesforce:h${i}-0`, source: 'salesforce', stage: 'inquiry', vendorValue: 'Inquiry', at: createdAt }];
    const activities: SalesActivity[] = [];
    const feedback: Feedback[] = [];
    const opportunities: Opportunity[] = [];
    let t = createdAt;
    const step = (stage: StageChange['stage'], vendorValue: string, after: number) => {
      t += after;
      if (t > now) return false;
      stageChanges.push({ id: `salesforce:h${i}-${stageChanges.length}`, source: 'salesforce', stage, vendorValue, at: t, by: owner });
      return true;
    };
    if (random() < 0.7 && step('mql', 'Open - Not Contacted', Math.floor(random() * 30 * DAY))) {
      const handoffAt = t;
      if (random() < 0.8) {
        const touchAt = handoffAt + Math.floor(random() * 3 * DAY);
        if (touchAt <= now) activities.push({ id: `salesforce:t${i}`, source: 'salesforce', type: pick(['call', 'email', 'meeting'] as const), occurredAt: touchAt, by: owner });
      }
      if (random() < 0.3) {
        const good = random() < 0.5;
        const at = handoffAt + Math.floor(random() * 10 * DAY);
        if (at <= now) {
          feedback.push({
            id: `feedback-${String(i).padStart(10, '0')}`, ref, personKey: email, verdict: good ? 'good' : 'bad',
            reasonCodes: [pick(good ? REASONS_GOOD : REASONS_BAD)], by: owner, at, state: 'sent', attempts: 1, nextAttemptAt: at, sentAt: at,
          });
        }
      }
      const r = random();
      if (r < 0.15) step('recycled', 'Recycled', Math.floor(random() * 20 * DAY));
      else if (r < 0.25) step('disqualified', 'Closed - Not Converted', Math.floor(random() * 20 * DAY));
      else if (r < 0.65 && step('sal', 'Working - Contacted', Math.floor(random() * 5 * DAY)) && random() < 0.6 && step('sql', 'Closed - Converted', Math.floor(random() * 10 * DAY))) {
        if (random() < 0.5) {
          const oppAt = t + Math.floor(random() * 10 * DAY);
          if (oppAt <= now) {
            const closeAt = oppAt + Math.floor(random() * 60 * DAY);
            const closed = closeAt <= now && random() < 0.7;
            const won = closed && random() < 0.4;
            opportunities.push({
              id: `salesforce:006${String(i).padStart(12, '0')}`, source: 'salesforce', name: `商談 ${i}`, stageName: won ? 'Closed Won' : closed ? 'Closed Lost' : 'Proposal',
              amount: 500_000 + Math.floor(random() * 50) * 100_000, currency: 'JPY', createdAt: oppAt, closeDate: closed ? closeAt : undefined, isClosed: closed, isWon: won,
            });
          }
        }
      }
    }
    out.push({
      ref,
      person: {
        key: email,
        name: `見込客 ${i}`,
        email,
        company: `株式会社サンプル${i % 5000}`,
        title: pick(TITLES),
        owner,
        stage: stageChanges[stageChanges.length - 1]!.stage,
        vendorStage: stageChanges[stageChanges.length - 1]!.vendorValue,
        attributes: { email, industry: pick(INDUSTRIES), employees: 20 + Math.floor(random() * 3000), country: 'JP', title: pick(TITLES), company: `株式会社サンプル${i % 5000}`, leadSource: pick(SOURCES) },
        links: [{ ref }],
      },
      events,
      activities,
      stageChanges,
      opportunities,
      feedback,
      warnings: [],
      fetchedAt: now - Math.floor(random() * HOUR),
      sources: ['salesforce', 'marketo'],
    });
  }
  return out;
}
