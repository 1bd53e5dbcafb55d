// Checks the two production manifests for what the README promises: Chrome's native side panel, Firefox's
// sidebar, and no blanket host access.
import { existsSync, readFileSync } from 'node:fs';

const failures = [];
const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
const chrome = read('.output/chrome-mv3/manifest.json');
const firefox = read('.output/firefox-mv2/manifest.json');

if (!chrome.side_panel?.default_path) failures.push('chrome-mv3: no side_panel');
if (!chrome.permissions?.includes('sidePanel')) failures.push('chrome-mv3: no sidePanel permission');
if (!firefox.sidebar_action?.default_panel) failures.push('firefox-mv2: no sidebar_action');
if (firefox.permissions?.includes('sidePanel')) failures.push('firefox-mv2: sidePanel permission leaked into Firefox');
if (!firefox.browser_specific_settings?.gecko?.id) failures.push('firefox-mv2: no gecko id');
for (const [name, manifest] of [['chrome-mv3', chrome], ['firefox-mv2', firefox]]) {
  const text = JSON.stringify(manifest);
  if (text.includes('<all_urls>')) failures.push(`${name}: <all_urls> present`);
  const granted = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? [])];
  if (granted.some((p) => /^(\*|https?):\/\/\*\/\*$/.test(p))) failures.push(`${name}: blanket host permission granted up front`);
  // The stores refuse a package without icons; the toolbar shows a puzzle piece without one.
  const action = manifest.action ?? manifest.browser_action;
  for (const size of ['16', '32', '48', '96', '128']) {
    const path = manifest.icons?.[size];
    if (!path || !existsSync(`.output/${name}/${path}`)) failures.push(`${name}: no ${size} px icon`);
  }
  if (!action?.default_icon?.['16']) failures.push(`${name}: the toolbar button has no icon`);
  // Customer hosts register this file at run time (lib/messaging/customer-hosts.ts CONTENT_SCRIPT_FILE).
  if (!existsSync(`.output/${name}/content-scripts/content.js`)) failures.push(`${name}: no content-scripts/content.js for customer hosts`);
  if (manifest.permissions?.includes('scripting')) failures.push(`${name}: scripting granted up front (it is asked when a customer host is added)`);
  if (!manifest.optional_permissions?.includes('scripting')) failures.push(`${name}: scripting is not an optional permission`);
}

if (failures.length) {
  console.error(`Manifest check failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('manifests: chrome-mv3 side_panel ✓, firefox-mv2 sidebar_action ✓, icons ✓, no <all_urls> ✓');
