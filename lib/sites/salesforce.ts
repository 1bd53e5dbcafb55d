import type { RecordRef } from '../domain/model';
import { customerHostSystem } from './customer-hosts';
import { SALESFORCE_HOST, familyForUrl } from './hosts';
import { canonicalSalesforceObject, salesforceObjectForId, toSalesforceId18 } from './salesforce-id';
import type { SiteDetector, UnsupportedPage } from './site-detector';
import { pathSegments } from './url-parts';

/**
 * Salesforce Lightning and Classic record pages.
 *
 * Lightning: /lightning/r/{Object}/{Id}/view|edit|related/… and /lightning/r/{Id}/view.
 * https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_DomainCreator.htm (record URL example)
 * Console apps add `?ws=/lightning/r/…` for the workspace (primary) tab; the path is the tab the user
 * is actually looking at, so the path wins and `ws` is never read.
 * Classic: /{15|18-char id}, /{id}/e (edit); the object comes from the id's key prefix.
 *
 * Instance: the My Domain name, with its sandbox (`acme--uat`) or edition (`acme-dev-ed`) part and without
 * the partition label and the domain suffix. The Lightning host (acme.lightning.force.com) and the
 * login host (acme.my.salesforce.com) of one org then give the same instance, and so do the hosts from
 * before and after enhanced domains (acme--uat.lightning.force.com, acme--uat.sandbox.lightning.force.com).
 * A My Domain name is unique across Salesforce, so it identifies the org without an API call.
 */

const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;
const RECORD_ACTIONS = new Set(['view', 'edit', 'related', 'clone']);

/** On a customer host (Government Cloud, a Defender for Cloud Apps proxy: acme.lightning.force.com.mcas.ms) the
 * My Domain name is the first label, as on the standard hosts; the connector still checks it against the org. */
function instanceOf(hostname: string): string | null {
  const standard = SALESFORCE_HOST.exec(hostname)?.[1];
  if (standard) return standard;
  return customerHostSystem(hostname) === 'salesforce' ? (hostname.split('.')[0] ?? null) : null;
}

function ref(instance: string, object: string, id: string): RecordRef {
  return { system: 'salesforce', instance, object, id };
}

function lightningRecord(instance: string, rest: string[]): RecordRef | null {
  // rest = segments after /lightning/r/
  const [first, second, third] = rest;
  if (first === undefined) return null;
  // /lightning/r/{Id}/view: no object in the path.
  const bareId = toSalesforceId18(first);
  if (bareId && (second === undefined || RECORD_ACTIONS.has(second))) {
    const object = salesforceObjectForId(bareId);
    return object ? ref(instance, object, bareId) : null;
  }
  if (!OBJECT_NAME.test(first) || second === undefined) return null;
  const id = toSalesforceId18(second);
  if (!id) return null;
  if (third !== undefined && !RECORD_ACTIONS.has(third)) return null;
  return ref(instance, canonicalSalesforceObject(first), id);
}

function classicRecord(instance: string, segments: string[]): RecordRef | null {
  const [first, second] = segments;
  if (first === undefined || segments.length > 2) return null;
  if (second !== undefined && second !== 'e') return null;
  const id = toSalesforceId18(first);
  if (!id) return null;
  const object = salesforceObjectForId(id);
  return object ? ref(instance, object, id) : null;
}

/** The old Lightning (one.app) address kept the record in the fragment: /one/one.app#/sObject/{Id}/view. */
function oneAppRecord(instance: string, url: URL): RecordRef | null {
  const m = /^#\/sObject\/([A-Za-z0-9]{15,18})(?:\/(?:view|edit))?\/?$/.exec(url.hash);
  const id = m?.[1] ? toSalesforceId18(m[1]) : null;
  const object = id ? salesforceObjectForId(id) : undefined;
  return id && object ? ref(instance, object, id) : null;
}

function owns(url: URL): boolean {
  return familyForUrl(url)?.system === 'salesforce';
}

function detect(url: URL): RecordRef | null {
  if (!owns(url)) return null;
  const instance = instanceOf(url.hostname);
  const segments = pathSegments(url);
  if (!instance || !segments) return null;
  if (segments[0] === 'lightning') return segments[1] === 'r' ? lightningRecord(instance, segments.slice(2)) : null;
  if (segments[0] === 'one' && segments[1] === 'one.app') return oneAppRecord(instance, url);
  return classicRecord(instance, segments);
}

function describe(url: URL): UnsupportedPage | undefined {
  // A path that does not decode is no page we know, not the home page an empty path would be.
  const s = pathSegments(url);
  if (!s) return undefined;
  const [a, b, c, d] = s;
  if (a === undefined) return 'salesforce-home';
  if (a === 'lightning') {
    if (b === undefined || (b === 'page' && c === 'home')) return 'salesforce-home';
    if (b === 'setup') return 'salesforce-setup';
    // /lightning/o/Lead/list?filterName=…, /lightning/o/Lead/home (the object's home is a list view)
    if (b === 'o' && c !== undefined && (d === 'list' || d === 'home' || d === undefined)) return 'salesforce-list';
    return undefined;
  }
  if (a === 'home' && b === 'home.jsp') return 'salesforce-home';
  if (a === 'one' && b === 'one.app') return 'salesforce-home';
  if (a === 'setup' || (a === 'ui' && b === 'setup')) return 'salesforce-setup';
  // Classic tabs and list views: /00Q/o, /003?fcf=…
  if (/^[A-Za-z0-9]{3}$/.test(a) && (b === undefined || b === 'o') && salesforceObjectForId(a)) return 'salesforce-list';
  return undefined;
}

const PERSON_OBJECTS: readonly string[] = ['Lead', 'Contact'];

export const salesforceDetector: SiteDetector = { system: 'salesforce', detect, owns, describe, isPerson: (object) => PERSON_OBJECTS.includes(object) };
