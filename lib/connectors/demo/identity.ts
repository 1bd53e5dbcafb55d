import type { Rng } from './random';
import {
  COMPETITOR_DOMAINS,
  EN_COMPANY_STEMS,
  EN_COUNTRIES,
  EN_FIRST_NAMES,
  EN_LAST_NAMES,
  EN_LINES,
  EN_TITLES,
  FREE_MAIL_DOMAINS,
  JA_COMPANY_STEMS,
  JA_GIVEN_NAMES,
  JA_LINES,
  JA_PREFECTURES,
  JA_SURNAMES,
  JA_TITLES,
  LEAD_SOURCES,
  STUDENT_DOMAINS,
} from './catalog';

export type DemoLocale = 'ja' | 'en';
/** What makes a record special for data quality or fit: most are `normal`. */
export type IdentityKind = 'normal' | 'freemail' | 'student' | 'competitor' | 'missing';

/** Who a demo person is, as the SFA and MA records both show it. Missing values are `undefined`. */
export interface DemoIdentity {
  locale: DemoLocale;
  firstName: string;
  lastName: string;
  /** Display name as the locale writes it: 山田 太郎 / Emily Carter. */
  name: string;
  email?: string;
  company?: string;
  website?: string;
  title?: string;
  industry?: string;
  employees?: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Prefecture, state or city. */
  region: string;
  phone: string;
  leadSource: string;
  kind: IdentityKind;
}

const PREFECTURE_AREA_CODES: Record<string, string> = {
  東京都: '03', 大阪府: '06', 愛知県: '052', 神奈川県: '045', 福岡県: '092', 北海道: '011', 京都府: '075',
  兵庫県: '078', 埼玉県: '048', 広島県: '082', 宮城県: '022', 静岡県: '054',
};

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

function employeesFor(rng: Rng): number {
  const [min, max] = rng.weighted<readonly [number, number]>([
    [[5, 49], 30],
    [[50, 299], 35],
    [[300, 999], 20],
    [[1000, 4999], 12],
    [[5000, 30000], 3],
  ]);
  const n = rng.int(min, max);
  // Companies report rounded head counts.
  return n < 100 ? n : Math.round(n / 10) * 10;
}

function leadSourceFor(rng: Rng): string {
  return rng.weighted(LEAD_SOURCES.map(([v, w]) => [v, w] as const));
}

export function makeJapaneseIdentity(rng: Rng, kind: IdentityKind): DemoIdentity {
  const [last, lastRomaji] = rng.pick(JA_SURNAMES);
  const [first, firstRomaji] = rng.pick(JA_GIVEN_NAMES);
  const [stem, stemRomaji] = rng.pick(JA_COMPANY_STEMS);
  const line = rng.pick(JA_LINES);
  const domain = `${stemRomaji}-${line.romaji}.co.jp`;
  // Both placements of 株式会社 are common (前株 / 後株).
  const company = rng.chance(0.6) ? `株式会社${stem}${line.suffix}` : `${stem}${line.suffix}株式会社`;
  const region = rng.weighted(JA_PREFECTURES.map(([p, w]) => [p, w] as const));
  const identity: DemoIdentity = {
    locale: 'ja',
    firstName: first,
    lastName: last,
    name: `${last} ${first}`,
    email: `${firstRomaji}.${lastRomaji}@${domain}`,
    company,
    website: `https://www.${domain}`,
    title: rng.pick(JA_TITLES)[0],
    industry: line.industry,
    employees: employeesFor(rng),
    country: 'JP',
    region,
    phone: `${PREFECTURE_AREA_CODES[region] ?? '03'}-${digits(rng, 4)}-${digits(rng, 4)}`,
    leadSource: leadSourceFor(rng),
    kind,
  };
  return applyKind(rng, identity, kind, `${firstRomaji}.${lastRomaji}`);
}

export function makeEnglishIdentity(rng: Rng, kind: IdentityKind): DemoIdentity {
  const first = rng.pick(EN_FIRST_NAMES);
  const last = rng.pick(EN_LAST_NAMES);
  const place = rng.weighted(EN_COUNTRIES.map((c) => [c, c.weight] as const));
  const stem = rng.pick(EN_COMPANY_STEMS);
  const line = rng.pick(EN_LINES);
  const domain = `${stem}${line.suffix}`.toLowerCase() + `.${place.tld}`;
  const local = `${first}.${last}`.toLowerCase().replace(/\s+/g, '');
  // Fictional numbers: 555-01xx (US), Ofcom's 020 7946 0xxx drama range (UK).
  const phone =
    place.country === 'US'
      ? `+1 (555) 01${digits(rng, 2)}`
      : place.country === 'GB'
        ? `+44 20 7946 0${digits(rng, 3)}`
        : `+65 6${digits(rng, 3)} ${digits(rng, 4)}`;
  const identity: DemoIdentity = {
    locale: 'en',
    firstName: first,
    lastName: last,
    name: `${first} ${last}`,
    email: `${local}@${domain}`,
    company: `${stem} ${line.suffix} ${place.legal}`,
    website: `https://www.${domain}`,
    title: rng.pick(EN_TITLES)[0],
    industry: line.industry,
    employees: employeesFor(rng),
    country: place.country,
    region: rng.pick(place.regions),
    phone,
    leadSource: leadSourceFor(rng),
    kind,
  };
  return applyKind(rng, identity, kind, local);
}

function applyKind(rng: Rng, identity: DemoIdentity, kind: IdentityKind, local: string): DemoIdentity {
  const ja = identity.locale === 'ja';
  switch (kind) {
    case 'freemail': {
      const domain = ja ? rng.pick(FREE_MAIL_DOMAINS) : 'gmail.com';
      return { ...identity, email: `${local}${rng.int(1, 99)}@${domain}` };
    }
    case 'student': {
      const domain = ja ? rng.pick(STUDENT_DOMAINS.slice(0, 2)) : (STUDENT_DOMAINS[2] as string);
      return {
        ...identity,
        email: `${local}@${domain}`,
        company: ja ? (domain.startsWith('st.') ? '桜台大学' : '関東学院大学') : 'Harborview College',
        website: undefined,
        title: ja ? '学生' : 'Student',
        industry: ja ? '教育・学習支援業' : 'Education',
        employees: undefined,
        leadSource: 'Web',
      };
    }
    case 'competitor': {
      const domain = rng.pick(COMPETITOR_DOMAINS);
      return {
        ...identity,
        email: `${local}@${domain}`,
        company: domain.startsWith('rival') ? (ja ? 'ライバルSFA株式会社' : 'RivalSFA Inc.') : 'LeadCompass Inc.',
        website: `https://www.${domain}`,
        industry: ja ? '情報通信業' : 'Software',
        leadSource: 'Web',
      };
    }
    case 'missing': {
      // Form fills with a field skipped and list imports with blanks: the MQL criteria require company,
      // email and title, so the panel must say which one is missing.
      const field = rng.pick(['company', 'title', 'email'] as const);
      if (field === 'company') return { ...identity, company: undefined, website: undefined };
      if (field === 'title') return { ...identity, title: undefined };
      return { ...identity, email: undefined };
    }
    case 'normal':
      return identity;
  }
}
