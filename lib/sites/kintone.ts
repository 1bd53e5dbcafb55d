import type { RecordRef } from '../domain/model';
import { familyForUrl } from './hosts';
import type { SiteDetector, UnsupportedPage } from './site-detector';
import { DIGITS, hashParams, pathSegments } from './url-parts';

/**
 * kintone record detail pages:
 *   https://{sub}.cybozu.com/k/{appId}/show#record={recordId}[&l.view=…&l.q&…]
 *   https://{sub}.cybozu.com/k/guest/{spaceId}/{appId}/show#record={recordId}        (guest spaces)
 *   https://{sub}.cybozu.com/k/m/{appId}/show?record={recordId}                      (mobile view, as the app
 *                                                                                    writes it; undocumented)
 * Record URLs carry "show#record={record number}":
 * https://get.kintone.help/k/ja/user/app_settings/form/form_parts/record_number.html
 * Guest-space apps are read through /k/guest/{spaceId}/v1/…, so the space id travels with the ref:
 * https://cybozu.dev/ja/kintone/docs/rest-api/records/get-record/
 *
 * Instance: the kintone host ({sub}.cybozu.com). Object: `app:{appId}`, or `guest:{spaceId}:app:{appId}`
 * for a guest-space app (read it back with `parseKintoneObject`). kintone apps have no type, so which app
 * holds leads is the connector's setting, not the URL's.
 */

export function kintoneObject(appId: string, guestSpaceId?: string): string {
  return guestSpaceId ? `guest:${guestSpaceId}:app:${appId}` : `app:${appId}`;
}

export function parseKintoneObject(object: string): { appId: string; guestSpaceId?: string } | null {
  const m = /^(?:guest:([0-9]+):)?app:([0-9]+)$/.exec(object);
  if (!m?.[2]) return null;
  return m[1] ? { appId: m[2], guestSpaceId: m[1] } : { appId: m[2] };
}

/** The app (and guest space) a /k/… path names, and what follows it. */
function appPath(url: URL): { appId: string; guestSpaceId?: string; rest: string[] } | null {
  const s = pathSegments(url) ?? [];
  if (s[0] !== 'k') return null;
  let i = 1;
  let guestSpaceId: string | undefined;
  // The mobile view inserts `m` before or after the guest-space part; accept it once, in either place.
  let mobile = false;
  const skipMobile = () => {
    if (!mobile && s[i] === 'm') {
      mobile = true;
      i += 1;
    }
  };
  skipMobile();
  if (s[i] === 'guest') {
    guestSpaceId = s[i + 1];
    if (guestSpaceId === undefined || !DIGITS.test(guestSpaceId)) return null;
    i += 2;
  }
  skipMobile();
  const appId = s[i];
  if (appId === undefined || !DIGITS.test(appId)) return null;
  return { appId, guestSpaceId, rest: s.slice(i + 1) };
}

function owns(url: URL): boolean {
  return familyForUrl(url)?.system === 'kintone';
}

function detect(url: URL): RecordRef | null {
  if (!owns(url)) return null;
  const app = appPath(url);
  if (!app || app.rest.length !== 1 || app.rest[0] !== 'show') return null;
  const id = hashParams(url).get('record') ?? url.searchParams.get('record');
  if (id === null || !DIGITS.test(id)) return null;
  return { system: 'kintone', instance: url.hostname, object: kintoneObject(app.appId, app.guestSpaceId), id };
}

function describe(url: URL): UnsupportedPage | undefined {
  const app = appPath(url);
  return app && app.rest.length === 0 ? 'kintone-list' : undefined;
}

/** kintone apps carry no type in the URL: any app record counts, and the kintone connector answers only for the
 * app configured as the lead list. */
export const kintoneDetector: SiteDetector = { system: 'kintone', detect, owns, describe, isPerson: (object) => parseKintoneObject(object) !== null };
