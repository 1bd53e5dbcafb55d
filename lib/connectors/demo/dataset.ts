import type {
  EngagementEvent,
  Feedback,
  Opportunity,
  Person,
  SalesActivity,
  StageChange,
} from '../../domain/model';
import { normalizeEmail, personKeyFor } from '../../domain/model';
import { demoAtBusinessHour, demoBeforeBusinessMinutes } from './demo-calendar';
import { SITE_PAGES, WEBINARS } from './catalog';
import { DEMO_REP, SALES_REPS } from './demo-reps';
import { demoMaId, demoPagePath, demoRef, demoSfaId } from './demo-ids';
import {
  downloadWhitepaper,
  EventLog,
  fillForm,
  generateEngagement,
  localDaytime,
  visitPage,
  weeklyEmail,
  type EngagementLevel,
} from './engagement';
import { featuredStoryAt, type FeaturedStory } from './featured';
import {
  makeEnglishIdentity,
  makeJapaneseIdentity,
  type DemoIdentity,
  type DemoLocale,
  type IdentityKind,
} from './identity';
import { generateLifecycle, type LifecyclePath, type LifecyclePlan } from './lifecycle';
import { createRng, type Rng } from './random';

/**
 * The embedded demo workspace: a deterministic, generated SFA + MA org. Same seed and anchor, same data,
 * byte for byte; the anchor moves once an hour so SLA clocks stay live for a person trying the demo.
 */
export const DEMO_SEED = 20261125;
export const DEMO_PEOPLE = 320;
export const DEMO_WINDOW_DAYS = 120;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The instant the workspace is laid relative to: the start of the current UTC hour. */
export function demoAnchor(now: number): number {
  return Math.floor(now / HOUR) * HOUR;
}

export interface DemoLead {
  index: number;
  sfaId: string;
  maId: string;
  story?: FeaturedStory;
  identity: DemoIdentity;
  level: EngagementLevel;
  createdAt: number;
  person: Person;
  events: EngagementEvent[];
  activities: SalesActivity[];
  stageChanges: StageChange[];
  opportunities: Opportunity[];
  feedback: Feedback[];
}

export interface DemoWorkspace {
  seed: number;
  anchor: number;
  /** First day of the engagement window (anchor − 120 days). */
  windowStart: number;
  leads: DemoLead[];
  bySfaId: ReadonlyMap<string, DemoLead>;
  byMaId: ReadonlyMap<string, DemoLead>;
  /** Leads sharing a normalized e-mail with at least one other lead, by that e-mail. */
  duplicatesByEmail: ReadonlyMap<string, DemoLead[]>;
}

/** Everything that decides one person's data; featured stories fix it, the rest is drawn. */
/** What the lifecycle needs to know of a person (the same fields, so a story's plan passes straight through), and more. */
interface PersonPlan
  extends Pick<
    LifecyclePlan,
    'path' | 'createdAt' | 'owner' | 'handoffAt' | 'touchDelayMinutes' | 'recycleReason' | 'disqualifyReason' | 'feedback' | 'closeAfterDays' | 'amount'
  > {
  identity: DemoIdentity;
  level: EngagementLevel;
  botBurst?: boolean;
  /** Hand-laid engagement instead of (or on top of) the drawn one. */
  script?: (log: EventLog, rng: Rng) => void;
  drawEngagement: boolean;
  futureEvent?: boolean;
}

function ownerFor(rng: Rng, locale: DemoLocale): string {
  return rng.pick(SALES_REPS.filter((r) => r.locale === locale)).name;
}

const PATHS: Record<EngagementLevel, readonly (readonly [LifecyclePath, number])[]> = {
  blazing: [['pending', 1], ['sal', 1], ['sql', 2], ['opportunity', 3], ['won', 2], ['lost', 2]],
  hot: [['inquiry', 2], ['pending', 1.5], ['sal', 2], ['recycled', 1], ['sql', 2], ['opportunity', 2], ['won', 1.5], ['lost', 1.5]],
  warm: [['inquiry', 5], ['pending', 0.6], ['sal', 1], ['recycled', 2], ['disqualified', 1], ['sql', 1], ['opportunity', 0.5], ['lost', 0.5]],
  cool: [['inquiry', 8], ['recycled', 2], ['disqualified', 1]],
  cold: [['inquiry', 10], ['disqualified', 1]],
};

