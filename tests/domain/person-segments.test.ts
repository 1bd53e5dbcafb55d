import type { EngagementEvent, LeadContext } from '../../lib/domain/model';
import { personSegments } from '../../lib/domain/person-segments';

const T0 = Date.parse('2026-11-25T10:00:00+09:00');

function contextWith(over: { owner?: string; leadSource?: unknown; campaigns?: (string | undefined)[] }): LeadContext {
  const events: EngagementEvent[] = (over.campaigns ?? []).map((campaign, i) => ({
    id: `marketo:${i}`,
    source: 'marketo',
    sourceId: String(i),
    type: 'email_click',
    occurredAt: T0 + i,
    ...(campaign === undefined ? {} : { campaign }),
  }));
  return {
    ref: { system: 'salesforce', instance: 'acme', object: 'Lead', id: '00Q000000000001AAA' },
    person: {
      key: 'taro@example.co.jp',
      name: 'Yamada Taro',
      ...(over.owner === undefined ? {} : { owner: over.owner }),
      stage: 'mql',
      attributes: over.leadSource === undefined ? {} : { leadSource: over.leadSource as string },
      links: [],
    },
    events,
    activities: [],
    stageChanges: [],
    opportunities: [],
    feedback: [],
    warnings: [],
    fetchedAt: T0,
    sources: ['salesforce'],
  };
}

describe("a person's place in the team page's splits", () => {
  it('is their owner and lead source as recorded, without surrounding blanks', () => {
    expect(personSegments(contextWith({ owner: ' Sato Hanako ', leadSource: 'Web ' }))).toEqual({ owner: 'Sato Hanako', source: 'Web', campaigns: [] });
  });

  it('a blank or missing owner or source is "(none)", one split rather than one per spelling of nothing', () => {
    expect(personSegments(contextWith({ owner: '   ', leadSource: '' }))).toMatchObject({ owner: null, source: null });
    expect(personSegments(contextWith({}))).toMatchObject({ owner: null, source: null });
  });

  it('a lead source that is not text (a number, a flag) is no source', () => {
    expect(personSegments(contextWith({ leadSource: 42 })).source).toBeNull();
    expect(personSegments(contextWith({ leadSource: true })).source).toBeNull();
  });

  it('every distinct campaign that touched the person, each once, in order, blanks left out', () => {
    const campaigns = ['Webinar B', 'Expo A', undefined, 'Webinar B', '  ', 'Expo A', 'Catalog C', 'Ad D', 'Expo A'];
    expect(personSegments(contextWith({ campaigns })).campaigns).toEqual(['Ad D', 'Catalog C', 'Expo A', 'Webinar B']);
  });

  it('campaigns arriving newest-first or oldest-first give the same list', () => {
    expect(personSegments(contextWith({ campaigns: ['c', 'b', 'a'] })).campaigns).toEqual(['a', 'b', 'c']);
    expect(personSegments(contextWith({ campaigns: ['a', 'b', 'c'] })).campaigns).toEqual(['a', 'b', 'c']);
    expect(personSegments(contextWith({ campaigns: ['b', 'a', 'b', 'c', 'a'] })).campaigns).toEqual(['a', 'b', 'c']);
  });

  it('a campaign name is kept as written inside (only its ends trimmed)', () => {
    expect(personSegments(contextWith({ campaigns: [' 2026 秋 展示会 '] })).campaigns).toEqual(['2026 秋 展示会']);
  });
});
