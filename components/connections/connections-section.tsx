import { useMemo } from 'react';
import { connectionDeps } from '../app/extension-deps';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';
import { DynamicsConnection } from './dynamics-connection';
import { HubSpotConnection } from './hubspot-connection';
import { KintoneConnection } from './kintone-connection';
import { MarketoConnection } from './marketo-connection';
import { SalesforceConnection } from './salesforce-connection';

/**
 * The vendor connection cards, one per connector (components/connections/<vendor>-connection.tsx, written
 * by the connector engineers). Each card owns its own form, secrets handling and status; this section only
 * lays them out, SFA first, then the MA.
 */
export function ConnectionsSection() {
  const { t } = useI18n();
  const { salesforce: salesforceDeps, storage } = useMemo(connectionDeps, []);
  return (
    <Card title={t('opt.connections')} className="connections">
      <div className="stack">
        <SalesforceConnection deps={salesforceDeps} />
        <DynamicsConnection storage={storage} identity={salesforceDeps.identity} />
        <HubSpotConnection storage={storage} />
        <MarketoConnection storage={storage} />
        <KintoneConnection storage={storage} identity={salesforceDeps.identity} />
      </div>
    </Card>
  );
}
