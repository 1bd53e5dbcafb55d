import type { Locale } from './locale';
import { ja, type MessageKey } from './messages-ja';
import { en } from './messages-en';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { ja, en };

const PLACEHOLDER = /\{(\w+)\}/g;

/** `{name}` placeholders in a message, sorted, for the catalog parity test and for interpolation. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/** Replaces `{name}` by params.name; an unknown placeholder stays visible so a missing value is noticed in review. */
export function interpolate(message: string, params: MessageParams = {}): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function createTranslator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, params) => interpolate(catalog[key], params);
}
