import type { MessageKey } from './messages-ja';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
/** One language's messages: every key of the Japanese catalog (tsc holds the English one to the same keys). */
export type Catalog = Record<MessageKey, string>;

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

/** A translator over one catalog (the panel's first paint loads only the catalog of its language). */
export function translatorOf(catalog: Catalog): Translate {
  return (key, params) => interpolate(catalog[key], params);
}