function drawPlan(rng: Rng, anchor: number, windowStart: number): PersonPlan {
  const locale: DemoLocale = rng.chance(0.6) ? 'ja' : 'en';
  const kind = rng.weighted<IdentityKind>([
    ['normal', 86],
    ['freemail', 6],
    ['student', 2.5],
    ['competitor', 2],
    ['missing', 3.5],
  ]);
  const identity = locale === 'ja' ? makeJapaneseIdentity(rng, kind) : makeEnglishIdentity(rng, kind);
  let level = rng.weighted<EngagementLevel>([
    ['blazing', 3],
    ['hot', 8],
    ['warm', 22],
    ['cool', 30],
    ['cold', 37],
  ]);
  let path = rng.weighted(PATHS[level]);
  let disqualifyReason: number | undefined;
  if (kind === 'student' || kind === 'competitor') {
    // They read everything and never buy: marketing hands some over, sales throws them back.
    level = rng.pick(['warm', 'cool'] as const);
    path = rng.chance(0.5) ? 'disqualified' : 'inquiry';
    disqualifyReason = kind === 'competitor' ? 0 : 1;
  }
  // Two in five were already in the database before the window; the rest arrived during it.
  const createdAt = rng.chance(0.4)
    ? anchor - rng.int(DEMO_WINDOW_DAYS + 1, 700) * DAY - rng.int(0, 23) * HOUR
    : localDaytime(rng, windowStart + rng.int(0, DEMO_WINDOW_DAYS - 3) * DAY, locale);
  const plan: PersonPlan = {
    identity,
    level,
    path,
    createdAt,
    owner: ownerFor(rng, locale),
    botBurst: rng.chance(0.03),
    drawEngagement: true,
  };
  if (disqualifyReason !== undefined) plan.disqualifyReason = disqualifyReason;
  if (path === 'inquiry') return plan;

  if (path === 'pending') {
    // Handed off in the last few business hours: live SLA clocks, some fine, some late.
    plan.handoffAt = demoBeforeBusinessMinutes(anchor, rng.int(5, 900));
  } else {
    const earliest = createdAt + 2 * DAY;
    const back = path === 'won' || path === 'lost' ? rng.int(55, 110) : rng.int(4, 100);
    plan.handoffAt = demoAtBusinessHour(Math.max(earliest, anchor - back * DAY), rng.int(9, 17), rng.int(0, 59));
    // Seven in ten first touches come within the hour; the rest take a day or more.
    plan.touchDelayMinutes = rng.chance(0.7) ? rng.int(4, 55) : rng.int(300, 1500);
  }
  if (plan.handoffAt <= createdAt) plan.createdAt = plan.handoffAt - rng.int(2, 30) * DAY;
  return plan;
}

/** A small, fixed piece of engagement laid relative to the handoff: what tipped the lead over. */
function handoffTrigger(locale: DemoLocale, handoffAt: number, form: 'demo' | 'contact') {
  const pages = SITE_PAGES[locale];
  const pricing = pages.find((p) => p.path.endsWith('/pricing'));
  const demo = pages.find((p) => p.path.endsWith('/demo'));
  return (log: EventLog) => {
    if (pricing) visitPage(log, handoffAt - 26 * MINUTE, pricing, { interesting: true });
    if (demo) visitPage(log, handoffAt - 9 * MINUTE, demo, { interesting: true });
    fillForm(log, locale, handoffAt - 4 * MINUTE, form);
  };
}

