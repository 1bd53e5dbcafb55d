import { readdirSync } from 'node:fs';
import { defineConfig } from 'wxt';
import { OPTIONAL_HOST_PERMISSIONS } from './lib/sites/hosts';
import { API_HOST_PERMISSIONS } from './lib/connectors/api-hosts';
import { SESSION_FALLBACK_PERMISSIONS } from './lib/connectors/salesforce/session-fallback';
import { catalogBuild } from './scripts/catalog-build';

// `scripting` only when an admin adds a customer host (lib/messaging/customer-hosts.ts); `notifications` when the
// person turns queue alerts on in options (issue 12). Neither is asked at install.
const OPTIONAL_PERMISSIONS = [...SESSION_FALLBACK_PERMISSIONS.permissions, 'scripting', 'notifications'];

// Every size the manifests and the stores ask for; made by scripts/make-icons.ts from a lucide glyph.
const ICON_SIZES = [16, 32, 48, 96, 128] as const;
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));

// The benchmark pages (entrypoints/bench*: the store bench, the bare React yardstick) ship only in bench builds
// (`npm run bench`), into their own output folder.
const benchBuild = process.env.BATON_BENCH_PAGE === '1';
const shippedEntrypoints = readdirSync('entrypoints')
  .map((name) => name.replace(/\.(ts|tsx|html)$/, ''))
  .filter((name) => !name.startsWith('bench'));

// See https://wxt.dev/api/config.html
export default defineConfig({
  ...(benchBuild ? { outDirTemplate: 'bench-{{browser}}-mv{{manifestVersion}}' } : { filterEntrypoints: shippedEntrypoints }),
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // Least privilege: storage (settings, tokens, tab→record map), alarms (outbox delivery survives
      // service-worker suspension), identity (OAuth web-auth flow), sidePanel on Chrome only; contextMenus for the
      // toolbar icon's "Team dashboard" item (the icon's left click opens the panel, so the page needs another way
      // in; this permission shows no install warning and reads nothing).
      permissions: ['storage', 'alarms', 'identity', 'contextMenus', ...(firefox ? [] : ['sidePanel'])],
      host_permissions: [...API_HOST_PERMISSIONS],
      // MV2 (Firefox) has no optional_host_permissions: optional hosts go in optional_permissions there.
      // `cookies` only when an admin turns on Salesforce's session fallback (off by default).
      ...(firefox
        ? { optional_permissions: [...OPTIONAL_PERMISSIONS, ...OPTIONAL_HOST_PERMISSIONS] }
        : { optional_permissions: OPTIONAL_PERMISSIONS, optional_host_permissions: OPTIONAL_HOST_PERMISSIONS }),
      icons: ICONS,
      action: { default_title: '__MSG_actionTitle__', default_icon: { 16: ICONS[16], 32: ICONS[32] } },
      ...(firefox
        ? { browser_specific_settings: { gecko: { id: 'baton@baton.example', strict_min_version: '115.0' } } }
        : {}),
      storage: { managed_schema: 'managed-schema.json' },
      content_security_policy: {
        extension_pages: "script-src 'self'; object-src 'self'",
      },
    };
  },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      // Firefox MV2 has no managed_schema key; it reads managed storage from a native manifest.
      if (manifest.manifest_version === 2) delete (manifest as { storage?: unknown }).storage;
    },
  },
  vite: () => ({
    plugins: [catalogBuild()],
    build: {
      sourcemap: process.env.BATON_SOURCEMAP === '1',
      rollupOptions: {
        onwarn(warning, warn) {
          // zod 4 ships /* #__PURE__ */ annotations rollup cannot place; harmless.
          if (warning.code === 'INVALID_ANNOTATION') return;
          warn(warning);
        },
      },
    },
  }),
});
