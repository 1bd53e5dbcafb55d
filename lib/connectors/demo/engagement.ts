import type { EngagementEvent, EngagementType } from '../../domain/model';
import {
  AD_CAMPAIGNS,
  CHAT_DIALOGUES,
  EVENTS,
  FIRST_NEWSLETTER_ISSUE,
  NEWSLETTER,
  NURTURE_PROGRAM,
  PROGRAM_EMAILS,
  FORMS,
  SITE,
  SITE_PAGES,
  WEBINARS,
  WHITEPAPERS,
  type SitePage,
} from './catalog';
import { demoAtBusinessHour } from './demo-calendar';
import type { DemoLocale } from './identity';
import type { Rng } from './random';
import { MARKETO_ACTIVITY } from './vendor-values';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How engaged a person is overall; drives volume and recency. A few are very hot, most are cool or cold. */
export type EngagementLevel = 'blazing' | 'hot' | 'warm' | 'cool' | 'cold';

export interface EventFields {
  asset?: string;
  campaign?: string;
  url?: string;
  interesting?: boolean;
  vendorType?: string;
}

/**
 * Collects one person's Marketo-style activities. Source ids are integers unique across the workspace
 * (Marketo activity ids are), made from the person's lead id and a sequence number.
 */
export class EventLog {
  private readonly list: EngagementEvent[] = [];
  private seq = 0;

  constructor(
    private readonly maId: string,
    /** Nothing is recorded after this instant (the anchor), except what `addFuture` adds on purpose. */
    private readonly until: number,
  ) {}

  add(type: EngagementType, at: number, fields: EventFields = {}): void {
    if (at > this.until) return;
    this.push(type, at, fields);
  }

  /** An event stamped in the future: a vendor clock running ahead, which the domain must ignore and report. */
  addFuture(type: EngagementType, at: number, fields: EventFields = {}): void {
    this.push(type, at, fields);
  }

  events(): EngagementEvent[] {
    return [...this.list].sort((a, b) => a.occurredAt - b.occurredAt || a.id.localeCompare(b.id));
  }

  private push(type: EngagementType, at: number, fields: EventFields): void {
    this.seq++;
    const sourceId = `${this.maId}${String(this.seq).padStart(4, '0')}`;
    const event: EngagementEvent = {
      id: `demo:${sourceId}`,
      source: 'demo',
      sourceId,
      type,
      occurredAt: Math.round(at),
      vendorType: fields.vendorType ?? MARKETO_ACTIVITY[type],
    };
    if (fields.asset !== undefined) event.asset = fields.asset;
    if (fields.campaign !== undefined) event.campaign = fields.campaign;
    if (fields.url !== undefined) event.url = fields.url;
    if (fields.interesting) event.interesting = true;
    this.list.push(event);
  }
}

export interface EngagementPlan {
  rng: Rng;
  /** Where the weekly e-mails are numbered from (see weeklyEmail). */
  emailOrigin: number;
  log: EventLog;
  locale: DemoLocale;
  level: EngagementLevel;
  /** Engagement starts at the later of creation and the window start. */
  createdAt: number;
  windowStart: number;
  anchor: number;
  /** A mail security scanner follows every link of one e-mail within seconds. */
  botBurst: boolean;
  /** False: opted out or bounced, so no weekly e-mail reaches them. Default true. */
  mailingList?: boolean;
}

/** Probability-ish intensity of a level `daysAgo` before the anchor: hot people are hot lately, cool ones were once. */
export function intensity(level: EngagementLevel, daysAgo: number): number {
  switch (level) {
    case 'blazing':
      return daysAgo < 14 ? 0.95 : daysAgo < 45 ? 0.6 : 0.35;
    case 'hot':
      return daysAgo < 21 ? 0.8 : daysAgo < 60 ? 0.45 : 0.25;
    case 'warm':
      return daysAgo < 30 ? 0.3 : 0.4;
    case 'cool':
      return daysAgo > 60 ? 0.3 : 0.08;
    case 'cold':
      return 0.03;
  }
}

const SESSIONS: Record<EngagementLevel, number> = { blazing: 22, hot: 11, warm: 5, cool: 2, cold: 0.3 };

export function pageUrl(path: string, query?: string): string {
  return `${SITE}${path}${query ? `?${query}` : ''}`;
}

function pagesFor(locale: DemoLocale): readonly SitePage[] {
  return SITE_PAGES[locale];
}

/** A moment of the person's own working day near `t` (JST for Japanese leads, local time for the others). */
export function localDaytime(rng: Rng, t: number, locale: DemoLocale): number {
  const offsetHours = locale === 'ja' ? 9 : rng.pick([-5, 0, 8]);
  const localDay = Math.floor((t + offsetHours * HOUR) / DAY) * DAY;
  const hour = rng.weighted([
    [rng.int(9, 17), 8],
    [rng.int(7, 8), 1],
    [rng.int(18, 23), 2],
  ] as const);
  return localDay - offsetHours * HOUR + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}

