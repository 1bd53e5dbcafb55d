import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { useSaveSettings, useSettings } from '../../lib/queries/use-settings';
import { useI18n } from '../i18n/i18n-context';
import { Card } from '../ui/card';

/** Asked inside the click: browsers grant optional permissions only from a user gesture. */
function requestNotifications(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['notifications'] });
}

/** Queue alerts: off until turned on here, which asks for the notifications permission then. */
export function AlertsSection({ request = requestNotifications }: { request?: () => Promise<boolean> }) {
  const { t } = useI18n();
  const settings = useSettings();
  const save = useSaveSettings();
  const [denied, setDenied] = useState(false);
  const ids = { on: useId(), afterHours: useId() };

  const toggle = async (on: boolean) => {
    setDenied(false);
    if (on && !(await request().catch(() => false))) {
      setDenied(true);
      return;
    }
    await save({ queueAlerts: on });
    // The worker judges the queue at once: what is due now becomes the starting point, so the next change alerts.
    browser.runtime.sendMessage({ type: 'baton/queue-changed' }).catch(() => undefined);
  };

  return (
    <Card title={t('opt.alerts')}>
      <p className="small muted">{t('opt.alerts.hint')}</p>
      <div className="field">
        <input id={ids.on} type="checkbox" checked={settings.queueAlerts} onChange={(e) => void toggle(e.target.checked)} />
        <label htmlFor={ids.on}>{t('opt.alerts.on')}</label>
      </div>
      <div className="field">
        <input
          id={ids.afterHours}
          type="checkbox"
          disabled={!settings.queueAlerts}
          checked={settings.queueAlertsAfterHours}
          onChange={(e) => void save({ queueAlertsAfterHours: e.target.checked })}
        />
        <label htmlFor={ids.afterHours}>{t('opt.alerts.afterHours')}</label>
      </div>
      {denied && (
        <p className="small error-text" role="alert">
          {t('opt.alerts.denied')}
        </p>
      )}
    </Card>
  );
}
