import { LayoutDashboard } from 'lucide-react';
import { useI18n } from '../i18n/i18n-context';
import { openExtensionPage } from '../panel/panel-states';
import { Icon } from '../ui/icon';

/** Opens the team page in a tab. Light on purpose: the panel imports it, and the charts stay in the page's own bundle. */
export function OpenTeamPageButton({ className = 'link small' }: { className?: string }) {
  const { t } = useI18n();
  return (
    <button type="button" className={className} onClick={() => openExtensionPage('/team.html')}>
      <Icon icon={LayoutDashboard} /> {t('teamPage.open')}
    </button>
  );
}
