import type { DemoLocale } from '../../lib/connectors/demo/identity';

/** Dates as the vendor UI shows them to a user in Japan (the demo's team calendar is Asia/Tokyo). */
const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const date = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatDateTime(t: number): string {
  return dateTime.format(t);
}

export function formatDate(t: number): string {
  return date.format(t);
}

export function formatAmount(amount: number | null, currency: string | undefined): string {
  if (amount === null) return '—';
  return new Intl.NumberFormat(currency === 'JPY' ? 'ja-JP' : 'en-US', {
    style: 'currency',
    currency: currency ?? 'JPY',
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatCount(n: number | null | undefined, locale: DemoLocale): string {
  return typeof n === 'number' ? n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US') : '—';
}
