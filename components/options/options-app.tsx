import { ConnectionsSection } from '../connections/connections-section';
import { useI18n } from '../i18n/i18n-context';
import { openExtensionPage } from '../panel/panel-states';
import { OpenTeamPageButton } from '../team/open-team-page-button';
import { Card } from '../ui/card';
import { CardBoundary } from '../ui/card-boundary';
import { CustomerHostsSection } from './customer-hosts-section';
import { DefinitionsSection } from './definitions-section';
import { GeneralSection } from './general-section';
import { TeamDataSection } from './team-data-section';
import { WorkshopSection } from './workshop/workshop-section';
import { WhoAmISection } from './who-am-i-section';
import { AlertsSection } from './alerts-section';

/** The options page: language and role, freshness and cache, the shared definitions, the demo, connections. */
export function OptionsApp({ definitionsProps }: { definitionsProps?: Parameters<typeof DefinitionsSection>[0] }) {
  const { t } = useI18n();
  return (
    <main className="options">
      <h1>{t('opt.title')}</h1>
      <GeneralSection />
      <DefinitionsSection {...definitionsProps} />
      <CardBoundary label={t('ws.title')}>
        <WorkshopSection />
      </CardBoundary>
      <Card title={t('opt.demo')}>
        <p className="small muted">{t('opt.demoHint')}</p>
        <div className="row">
          <button type="button" onClick={() => openExtensionPage('/demo-sfa.html')}>
            {t('opt.demoSfa')}
          </button>
          <button type="button" onClick={() => openExtensionPage('/demo-ma.html')}>
            {t('opt.demoMa')}
          </button>
        </div>
      </Card>
      <Card title={t('teamPage.title')}>
        <p className="small muted">{t('teamPage.openHint')}</p>
        <OpenTeamPageButton className="" />
      </Card>
      <TeamDataSection />
      <CardBoundary label={t('me.title')}>
        <WhoAmISection />
      </CardBoundary>
      <CardBoundary label={t('opt.alerts')}>
        <AlertsSection />
      </CardBoundary>
      <ConnectionsSection />
      <CardBoundary label={t('hosts.title')}>
        <CustomerHostsSection />
      </CardBoundary>
    </main>
  );
}
