import { defineConfig } from 'wxt';
import { CONTENT_SCRIPT_MATCHES, OPTIONAL_HOST_PERMISSIONS } from './lib/sites/hosts';
import { API_HOST_PERMISSIONS } from './lib/connectors/api-hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => {
    const firefox = browser === 'firefox';
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // Least privilege: storage (settings, tokens, tab→record map), alarms (outbox delivery survives
      // service-worker suspension), identity (OAuth web-auth flow), sidePanel on Chrome only.
      permissions: ['storage', 'alarms', 'identity', ...(firefox ? [] : ['sidePanel'])],
      host_permissions: [...API_HOST_PERMISSIONS],
      optional_host_permissions: OPTIONAL_HOST_PERMISSIONS,
      action: { default_title: '__MSG_actionTitle__' },
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
      void CONTENT_SCRIPT_MATCHES;
    },
  },
  vite: () => ({
    build: {
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
