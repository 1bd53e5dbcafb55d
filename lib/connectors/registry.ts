import type { RecordRef, SystemId } from '../domain/model';
import { VENDORS } from '../domain/vendors';
import { ConnectorError, type Connector } from './connector';
import type { CrossSystemPartner } from './cross-system/enrich-context';
import { browserLocalStore } from './local-store';

/**
 * The connector for each system, made once per page or worker. Vendor connectors are loaded on first use
 * (dynamic import), so the panel paints a cached record before any connector's code is parsed.
 */
export function vendorLabel(system: SystemId): string {
  return VENDORS[system].label;
}

type Factory = () => Promise<Connector>;

/** A system Baton recognizes on the page but cannot read yet: the panel says so and what to do. */
function notYetConnectable(system: SystemId): Connector {
  const error = () =>
    new ConnectorError({
      vendor: system,
      kind: 'not-connected',
      code: 'NOT_SUPPORTED_YET',
      message: `${VENDORS[system].label} records are recognized, but reading them is not available yet. Connect Salesforce, HubSpot or Marketo in Baton's options, or try the demo.`,
    });
  return {
    system,
    fetchContext: () => Promise.reject(error()),
    deliverFeedback: () => Promise.reject(error()),
  };
}

const factories: Record<SystemId, Factory> = {
  // Even the demo's generator loads on first use: a panel painting from the cache never needs it.
  demo: async () => (await import('./demo/demo-connector')).createDemoConnector(),
  salesforce: async () => {
    const [{ createSalesforceConnector }, { salesforceBrowserDeps }] = await Promise.all([
      import('./salesforce/connector'),
      import('./salesforce/browser-deps'),
    ]);
    return createSalesforceConnector({ storage: browserLocalStore(), cookies: salesforceBrowserDeps().cookies });
  },
  hubspot: async () => (await import('./hubspot/hubspot-connector')).createHubSpotConnector({ storage: browserLocalStore() }),
  marketo: async () => (await import('./marketo/marketo-connector')).createMarketoConnector({ storage: browserLocalStore() }),
  pardot: async () => notYetConnectable('pardot'),
  dynamics: async () => (await import('./dynamics/dynamics-connector')).createDynamicsConnector({ storage: browserLocalStore() }),
  kintone: async () => (await import('./kintone/kintone-connector')).createKintoneConnector({ storage: browserLocalStore() }),
};

const made = new Map<SystemId, Promise<Connector>>();

export function connectorFor(system: SystemId): Promise<Connector> {
  let connector = made.get(system);
  if (!connector) {
    connector = factories[system]();
    made.set(system, connector);
    connector.catch(() => made.delete(system));
  }
  return connector;
}

type PartnerFactory = () => Promise<CrossSystemPartner | null>;

/** Each factory first checks, from stored settings only (no call), that the system is connected. */
const partnerFactories: Partial<Record<SystemId, PartnerFactory>> = {
  salesforce: async () => {
    const [{ isSalesforceConnected }, { salesforcePartner }] = await Promise.all([import('./salesforce/find-people'), import('./cross-system/partners')]);
    if (!(await isSalesforceConnected(browserLocalStore()))) return null;
    const connector = (await connectorFor('salesforce')) as import('./salesforce/connector').SalesforceConnector;
    return salesforcePartner(connector);
  },
  marketo: async () => {
    const [{ readMarketoSettings }, { marketoPartner }, { marketoInstanceOf }] = await Promise.all([
      import('./marketo/settings'),
      import('./cross-system/partners'),
      import('./marketo/api-hosts'),
    ]);
    const settings = await readMarketoSettings(browserLocalStore());
    if (!settings) return null;
    const connector = (await connectorFor('marketo')) as import('./marketo/marketo-connector').MarketoConnector;
    return marketoPartner(connector, marketoInstanceOf(settings.endpoint));
  },
  hubspot: async () => {
    const [{ isHubSpotConnected }, { hubspotPartner }] = await Promise.all([import('./hubspot/settings'), import('./cross-system/partners')]);
    if (!(await isHubSpotConnected(browserLocalStore()))) return null;
    const connector = (await connectorFor('hubspot')) as import('./hubspot/hubspot-connector').HubSpotConnector;
    return hubspotPartner(connector, hubspotPortal());
  },
  dynamics: async () => {
    const [{ readDynamicsAuth }, { dynamicsPartner }] = await Promise.all([import('./dynamics/auth'), import('./cross-system/partners')]);
    if (!(await readDynamicsAuth(browserLocalStore()))) return null;
    const connector = (await connectorFor('dynamics')) as import('./dynamics/dynamics-connector').DynamicsConnector;
    return dynamicsPartner(connector);
  },
  // By e-mail only: no MA's sync writes kintone record ids.
  kintone: async () => {
    const [{ isKintoneConnected }, { kintonePartner }] = await Promise.all([import('./kintone/settings'), import('./kintone/partner')]);
    if (!(await isKintoneConnected(browserLocalStore()))) return null;
    return kintonePartner((await connectorFor('kintone')) as import('./kintone/kintone-connector').KintoneConnector);
  },
};

let portal: (() => Promise<string>) | null = null;
function hubspotPortal(): () => Promise<string> {
  if (!portal) {
    const made = import('./cross-system/hubspot-portal').then(({ hubspotPortalId }) => hubspotPortalId({ storage: browserLocalStore() }));
    portal = async () => (await made)();
  }
  return portal;
}

/** The connected partners of the record's system, for `enrichAcrossSystems`. Never throws: a broken one is left out. */
export async function partnersFor(ref: RecordRef): Promise<CrossSystemPartner[]> {
  // The other side of the house for a page (`VENDORS[…].partners`): an SFA page is enriched from the MAs, an MA
  // page from the SFAs; HubSpot is both, so it partners Salesforce from either side.
  const systems = VENDORS[ref.system].partners;
  const made = await Promise.all(systems.map((s) => (partnerFactories[s]?.() ?? Promise.resolve(null)).catch(() => null)));
  return made.filter((p): p is CrossSystemPartner => p !== null);
}
