import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

interface PanelApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * "Open the Baton panel" on the demo pages, for people who have not found the toolbar icon yet. Both APIs only
 * work inside the click's user gesture, so nothing may be awaited before calling them: the tab id is looked
 * up when the page loads, not on click.
 * https://developer.chrome.com/docs/extensions/reference/api/sidePanel#method-open
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/open
 */
export function OpenPanelButton() {
  const apis = browser as unknown as PanelApis;
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    if (!apis.sidePanel) return;
    browser.tabs
      .getCurrent()
      .then((tab) => setTabId(tab?.id ?? null))
      .catch(() => setTabId(null));
  }, [apis.sidePanel]);
  const open = () => {
    if (apis.sidePanel && tabId !== null) apis.sidePanel.open({ tabId }).catch(() => undefined);
    else if (apis.sidebarAction) apis.sidebarAction.open().catch(() => undefined);
  };
  if (!(apis.sidePanel && tabId !== null) && !apis.sidebarAction) return null;
  return (
    <button type="button" className="demo-open-panel" data-baton-open-panel onClick={open}>
      <span lang="ja">Baton パネルを開く</span> / <span lang="en">Open the Baton panel</span>
    </button>
  );
}