function featuredPlan(story: FeaturedStory, anchor: number): PersonPlan {
  const windowStart = anchor - DEMO_WINDOW_DAYS * DAY;
  const ja = (p: Omit<DemoIdentity, 'locale' | 'country' | 'kind'> & { kind?: IdentityKind }): DemoIdentity => ({
    locale: 'ja',
    country: 'JP',
    kind: 'normal',
    ...p,
  });
  switch (story) {
    case 'hotJustHandedOff': {
      const handoffAt = demoBeforeBusinessMinutes(anchor, 10);
      return {
        identity: ja({
          firstName: '太郎', lastName: '山田', name: '山田 太郎', email: 'taro.yamada@towa-seiki.co.jp',
          company: '株式会社東和精機', website: 'https://www.towa-seiki.co.jp', title: '経営企画部 部長',
          industry: '製造業', employees: 1200, region: '東京都', phone: '03-5210-4410', leadSource: 'Web',
        }),
        level: 'blazing', path: 'pending', createdAt: anchor - 61 * DAY, owner: DEMO_REP, handoffAt,
        drawEngagement: false,
        script: (log, rng) => {
          const w = WEBINARS[WEBINARS.length - 1];
          if (w) {
            const at = demoAtBusinessHour(anchor - w.daysAgo * DAY, 15);
            log.add('webinar_registered', at - 5 * DAY, { asset: w.ja, campaign: `${w.ja} > Registered` });
            log.add('webinar_attended', at + 2 * MINUTE, { asset: w.ja, campaign: `${w.ja} > Attended`, interesting: true });
          }
          downloadWhitepaper(log, 'ja', anchor - 12 * DAY + 3 * HOUR, 0);
          downloadWhitepaper(log, 'ja', anchor - 3 * DAY + 2 * HOUR, 1);
          const mail = weeklyEmail('ja', windowStart, 16);
          log.add('email_send', mail.at, { asset: mail.name, campaign: mail.campaign });
          log.add('email_open', mail.at + 3 * HOUR, { asset: mail.name, campaign: mail.campaign });
          log.add('chat', handoffAt - 40 * MINUTE, { asset: 'チャット: 料金についてのご質問', interesting: true });
          for (let i = 0; i < 4; i++) {
            const page = rng.pick(SITE_PAGES.ja);
            visitPage(log, anchor - (i + 1) * DAY - rng.int(1, 5) * HOUR, page);
          }
          handoffTrigger('ja', handoffAt, 'demo')(log);
        },
      };
    }
    case 'warmAtRisk': {
      // 180 of 240 business minutes used: past the 75% warning line, and still inside it for the whole hour.
      const handoffAt = demoBeforeBusinessMinutes(anchor, 180);
      return {
        identity: ja({
          firstName: '美咲', lastName: '中村', name: '中村 美咲', email: 'misaki.nakamura@aoba-shoji.co.jp',
          company: '青葉商事株式会社', website: 'https://www.aoba-shoji.co.jp', title: 'マーケティング課長',
          industry: '卸売業・小売業', employees: 120, region: '大阪府', phone: '06-6203-7781', leadSource: 'Trade Show',
        }),
        level: 'warm', path: 'pending', createdAt: anchor - 40 * DAY, owner: DEMO_REP, handoffAt,
        drawEngagement: false,
        script: (log) => {
          const mail = weeklyEmail('ja', windowStart, 14);
          log.add('email_send', mail.at, { asset: mail.name, campaign: mail.campaign });
          log.add('email_open', mail.at + 2 * HOUR, { asset: mail.name, campaign: mail.campaign });
          const pricing = SITE_PAGES.ja.find((p) => p.path.endsWith('/pricing'));
          if (pricing) visitPage(log, handoffAt - 20 * MINUTE, pricing);
          fillForm(log, 'ja', handoffAt - 6 * MINUTE, 'contact');
        },
      };
    }
    case 'hotBreached': {
      const handoffAt = demoBeforeBusinessMinutes(anchor, 300);
      return {
        identity: ja({
          firstName: '直樹', lastName: '小林', name: '小林 直樹', email: 'naoki.kobayashi@hokuto-system.co.jp',
          company: '株式会社北斗システム', website: 'https://www.hokuto-system.co.jp', title: '執行役員 DX推進本部長',
          industry: '情報通信業', employees: 2400, region: '神奈川県', phone: '045-640-2291', leadSource: 'Webinar',
        }),
        level: 'blazing', path: 'pending', createdAt: anchor - 25 * DAY, owner: '高橋 大輔', handoffAt,
        drawEngagement: false,
        script: (log) => {
          downloadWhitepaper(log, 'ja', anchor - 6 * DAY, 2);
          handoffTrigger('ja', handoffAt, 'demo')(log);
        },
      };
    }
    case 'slaMet': {
      const handoffAt = demoBeforeBusinessMinutes(anchor, 22 * 480 + 30);
      return {
        identity: ja({
          firstName: 'さくら', lastName: '高橋', name: '高橋 さくら', email: 'sakura.takahashi@kyowa-finance.co.jp',
          company: '協和ファイナンス株式会社', website: 'https://www.kyowa-finance.co.jp', title: 'マーケティング部 部長',
          industry: '金融業', employees: 650, region: '東京都', phone: '03-3281-5530', leadSource: 'Webinar',
        }),
        level: 'hot', path: 'sql', createdAt: anchor - 70 * DAY, owner: '伊藤 由美', handoffAt, touchDelayMinutes: 22,
        feedback: { verdict: 'good', reasonCodes: ['GOOD_FIT', 'REAL_NEED'], comment: '課題が明確で、すぐに商談化できた' },
        drawEngagement: true,
        script: handoffTrigger('ja', handoffAt, 'contact'),
      };
    }
    case 'englishOpportunity': {
      const handoffAt = demoAtBusinessHour(anchor - 45 * DAY, 10, 12);
      return {
        identity: {
          locale: 'en', firstName: 'Olivia', lastName: 'Bennett', name: 'Olivia Bennett',
          email: 'olivia.bennett@bluefinanalytics.com', company: 'Bluefin Analytics Inc.',
          website: 'https://www.bluefinanalytics.com', title: 'Head of Growth', industry: 'Software', employees: 450,
          country: 'US', region: 'CA', phone: '+1 (555) 0142', leadSource: 'Webinar', kind: 'normal',
        },
        level: 'warm', path: 'opportunity', createdAt: anchor - 90 * DAY, owner: 'Emily Carter', handoffAt,
        touchDelayMinutes: 35, amount: 84_000, drawEngagement: true,
        script: handoffTrigger('en', handoffAt, 'demo'),
      };
    }
    case 'cold':
      return {
        identity: ja({
          firstName: '拓也', lastName: '井上', name: '井上 拓也', email: 'takuya.inoue@futaba-foods.co.jp',
          company: '双葉フーズ株式会社', website: 'https://www.futaba-foods.co.jp', title: '総務部 担当',
          industry: '卸売業・小売業', employees: 35, region: '静岡県', phone: '054-252-1180', leadSource: 'Purchased List',
        }),
        level: 'cold', path: 'inquiry', createdAt: anchor - 300 * DAY, owner: '伊藤 由美', drawEngagement: false,
        script: (log) => {
          const early = weeklyEmail('ja', windowStart, 3);
          const later = weeklyEmail('ja', windowStart, 11);
          log.add('email_send', early.at, { asset: early.name, campaign: early.campaign });
          log.add('email_open', early.at + 20 * HOUR, { asset: early.name, campaign: early.campaign });
          log.add('email_send', later.at, { asset: later.name, campaign: later.campaign });
        },
      };
    case 'duplicate':
    case 'duplicateTwin': {
      // The same person twice: once from a trade-show list import, once from a web form, with the same address.
      const twin = story === 'duplicateTwin';
      return {
        identity: ja({
          firstName: '陽子', lastName: '加藤', name: twin ? '加藤陽子' : '加藤 陽子', email: twin ? 'Yoko.Kato@midorikawa-chem.co.jp' : 'yoko.kato@midorikawa-chem.co.jp',
          company: twin ? '緑川化学' : '株式会社緑川化学', website: 'https://www.midorikawa-chem.co.jp',
          title: twin ? '購買部 課長' : '購買部 課長', industry: '製造業', employees: 800, region: '埼玉県',
          phone: twin ? '048-601-3321' : '048-601-3320', leadSource: twin ? 'Trade Show' : 'Web',
        }),
        level: twin ? 'cool' : 'warm', path: 'inquiry', createdAt: anchor - (twin ? 200 : 30) * DAY,
        owner: '佐藤 健一', drawEngagement: true,
      };
    }
    case 'recycledBadFeedback': {
      const handoffAt = demoAtBusinessHour(anchor - 55 * DAY, 11, 5);
      return {
        identity: ja({
          firstName: '亮', lastName: '林', name: '林 亮', email: 'ryo.hayashi@sanko-kensetsu.co.jp',
          company: '三光建設株式会社', website: 'https://www.sanko-kensetsu.co.jp', title: '営業企画課 係長',
          industry: '建設業', employees: 310, region: '福岡県', phone: '092-711-4021', leadSource: 'Advertisement',
        }),
        level: 'warm', path: 'recycled', createdAt: anchor - 80 * DAY, owner: '高橋 大輔', handoffAt,
        touchDelayMinutes: 40, recycleReason: 1,
        feedback: { verdict: 'bad', reasonCodes: ['NO_BUDGET', 'BAD_TIMING'], comment: '来期の予算で再検討とのこと' },
        drawEngagement: true,
        script: handoffTrigger('ja', handoffAt, 'contact'),
      };
    }
    case 'wonMetLate': {
      const handoffAt = demoAtBusinessHour(anchor - 100 * DAY, 14, 30);
      return {
        identity: ja({
          firstName: '隆', lastName: '松本', name: '松本 隆', email: 'takashi.matsumoto@hokuto-ss.co.jp',
          company: '株式会社北斗製作所', website: 'https://www.hokuto-ss.co.jp', title: '代表取締役社長',
          industry: '製造業', employees: 3200, region: '愛知県', phone: '052-223-9090', leadSource: 'Partner Referral',
        }),
        level: 'hot', path: 'won', createdAt: anchor - 118 * DAY, owner: '佐藤 健一', handoffAt,
        touchDelayMinutes: 420, amount: 18_000_000, closeAfterDays: 45,
        feedback: { verdict: 'good', reasonCodes: ['GOOD_FIT', 'RIGHT_TIMING'] },
        drawEngagement: true,
        script: handoffTrigger('ja', handoffAt, 'demo'),
      };
    }
  }
}

