import { browser } from 'wxt/browser';

/** The toolbar icon's context-menu item that opens the team page. */
export const TEAM_PAGE_MENU_ID = 'baton-team-page';

interface MenusApi {
  create(properties: { id: string; title: string; contexts: string[] }, callback?: () => void): unknown;
  onClicked: { addListener(cb: (info: { menuItemId: string | number }) => void): void };
}

export interface TeamPageMenuDeps {
  menus: MenusApi | undefined;
  /** MV3 names the toolbar icon's menu context 'action', MV2 (Firefox) 'browser_action'. */
  manifestVersion: number;
  title: string;
  onInstalled: { addListener(cb: () => void): void };
  openTeamPage: () => void;
}

function browserDeps(): TeamPageMenuDeps {
  const api = browser as unknown as { menus?: MenusApi; contextMenus?: MenusApi };
  return {
    // Firefox has both names; Chrome only contextMenus. Both need the "contextMenus" permission (Firefox also
    // accepts it for menus): https://developer.chrome.com/docs/extensions/reference/api/contextMenus
    // https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/menus
    menus: api.menus ?? api.contextMenus,
    manifestVersion: browser.runtime.getManifest().manifest_version,
    title: browser.i18n.getMessage('teamPageMenu') || 'Team dashboard',
    onInstalled: browser.runtime.onInstalled,
    openTeamPage: () => void browser.tabs.create({ url: (browser.runtime.getURL as (p: string) => string)('/team.html') }),
  };
}

/**
 * Right-click on the toolbar icon → "Team dashboard". The item is created once per install/update (menus persist
 * across service-worker restarts; creating it at every wake would throw "duplicate id"), the click listener at every
 * start (listeners do not persist). The left click stays the side panel's.
 */
export function setupTeamPageMenu(deps: TeamPageMenuDeps = browserDeps()): void {
  const { menus } = deps;
  if (!menus) return;
  deps.onInstalled.addListener(() => {
    menus.create({ id: TEAM_PAGE_MENU_ID, title: deps.title, contexts: [deps.manifestVersion === 2 ? 'browser_action' : 'action'] }, () => {
      // Read lastError so a duplicate id on a reinstall is not reported as unchecked.
      void (browser.runtime as { lastError?: unknown }).lastError;
    });
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === TEAM_PAGE_MENU_ID) deps.openTeamPage();
  });
}
