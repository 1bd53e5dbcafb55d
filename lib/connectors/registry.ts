import type { SystemId } from '../domain/model';
import { ConnectorError, type Connector } from './connector';
import { createDemoConnector } from './demo/demo-connector';
import { browserLocalStore } from './local-store';

/**
 * The connector for each system, made once per page or worker. Vendor connectors are loaded on first use
 * (dynamic import), so opening the panel on the demo does not parse every vendor's schemas.
 */
const VENDOR_LABEL: Record<SystemId, string> = {
  salesforce: 'Salesforce',
  hubspot: 'HubSpot',
  marketo: 'Marketo Engage',
  pardot: 'Account Engagement',
  dynamics: 'Dynamics 365',
  kintone: 'kintone',
  demo: 'Demo workspace',
};

export function vendorLabel(system: SystemId): string {
  return VENDOR_LABEL[system];
}

type Factory = () => Promise<Connector>;

/** A system Baton recognizes on the page but cannot read yet: the panel says so and what to do. */
function notYetConnectable(system: SystemId): Connector {
  const error = () =>
    new ConnectorError({
      vendor: system,
      kind: 'not-connected',
      code: 'NOT_SUPPORTED_YET',
      message: `${VENDOR_LABEL[system]} records are recognized, but reading them is not available yet. Connect Salesforce, HubSpot or Marketo in Baton's options, or try the demo.`,
    });
  return {
    system,
    fetchContext: () => Promise.reject(error()),
    deliverFeedback: () => Promise.reject(error()),
  };
}

const factories: Record<SystemId, Factory> = {
  demo: async () => createDemoConnector(),
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
  dynamics: async () => notYetConnectable('dynamics'),
  kintone: async () => notYetConnectable('kintone'),
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