function buildLead(index: number, plan: PersonPlan, rng: Rng, anchor: number, windowStart: number, story?: FeaturedStory): DemoLead {
  const sfaId = demoSfaId(index);
  const maId = demoMaId(index);
  const sfaRef = demoRef('sfa', sfaId);
  const maRef = demoRef('ma', maId);
  const { identity } = plan;
  const log = new EventLog(maId, anchor);
  if (plan.drawEngagement) {
    generateEngagement({
      rng: rng.fork('engagement'),
      log,
      locale: identity.locale,
      level: plan.level,
      createdAt: plan.createdAt,
      windowStart,
      anchor,
      botBurst: plan.botBurst ?? false,
    });
  }
  plan.script?.(log, rng.fork('script'));
  if (plan.futureEvent) {
    // A vendor clock two hours ahead: the domain must set this aside and say so.
    const page = SITE_PAGES[identity.locale][0];
    if (page) log.addFuture('page_view', anchor + 2 * HOUR, { asset: page.title, url: `https://www.baton-demo.example${page.path}` });
  }
  const personKey = personKeyFor(sfaRef, identity.email);
  const life = generateLifecycle({
    rng: rng.fork('lifecycle'),
    index,
    locale: identity.locale,
    path: plan.path,
    anchor,
    createdAt: plan.createdAt,
    owner: plan.owner,
    company: identity.company,
    ref: sfaRef,
    personKey,
    currency: identity.locale === 'ja' ? 'JPY' : 'USD',
    ...(plan.handoffAt !== undefined ? { handoffAt: plan.handoffAt } : {}),
    ...(plan.touchDelayMinutes !== undefined ? { touchDelayMinutes: plan.touchDelayMinutes } : {}),
    ...(plan.recycleReason !== undefined ? { recycleReason: plan.recycleReason } : {}),
    ...(plan.disqualifyReason !== undefined ? { disqualifyReason: plan.disqualifyReason } : {}),
    ...(plan.feedback !== undefined ? { feedback: plan.feedback } : {}),
    ...(plan.closeAfterDays !== undefined ? { closeAfterDays: plan.closeAfterDays } : {}),
    ...(plan.amount !== undefined ? { amount: plan.amount } : {}),
  });
  const person: Person = {
    key: personKey,
    name: identity.name,
    stage: life.stage,
    vendorStage: life.vendorStage,
    owner: plan.owner,
    phone: identity.phone,
    attributes: {
      industry: identity.industry ?? null,
      employees: identity.employees ?? null,
      title: identity.title ?? null,
      country: identity.country,
      region: identity.region,
      leadSource: identity.leadSource,
      email: identity.email ?? null,
      company: identity.company ?? null,
    },
    links: [
      { ref: sfaRef, url: demoPagePath('sfa', sfaId) },
      { ref: maRef, url: demoPagePath('ma', maId) },
    ],
  };
  if (identity.email !== undefined) person.email = identity.email;
  if (identity.company !== undefined) person.company = identity.company;
  if (identity.title !== undefined) person.title = identity.title;
  const lead: DemoLead = {
    index,
    sfaId,
    maId,
    identity,
    level: plan.level,
    createdAt: plan.createdAt,
    person,
    events: log.events(),
    activities: life.activities.sort((a, b) => a.occurredAt - b.occurredAt),
    stageChanges: life.stageChanges,
    opportunities: life.opportunities,
    feedback: life.feedback,
  };
  if (story) lead.story = story;
  return lead;
}

