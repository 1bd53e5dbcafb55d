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
import { arrivalWeight, closingWeight, seasonalDay } from './seasons';
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
 * The embedded demo workspace: a deterministic, generated SFA + MA org of a year of a realistic team (2,400
 * people, 8 reps, about 60 campaigns, wins every quarter, the Japanese business year of seasons.ts). Same seed
 * and anchor, same data, byte for byte; the anchor moves once an hour so SLA clocks stay live for a person
 * trying the demo.
 *
 * Lazy: `generateDemoWorkspace` draws only who everyone is and what happens to them (the plans: cheap); a
 * person's events, activities and history are laid the first time they are asked for, and kept. The panel
 * and the demo pages need a handful of people; the team listing asks for all (`leads`).
 */
export const DEMO_SEED = 20261125;
export const DEMO_PEOPLE = 2_400;
/** The year of data behind the anchor. */
export const DEMO_WINDOW_DAYS = 365;
/** The featured stories' engagement window, as it was when the demo held 120 days: their data never moves. */
export const STORY_WINDOW_DAYS = 120;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// In its own module so pages that need only the anchor (the team definitions) do not load the generator.
export { demoAnchor } from './demo-anchor';

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

/** A person by record id, laid on first use. */
export interface DemoLeadLookup {
  get(id: string): DemoLead | undefined;
  has(id: string): boolean;
}

export interface DemoWorkspace {
  seed: number;
  anchor: number;
  /** First day of the engagement window (anchor − 365 days). */
  windowStart: number;
  size: number;
  /** The person at `index` (0 ≤ index < size), laid on first use. */
  leadAt(index: number): DemoLead;
  /** Everyone, in index order (lays the whole workspace on first use). */
  readonly leads: DemoLead[];
  bySfaId: DemoLeadLookup;
  byMaId: DemoLeadLookup;
  /** Leads sharing a normalized e-mail with at least one other lead, by that e-mail (a group laid when asked for). */
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
  /** False: opted out of or bounced from the weekly e-mails. Default true. */
  mailingList?: boolean;
  /** When a won deal closes (seasonal); the lifecycle keeps it after the opportunity opens. */
  closeAt?: number;
}

function ownerFor(rng: Rng, locale: DemoLocale): string {
  return rng.pick(SALES_REPS.filter((r) => r.locale === locale)).name;
}

/**
 * Where each level of engagement ends. Over a year most handed-off people were touched long ago, so few are still
 * waiting (`pending`: live SLA clocks); about 3% of everyone is won, some 60 deals a year.
 */
const PATHS: Record<EngagementLevel, readonly (readonly [LifecyclePath, number])[]> = {
  blazing: [['pending', 0.25], ['sal', 1], ['sql', 2], ['opportunity', 2], ['won', 3], ['lost', 2]],
  hot: [['inquiry', 2], ['pending', 0.35], ['sal', 2], ['recycled', 1], ['sql', 2], ['opportunity', 2], ['won', 2.5], ['lost', 1.5]],
  warm: [['inquiry', 5], ['pending', 0.15], ['sal', 1], ['recycled', 2], ['disqualified', 1], ['sql', 1], ['opportunity', 0.5], ['won', 0.5], ['lost', 0.5]],
  cool: [['inquiry', 8], ['recycled', 2], ['disqualified', 1]],
  cold: [['inquiry', 10], ['disqualified', 1]],
};

/** Days after creation a person is handed off, by level: engaged people are ready sooner. */
const HANDOFF_DELAY_DAYS: Record<EngagementLevel, readonly [number, number]> = {
  blazing: [2, 21],
  hot: [3, 45],
  warm: [10, 150],
  cool: [20, 200],
  cold: [30, 250],
};

