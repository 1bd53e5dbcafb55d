import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppI18nProvider } from '../../components/i18n/app-i18n-provider';
import { AlertsSection } from '../../components/options/alerts-section';
import { BatonDepsContext } from '../../lib/queries/baton-deps';
import { readSettings } from '../../lib/store/settings';
import { en } from './render-with-i18n';
import { freshDb } from './panel-harness';

function renderAlerts(request: () => Promise<boolean>) {
  const db = freshDb();
  render(
    <BatonDepsContext.Provider value={{ db, connectorFor: async () => Promise.reject(new Error('unused')) }}>
      <QueryClientProvider client={new QueryClient()}>
        <AppI18nProvider languages={['en']}>
          <AlertsSection request={request} />
        </AppI18nProvider>
      </QueryClientProvider>
    </BatonDepsContext.Provider>,
  );
  return db;
}

describe('alerts in options', () => {
  it('are off by default; turning them on asks for notifications and saves only when granted', async () => {
    const user = userEvent.setup();
    const request = vi.fn(async () => false);
    const db = renderAlerts(request);
    const box = await screen.findByRole('checkbox', { name: en('opt.alerts.on') });
    expect(box).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: en('opt.alerts.afterHours') })).toBeDisabled();
    await user.click(box);
    expect(request).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('alert')).toHaveTextContent(en('opt.alerts.denied'));
    expect((await readSettings(db)).queueAlerts).toBe(false);

    request.mockResolvedValue(true);
    await user.click(box);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: en('opt.alerts.on') })).toBeChecked());
    expect((await readSettings(db)).queueAlerts).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: en('opt.alerts.afterHours') }));
    await waitFor(async () => expect((await readSettings(db)).queueAlertsAfterHours).toBe(true));
  });
});