export function generateDemoWorkspace({ seed = DEMO_SEED, anchor }: { seed?: number; anchor: number }): DemoWorkspace {
  const root = createRng(seed);
  const windowStart = anchor - DEMO_WINDOW_DAYS * DAY;
  const leads: DemoLead[] = [];
  for (let index = 0; index < DEMO_PEOPLE; index++) {
    // Each person draws from its own stream, so featured people and the rest never shift one another.
    const rng = root.fork(index);
    const story = featuredStoryAt(index);
    const plan = story ? featuredPlan(story, anchor) : drawPlan(rng, anchor, windowStart);
    if (!story) {
      const previous = leads[index - 1];
      // About one in a hundred: the same address entered twice (list import + form), for the duplicate warning.
      if (previous && !previous.story && previous.identity.email && rng.chance(0.012)) {
        plan.identity = { ...previous.identity, phone: plan.identity.phone, leadSource: plan.identity.leadSource };
      }
      // One vendor clock runs ahead.
      if (index === DEMO_PEOPLE - 7) plan.futureEvent = true;
    }
    leads.push(buildLead(index, plan, rng, anchor, windowStart, story));
  }
  const byEmail = new Map<string, DemoLead[]>();
  for (const lead of leads) {
    const email = normalizeEmail(lead.identity.email);
    if (!email) continue;
    byEmail.set(email, [...(byEmail.get(email) ?? []), lead]);
  }
  return {
    seed,
    anchor,
    windowStart,
    leads,
    bySfaId: new Map(leads.map((l) => [l.sfaId, l])),
    byMaId: new Map(leads.map((l) => [l.maId, l])),
    duplicatesByEmail: new Map([...byEmail].filter(([, group]) => group.length > 1)),
  };
}