/** Who a drawn person is: the first draws of their stream, made for everyone up front (duplicates need all e-mails). */
function drawIdentity(rng: Rng): DemoIdentity {
  const locale: DemoLocale = rng.chance(0.6) ? 'ja' : 'en';
  const kind = rng.weighted<IdentityKind>([
    ['normal', 86],
    ['freemail', 6],
    ['student', 2.5],
    ['competitor', 2],
    ['missing', 3.5],
  ]);
  return locale === 'ja' ? makeJapaneseIdentity(rng, kind) : makeEnglishIdentity(rng, kind);
}

/** What happens to a drawn person: the rest of their stream, drawn when the person is first laid. */
function drawPlan(rng: Rng, identity: DemoIdentity, anchor: number, windowStart: number): PersonPlan {
  const { locale, kind } = identity;
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
  // Three in ten were already in the database before the year; the rest arrived during it, with the seasons.
  const createdAt = rng.chance(0.3)
    ? anchor - rng.int(DEMO_WINDOW_DAYS + 1, DEMO_WINDOW_DAYS + 700) * DAY - rng.int(0, 23) * HOUR
    : localDaytime(rng, seasonalDay(rng, windowStart, anchor - 3 * DAY, arrivalWeight, 1.2), locale);
  const plan: PersonPlan = {
    identity,
    level,
    path,
    createdAt,
    owner: ownerFor(rng, locale),
    botBurst: rng.chance(0.03),
    drawEngagement: true,
    // Over a year, many quiet people opt out of the e-mails or bounce.
    mailingList: !rng.chance(level === 'cold' ? 0.6 : level === 'cool' ? 0.3 : 0.05),
  };
  if (disqualifyReason !== undefined) plan.disqualifyReason = disqualifyReason;
  if (path === 'inquiry') return plan;

  if (path === 'pending') {
    // Handed off in the last few business hours: live SLA clocks, some fine, some late.
    plan.handoffAt = demoBeforeBusinessMinutes(anchor, rng.int(5, 900));
    if (plan.handoffAt <= createdAt) plan.createdAt = plan.handoffAt - rng.int(2, 30) * DAY;
    plan.script = handoffTrigger(locale, plan.handoffAt, rng.chance(0.5) ? 'demo' : 'contact');
    return plan;
  }
  // A closed deal needs about two and a half months after its handoff; a recent arrival's has not closed yet.
  const needs = path === 'won' || path === 'lost' ? 75 : path === 'opportunity' ? 20 : path === 'sql' ? 4 : 1;
  const latest = anchor - needs * DAY;
  // Deals closing early in the year were handed off before it.
  const earliest = Math.max(createdAt + 2 * DAY, windowStart - 150 * DAY);
  let target: number;
  if (earliest > latest) {
    if (path === 'won' || path === 'lost') plan.path = 'opportunity';
    target = Math.max(createdAt + 2 * DAY, anchor - rng.int(4, 20) * DAY);
  } else if (createdAt < windowStart - 60 * DAY) {
    // Long-known people: handed off any time, the deals that close in the year's first months well before it.
    const from = Math.max(createdAt + 2 * DAY, windowStart - (needs === 75 ? 150 : 60) * DAY);
    target = seasonalDay(rng, from, latest, arrivalWeight, 1.2);
  } else {
    const [min, max] = HANDOFF_DELAY_DAYS[level];
    target = Math.min(latest, createdAt + rng.int(min, max) * DAY);
  }
  plan.handoffAt = demoAtBusinessHour(Math.min(target, anchor - DAY), rng.int(9, 17), rng.int(0, 59));
  // Seven in ten first touches come within the hour; the rest take a day or more.
  plan.touchDelayMinutes = rng.chance(0.7) ? rng.int(4, 55) : rng.int(300, 1500);
  if (plan.path === 'won') plan.closeAt = seasonalDay(rng, plan.handoffAt + 30 * DAY, plan.handoffAt + 180 * DAY, closingWeight, 10) + rng.int(10, 17) * HOUR;
  // What tipped them over, months ago or today: a handoff follows a burst of intent (pricing, demo, a form).
  const triggered = rng.chance(0.8);
  if (triggered && plan.handoffAt >= windowStart) plan.script = handoffTrigger(locale, plan.handoffAt, rng.chance(0.5) ? 'demo' : 'contact');
  if (plan.handoffAt <= plan.createdAt) plan.createdAt = plan.handoffAt - rng.int(2, 30) * DAY;
  return plan;
}

