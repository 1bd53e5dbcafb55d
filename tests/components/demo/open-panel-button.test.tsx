import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { OpenPanelButton } from '../../../components/demo/open-panel-button';

type WithPanel = { sidePanel?: { open: (o: { tabId: number }) => Promise<void> }; sidebarAction?: unknown };

describe('Open the Baton panel (demo pages)', () => {
  let sidebarAction: unknown;
  beforeEach(() => {
    fakeBrowser.reset();
    const apis = browser as unknown as WithPanel;
    sidebarAction = apis.sidebarAction;
    delete apis.sidePanel;
    delete apis.sidebarAction;
  });
  afterEach(() => {
    (browser as unknown as WithPanel).sidebarAction = sidebarAction;
    vi.restoreAllMocks();
  });

  it('opens Chrome side panel for this tab, synchronously inside the click', async () => {
    const user = userEvent.setup();
    const open = vi.fn((_o: { tabId: number }) => Promise.resolve());
    (browser as unknown as WithPanel).sidePanel = { open };
    vi.spyOn(browser.tabs, 'getCurrent').mockResolvedValue({ id: 42 } as never);
    render(<OpenPanelButton />);
    await user.click(await screen.findByRole('button', { name: /Open the Baton panel/ }));
    expect(open).toHaveBeenCalledWith({ tabId: 42 });
  });

  it('opens Firefox sidebar inside the click', async () => {
    const user = userEvent.setup();
    const open = vi.fn(() => Promise.resolve());
    (browser as unknown as WithPanel).sidebarAction = { open };
    render(<OpenPanelButton />);
    await user.click(screen.getByRole('button', { name: /Open the Baton panel/ }));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('is not offered where the browser has no panel API', () => {
    render(<OpenPanelButton />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
