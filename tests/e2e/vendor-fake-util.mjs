// Shared by the HubSpot and Marketo fakes: fixture loading, date shifting, JSON replies, body reading.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const fixture = (vendor, name) => JSON.parse(readFileSync(join(FIXTURES, vendor, name), 'utf8'));

/** The instant the fixtures were written for; `now` shifts every date by the difference. */
export const FIXTURE_NOW = Date.UTC(2026, 10, 25, 3, 0);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
/** Moves ISO date-times and epoch-ms numbers (2017–2033) by `deltaMs`, keeping each one's format. */
export function shiftDates(value, deltaMs) {
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, deltaMs));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, deltaMs)]));
  if (typeof value === 'string' && ISO.test(value)) {
    const iso = new Date(Date.parse(value) + deltaMs).toISOString();
    return value.includes('.') ? iso : iso.replace(/\.\d{3}Z$/, 'Z');
  }
  if (typeof value === 'number' && value > 1.5e12 && value < 2e12) return value + deltaMs;
  return value;
}

export function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(body === undefined ? '' : JSON.stringify(body));
  return true;
}

export function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}