/**
 * One drawn person made the demo rep's lead that slipped: handed off two and a half business days ago (past every
 * band's budget, the 2-day standard one included) and never touched. Drawn otherwise as before, so the rest of the
 * year does not move; without it the rep's "at risk & breached" list depended on the hour's draw.
 */
function overdueForDemoRep(plan: PersonPlan, anchor: number): PersonPlan {
  const handoffAt = demoBeforeBusinessMinutes(anchor, 1_200);
  const { touchDelayMinutes: _touch, closeAt: _close, closeAfterDays: _after, amount: _amount, feedback: _feedback, recycleReason: _recycle, disqualifyReason: _dq, ...rest } = plan;
  return {
    ...rest,
    level: 'hot',
    path: 'pending',
    owner: DEMO_REP,
    handoffAt,
    createdAt: Math.min(plan.createdAt, handoffAt - 20 * DAY),
    script: handoffTrigger(plan.identity.locale, handoffAt, 'contact'),
  };
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
  const windowStart = anchor - STORY_WINDOW_DAYS * DAY;
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
            log.add('webinar_registered', at - 5 * DAY, { asset: w.ja, campaign: w.ja });
            log.add('webinar_attended', at + 2 * MINUTE, { asset: w.ja, campaign: w.ja, interesting: true });
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

function buildLead(index: number, plan: PersonPlan, rng: Rng, anchor: number, story?: FeaturedStory): DemoLead {
  const storyStart = anchor - STORY_WINDOW_DAYS * DAY;
  const windowStart = story ? storyStart : anchor - DEMO_WINDOW_DAYS * DAY;
  const sfaId = demoSfaId(index);
  const maId = demoMaId(index);
  const sfaRef = demoRef('sfa', sfaId);
  const maRef = demoRef('ma', maId);
  const { identity } = plan;
  const log = new EventLog(maId, anchor);
  if (plan.drawEngagement) {
    generateEngagement({
      rng: rng.fork('engagement'),
      emailOrigin: storyStart,
      log,
      locale: identity.locale,
      level: plan.level,
      createdAt: plan.createdAt,
      windowStart,
      anchor,
      botBurst: plan.botBurst ?? false,
      ...(plan.mailingList === false ? { mailingList: false } : {}),
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
    ...(plan.closeAt !== undefined ? { closeAt: plan.closeAt } : {}),
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

class LeadLookup implements DemoLeadLookup {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly leadAt: (index: number) => DemoLead,
  ) {}
  get(id: string): DemoLead | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.leadAt(i);
  }
  has(id: string): boolean {
    return this.index.has(id);
  }
}

/** Duplicate groups by e-mail, each group laid when it is first asked for (the panel asks for one person's). */
class DuplicateGroups implements ReadonlyMap<string, DemoLead[]> {
  private readonly laid = new Map<string, DemoLead[]>();
  constructor(
    private readonly indexes: ReadonlyMap<string, number[]>,
    private readonly leadAt: (index: number) => DemoLead,
  ) {}
  get size(): number {
    return this.indexes.size;
  }
  has(email: string): boolean {
    return this.indexes.has(email);
  }
  get(email: string): DemoLead[] | undefined {
    const cached = this.laid.get(email);
    if (cached) return cached;
    const group = this.indexes.get(email)?.map(this.leadAt);
    if (group) this.laid.set(email, group);
    return group;
  }
  *keys(): MapIterator<string> {
    yield* this.indexes.keys();
  }
  *values(): MapIterator<DemoLead[]> {
    for (const email of this.indexes.keys()) yield this.get(email)!;
  }
  *entries(): MapIterator<[string, DemoLead[]]> {
    for (const email of this.indexes.keys()) yield [email, this.get(email)!];
  }
  [Symbol.iterator](): MapIterator<[string, DemoLead[]]> {
    return this.entries();
  }
  forEach(callback: (value: DemoLead[], key: string, map: ReadonlyMap<string, DemoLead[]>) => void): void {
    for (const [email, group] of this.entries()) callback(group, email, this);
  }
}

export function generateDemoWorkspace({ seed = DEMO_SEED, anchor }: { seed?: number; anchor: number }): DemoWorkspace {
  const root = createRng(seed);
  const windowStart = anchor - DEMO_WINDOW_DAYS * DAY;
  /** Per person: the identity, and the stream to draw the rest of the plan from (left where the identity ended). */
  const people: { identity: DemoIdentity; rng: Rng; story: FeaturedStory | undefined }[] = [];
  for (let index = 0; index < DEMO_PEOPLE; index++) {
    // Each person draws from its own stream, so featured people and the rest never shift one another.
    const rng = root.fork(index);
    const story = featuredStoryAt(index);
    if (story) {
      people.push({ identity: featuredPlan(story, anchor).identity, rng, story });
      continue;
    }
    let identity = drawIdentity(rng);
    const previous = people[index - 1];
    // About one in a hundred: the same address entered twice (list import + form), for the duplicate warning.
    if (previous && !previous.story && previous.identity.email && rng.chance(0.012)) {
      identity = { ...previous.identity, phone: identity.phone, leadSource: identity.leadSource };
    }
    people.push({ identity, rng, story });
  }
  // The demo rep's queue has a breached lead at any hour, not only when the draw happens to give them one.
  const overdueIndex = people.findIndex((p, i) => !p.story && p.identity.kind === 'normal' && p.identity.locale === 'ja' && p.identity.email !== people[i - 1]?.identity.email);
  const built: (DemoLead | undefined)[] = new Array(DEMO_PEOPLE);
  const leadAt = (index: number): DemoLead => {
    const cached = built[index];
    if (cached) return cached;
    const person = people[index];
    if (!person) throw new RangeError(`Demo workspace: no person at ${index} (0–${DEMO_PEOPLE - 1})`);
    const { identity, rng, story } = person;
    const drawn = story ? featuredPlan(story, anchor) : drawPlan(rng, identity, anchor, windowStart);
    const plan = index === overdueIndex ? overdueForDemoRep(drawn, anchor) : drawn;
    // One vendor clock runs ahead.
    if (index === DEMO_PEOPLE - 7) plan.futureEvent = true;
    // Forks depend on the seed alone, not on what was drawn before, so laying a person later changes nothing.
    const lead = buildLead(index, plan, rng, anchor, story);
    built[index] = lead;
    return lead;
  };
  const sfaIndex = new Map<string, number>();
  const maIndex = new Map<string, number>();
  const byEmail = new Map<string, number[]>();
  people.forEach(({ identity }, index) => {
    sfaIndex.set(demoSfaId(index), index);
    maIndex.set(demoMaId(index), index);
    const email = normalizeEmail(identity.email);
    if (!email) return;
    const group = byEmail.get(email);
    if (group) group.push(index);
    else byEmail.set(email, [index]);
  });
  let leads: DemoLead[] | undefined;
  const duplicates = new DuplicateGroups(new Map([...byEmail].filter(([, group]) => group.length > 1)), leadAt);
  return {
    seed,
    anchor,
    windowStart,
    size: DEMO_PEOPLE,
    leadAt,
    get leads() {
      return (leads ??= people.map((_, index) => leadAt(index)));
    },
    bySfaId: new LeadLookup(sfaIndex, leadAt),
    byMaId: new LeadLookup(maIndex, leadAt),
    duplicatesByEmail: duplicates,
  };
}