function sampleTime(rng: Rng, from: number, to: number, level: EngagementLevel): number {
  const u = rng.next();
  if (level === 'blazing' || level === 'hot') return to - (to - from) * u * u;
  if (level === 'cool') return from + (to - from) * u * u;
  return from + (to - from) * u;
}

export function visitPage(log: EventLog, at: number, page: SitePage, fields: EventFields = {}): void {
  log.add('page_view', at, { asset: page.title, url: pageUrl(page.path), ...fields });
}

export function fillForm(
  log: EventLog,
  locale: DemoLocale,
  at: number,
  form: 'demo' | 'contact' | 'whitepaper',
  interesting = form !== 'whitepaper',
): void {
  const path = form === 'demo' ? `/${locale}/demo` : form === 'contact' ? `/${locale}/contact` : `/${locale}/whitepaper`;
  log.add('form_submit', at, { asset: FORMS[locale][form], url: pageUrl(path), interesting });
}

export function downloadWhitepaper(log: EventLog, locale: DemoLocale, at: number, which: number): void {
  const titles = WHITEPAPERS[locale];
  const title = titles[which % titles.length] as string;
  fillForm(log, locale, at, 'whitepaper');
  log.add('content_download', at + 20_000, {
    asset: title,
    url: pageUrl(`/assets/whitepaper-${(which % titles.length) + 1}-${locale}.pdf`),
  });
}

export interface EmailSend {
  index: number;
  at: number;
  name: string;
  campaign: string;
}

/**
 * The `index`-th weekly e-mail counted from `origin` (the featured stories' 120-day window start): sent
 * Thursdays-ish at 10:00 JST, to everyone on the list. Earlier e-mails of the year have negative indexes, so the
 * e-mails the featured stories name keep their numbers however long the year behind them is. Every weekly e-mail
 * belongs to the one nurture program (one campaign, as a Marketo nurture program or a Salesforce e-mail campaign
 * would hold them): a campaign per send would make 52 campaigns each credited with every deal.
 */
export function weeklyEmail(locale: DemoLocale, origin: number, index: number): EmailSend {
  return {
    index,
    at: demoAtBusinessHour(origin + (index * 7 + 3) * DAY, 10),
    name: emailName(locale, index),
    campaign: NURTURE_PROGRAM[locale],
  };
}

const sendsMemo = new Map<string, EmailSend[]>();

/** Every weekly e-mail sent from `from` (inclusive) to the anchor; the same list for every person, so made once. */
export function weeklyEmails(locale: DemoLocale, origin: number, anchor: number, from: number = origin): EmailSend[] {
  const key = `${locale}|${origin}|${anchor}|${from}`;
  const memo = sendsMemo.get(key);
  if (memo) return memo;
  const sends: EmailSend[] = [];
  for (let k = Math.floor((from - origin) / (7 * DAY)) - 1; ; k++) {
    const send = weeklyEmail(locale, origin, k);
    if (send.at >= anchor) break;
    if (send.at >= from) sends.push(send);
  }
  // A handful of (origin, anchor, from) per hour; keep the map from growing over a long-lived page.
  if (sendsMemo.size > 16) sendsMemo.clear();
  sendsMemo.set(key, sends);
  return sends;
}

const mod = (n: number, m: number) => ((n % m) + m) % m;

export function emailName(locale: DemoLocale, index: number): string {
  if (mod(index, 2) === 0) return NEWSLETTER[locale](FIRST_NEWSLETTER_ISSUE + index / 2);
  const names = PROGRAM_EMAILS[locale];
  return names[mod((index - 1) / 2, names.length)] as string;
}

function addEmailProgram(p: EngagementPlan): void {
  const { rng, log, locale, level, anchor } = p;
  const sends = weeklyEmails(locale, p.emailOrigin, anchor, p.windowStart);
  const received = sends.filter((s) => s.at >= p.createdAt);
  const scanned = p.botBurst && received.length > 0 ? rng.pick(received).index : -1;
  for (const send of sends) {
    if (send.at < p.createdAt) continue;
    const { name, campaign } = send;
    log.add('email_send', send.at, { asset: name, campaign });
    if (send.index === scanned) {
      // Link-scanning security gateways click every link within seconds of delivery: bot-like clicks.
      const links = rng.int(6, 10);
      for (let i = 0; i < links; i++) {
        const page = rng.pick(pagesFor(locale));
        log.add('email_click', send.at + 4_000 + i * rng.int(300, 2_500), {
          asset: name, campaign, url: pageUrl(page.path, `utm_source=marketo&utm_medium=email&mkt_tok=${campaign}`),
        });
      }
    }
    const daysAgo = (anchor - send.at) / DAY;
    const chance = intensity(level, daysAgo);
    if (!rng.chance(chance)) continue;
    const openedAt = send.at + rng.int(3, 36 * 60) * MINUTE;
    log.add('email_open', openedAt, { asset: name, campaign });
    if (!rng.chance(chance * 0.45)) continue;
    const page = rng.pick(pagesFor(locale));
    const clickedAt = openedAt + rng.int(5, 300) * 1000;
    const url = pageUrl(page.path, `utm_source=marketo&utm_medium=email`);
    log.add('email_click', clickedAt, { asset: name, campaign, url });
    visitPage(log, clickedAt + 3_000, page, { url });
  }
}

