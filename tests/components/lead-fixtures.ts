import type { EngagementEvent, Person } from '../../lib/domain/model';

/** Wed 2026-11-25 14:05 in Tokyo: a business day, inside opening hours. */
export const NOW = Date.UTC(2026, 10, 25, 5, 5);
const H = 3_600_000;

export function event(id: string, type: EngagementEvent['type'], hoursAgo: number, extra: Partial<EngagementEvent> = {}): EngagementEvent {
  return { id: `demo:${id}`, source: 'demo', sourceId: id, type, occurredAt: NOW - hoursAgo * H, ...extra };
}

/** A director at a large manufacturer who attended a webinar and read the pricing page: hot by the default model. */
export const HOT_EVENTS: EngagementEvent[] = [
  event('e1', 'webinar_attended', 20, { asset: 'SFA×MA 連携ウェビナー', campaign: '2026 Q4 ウェビナー' }),
  event('e2', 'page_view', 3, { url: 'https://example.co.jp/pricing', asset: '料金ページ' }),
  event('e3', 'form_submit', 2, { asset: 'デモ申込フォーム', url: 'https://example.co.jp/demo' }),
  event('e4', 'content_download', 30, { asset: '導入事例集.pdf' }),
  event('e5', 'email_click', 50, { campaign: '11月ナーチャリング' }),
];

export const PERSON: Person = {
  key: 'sato@example.co.jp',
  name: '佐藤 花子',
  email: 'sato@example.co.jp',
  company: '株式会社サンプル製作所',
  title: '情報システム部 部長',
  owner: '田中 一郎',
  stage: 'mql',
  vendorStage: 'Open - Not Contacted',
  attributes: {
    industry: 'Manufacturing',
    employees: 1200,
    title: '情報システム部 部長',
    country: 'JP',
    email: 'sato@example.co.jp',
    company: '株式会社サンプル製作所',
    leadSource: 'Webinar',
  },
  links: [
    { ref: { system: 'salesforce', instance: 'acme.my.salesforce.com', object: 'Lead', id: '00Q5g00000AbCdEFGH' }, url: 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEFGH/view' },
    { ref: { system: 'marketo', instance: '123-ABC-456', object: 'lead', id: '42' }, url: 'javascript:alert(1)' },
  ],
};
