import { browser } from 'wxt/browser';

interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface SidebarActionApi {
  toggle(): Promise<void>;
}
interface ActionApi {
  onClicked: { addListener(cb: () => void): void };
}

/**
 * The toolbar icon opens Baton: Chrome's side panel opens itself on click when told to (no gesture juggling),
 * Firefox's sidebar is toggled from the click handler (sidebarAction.toggle must run inside the gesture).
 * https://developer.chrome.com/docs/extensions/reference/api/sidePanel#open-action-icon-click
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/toggle
 */
export function setupToolbarAction(): void {
  const api = browser as unknown as {
    sidePanel?: SidePanelApi;
    sidebarAction?: SidebarActionApi;
    action?: ActionApi;
    browserAction?: ActionApi;
  };
  if (api.sidePanel) {
    api.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
    return;
  }
  const action = api.action ?? api.browserAction;
  const sidebar = api.sidebarAction;
  if (action && sidebar) action.onClicked.addListener(() => void sidebar.toggle());
}