function addWebSessions(p: EngagementPlan): void {
  const { rng, log, locale, level, anchor } = p;
  const from = Math.max(p.createdAt, p.windowStart);
  const expected = SESSIONS[level] * (0.7 + 0.6 * rng.next());
  const sessions = Math.floor(expected) + (rng.chance(expected % 1) ? 1 : 0);
  const pages = pagesFor(locale);
  const hotish = level === 'blazing' || level === 'hot';
  let downloads = 0;
  for (let s = 0; s < sessions; s++) {
    let at = localDaytime(rng, sampleTime(rng, from, anchor, level), locale);
    if (at < from) at = from + rng.int(1, 120) * MINUTE;
    const views = rng.int(1, hotish ? 6 : 3);
    for (let v = 0; v < views; v++) {
      const intent = pages.filter((pg) => pg.intent);
      const page = hotish && rng.chance(0.3) ? rng.pick(intent) : rng.pick(pages);
      // Pricing and demo views of engaged people are what Marketo admins flag as Interesting Moments.
      visitPage(log, at, page, page.intent && hotish ? { interesting: true } : {});
      at += rng.int(20, 240) * 1000;
    }
    const downloadChance = { blazing: 0.25, hot: 0.2, warm: 0.15, cool: 0.1, cold: 0 }[level];
    if (rng.chance(downloadChance)) downloadWhitepaper(log, locale, at, downloads++ + rng.int(0, 2));
  }
}

function addProgramsAndChannels(p: EngagementPlan): void {
  const { rng, log, locale, level, anchor } = p;
  const register = { blazing: 0.9, hot: 0.6, warm: 0.35, cool: 0.15, cold: 0.03 }[level];
  for (const w of WEBINARS) {
    const startsAt = demoAtBusinessHour(anchor - w.daysAgo * DAY, 15);
    // Before this person's window: nothing drawn, so a longer year never shifts a shorter window's draws.
    if (startsAt < p.windowStart) continue;
    const registeredAt = startsAt - rng.int(2, 12) * DAY + rng.int(0, 600) * MINUTE;
    if (registeredAt < p.createdAt || registeredAt < p.windowStart || !rng.chance(register)) continue;
    log.add('webinar_registered', registeredAt, { asset: w[locale], campaign: w[locale] });
    if (rng.chance(0.6)) {
      log.add('webinar_attended', startsAt + rng.int(0, 10) * MINUTE, {
        asset: w[locale], campaign: w[locale], interesting: level !== 'cold',
      });
    }
  }
  for (const e of EVENTS) {
    const day = demoAtBusinessHour(anchor - e.daysAgo * DAY, 10);
    if (day < p.windowStart) continue;
    const registeredAt = day - rng.int(3, 20) * DAY;
    if (registeredAt < p.createdAt || registeredAt < p.windowStart || !rng.chance(register * 0.5)) continue;
    log.add('event_registered', registeredAt, { asset: e[locale], campaign: e[locale] });
    if (rng.chance(0.55)) {
      log.add('event_attended', day + rng.int(0, 420) * MINUTE, {
        asset: e[locale], campaign: e[locale], interesting: true,
      });
    }
  }
  const from = Math.max(p.createdAt, p.windowStart);
  const chat = { blazing: 0.8, hot: 0.35, warm: 0.1, cool: 0.02, cold: 0 }[level];
  if (rng.chance(chat)) {
    log.add('chat', localDaytime(rng, sampleTime(rng, from, anchor, level), locale), {
      asset: CHAT_DIALOGUES[locale], url: pageUrl(`/${locale}/pricing`), interesting: true,
    });
  }
  if (rng.chance(0.3)) {
    const clicks = rng.int(1, 3);
    for (let i = 0; i < clicks; i++) {
      const path = rng.pick(['/product/lead-scoring', '/pricing', '/']);
      log.add('ad_click', localDaytime(rng, sampleTime(rng, from, anchor, level), locale), {
        asset: AD_CAMPAIGNS[locale],
        campaign: AD_CAMPAIGNS[locale],
        url: pageUrl(`/${locale}${path}`, 'utm_source=google&utm_medium=cpc&utm_campaign=lead-management'),
      });
    }
  }
  if (rng.chance(0.08)) {
    log.add('social', localDaytime(rng, sampleTime(rng, from, anchor, level), locale), {
      asset: 'LinkedIn', url: pageUrl(`/${locale}/blog/${locale === 'ja' ? 'mql-definition' : 'mql-vs-sql'}`, 'utm_source=linkedin&utm_medium=social'),
    });
  }
}

/** A person's marketing engagement over their window (the year; 120 days for a featured story), drawn at random to the person's level. */
export function generateEngagement(p: EngagementPlan): void {
  if (p.createdAt >= p.windowStart) {
    p.log.add('other', p.createdAt, { asset: p.locale === 'ja' ? '新規リード作成' : 'New lead created' });
  }
  if (p.mailingList !== false) addEmailProgram(p);
  addWebSessions(p);
  addProgramsAndChannels(p);
}
