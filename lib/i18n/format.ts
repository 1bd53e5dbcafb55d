import type { Locale } from './locale';

/**
 * Dates, durations and numbers per locale, with Intl only. Times are shown in the team calendar's IANA zone
 * (the SLA is agreed in that zone), falling back to the browser's zone when none is given.
 * Intl formatters are costly to build and the countdown renders every second, so they are cached.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: Locale, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/**
 * True when times in `timeZone` would read differently from the browser's own clock: then date-times carry
 * the zone ("GMT+9"), so a colleague abroad never mistakes a Tokyo deadline for a local one.
 */
export function differsFromBrowserZone(timeZone: string | undefined): boolean {
  if (!timeZone) return false;
  return new Intl.DateTimeFormat().resolvedOptions().timeZone !== timeZone;
}

/**
 * Builds the first formatters while the panel's scripts still load (entrypoints/panel-warm-up.ts): ICU's
 * first use in a page (its locale data, the host's zone) took a third of a second of the panel's first render on
 * a busy machine, and the main thread is idle while the scripts download and compile.
 */
export function warmIntl(now: number): void {
  differsFromBrowserZone('UTC');
  for (const locale of ['ja', 'en'] as const) {
    formatDateTime(locale, now);
    formatNumber(locale, 0);
  }
}

/** 2026/11/25 14:05 · Nov 25, 2026, 2:05 PM */
export function formatDateTime(locale: Locale, ms: number, timeZone?: string, withZone = false): string {
  return dateTimeFormat(locale, timeZone, {
    year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
    ...(withZone ? { timeZoneName: 'short' } : {}),
  }).format(ms);
}

/** 11月25日(水) 14:05 · Wed, Nov 25, 2:05 PM: for due times and "paused until", where the weekday matters. */
export function formatWeekdayTime(locale: Locale, ms: number, timeZone?: string, withZone = false): string {
  return dateTimeFormat(locale, timeZone, {
    weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit',
    ...(withZone ? { timeZoneName: 'short' } : {}),
  }).format(ms);
}

/** 14:05 · 2:05 PM */
export function formatTime(locale: Locale, ms: number, timeZone?: string): string {
  return dateTimeFormat(locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** 2026年11月25日(水) · Wednesday, November 25, 2026: the timeline's day headings. */
export function formatDay(locale: Locale, ms: number, timeZone?: string): string {
  return dateTimeFormat(locale, timeZone, { weekday: locale === 'ja' ? 'short' : 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(ms);
}

/** 2026/11/25 · Nov 25, 2026 */
export function formatDate(locale: Locale, ms: number, timeZone?: string): string {
  return dateTimeFormat(locale, timeZone, { year: 'numeric', month: 'short', day: 'numeric' }).format(ms);
}

/** 11月25日 · Nov 25: a day on a chart's time axis, the year said by the page's period. */
export function formatMonthDay(locale: Locale, ms: number, timeZone?: string): string {
  return dateTimeFormat(locale, timeZone, { month: 'short', day: 'numeric' }).format(ms);
}

/** A stable key for grouping instants by calendar day in a zone: 2026-11-25. */
export function dayKey(ms: number, timeZone?: string): string {
  const parts = dateTimeFormat('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * Business minutes as people say them: 1時間20分 / 1 h 20 min; days are not used because business days
 * have varying lengths (lunch breaks, half days), so hours stay honest.
 */
export function formatDuration(locale: Locale, minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const hs = formatNumber(locale, h);
  if (locale === 'ja') {
    if (h === 0) return `${m}分`;
    return m === 0 ? `${hs}時間` : `${hs}時間${m}分`;
  }
  if (h === 0) return `${m} min`;
  return m === 0 ? `${hs} h` : `${hs} h ${m} min`;
}

/** Seconds matter only in the last minutes of an SLA, so the countdown shows mm:ss under an hour. */
export function formatCountdown(locale: Locale, seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  if (total >= 3600) return formatDuration(locale, Math.floor(total / 60));
  const m = Math.floor(total / 60);
  const s = String(total % 60).padStart(2, '0');
  return locale === 'ja' ? `${m}分${s}秒` : `${m} min ${s} s`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-US', options);
    numberFormats.set(key, f);
  }
  return f;
}

export function formatNumber(locale: Locale, n: number, maximumFractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits }).format(n);
}

/** Signed points: +12 / −3, for score contributions and the 7-day trend. */
export function formatSigned(locale: Locale, n: number): string {
  return numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(n);
}

/** ¥1,200,000 / $12,000.00; an unknown or malformed currency code falls back to the plain number and the code. */
export function formatMoney(locale: Locale, amount: number, currency: string | undefined): string {
  if (!currency) return formatNumber(locale, amount, 2);
  try {
    return numberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${formatNumber(locale, amount, 2)} ${currency}`;
  }
}
