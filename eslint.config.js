import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ABOVE_LIB = { group: ['**/components/**', '**/entrypoints/**'], message: 'lib/ must not import from components/ or entrypoints/.' };
const NO_ENTRYPOINTS = { group: ['**/entrypoints/**'], message: 'components must not import entrypoints.' };
const STORE_AND_CONNECTORS = {
  group: ['**/lib/store/**', '**/lib/connectors/**'],
  message: 'components reach data through hooks in lib/queries; only components/app/extension-deps.ts wires the store and connectors.',
};

/** One layer's forbidden imports (values; `import type` is allowed). */
function zone(files, patterns) {
  return { files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: patterns.map((p) => ({ ...p, allowTypeImports: true })) }] } };
}

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  // Imports point one way: entrypoints → components → lib/queries → lib/connectors, lib/store → lib/domain.
  // Type-only imports may cross (they leave no code behind); values may not. Each zone lists everything it may
  // not reach, because a later block's options replace an earlier block's for the same rule.
  zone(['lib/**/*.{ts,tsx}'], [ABOVE_LIB]),
  zone(['lib/store/**/*.ts', 'lib/connectors/**/*.ts'], [ABOVE_LIB, { group: ['**/queries/**'], message: 'lib/store and lib/connectors sit below lib/queries: never import it.' }]),
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', 'dexie-*', 'react', 'react-*', '@tanstack/*', 'wxt', 'wxt/*', '#imports'], message: 'lib/domain is pure: no browser, Dexie or React.' },
            { group: ['**/components/**', '**/entrypoints/**', '**/store/**', '**/connectors/**', '**/queries/**'], message: 'lib/domain imports nothing above it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'window', 'document', 'indexedDB', 'chrome', 'browser', 'localStorage'],
    },
  },
  zone(['components/**/*.{ts,tsx}'], [NO_ENTRYPOINTS, STORE_AND_CONNECTORS]),
  // The demo's vendor pages (demo-sfa, demo-ma) stand in for Salesforce's and Marketo's own pages: they draw the
  // demo vendor's data set, never Baton's store or a real connector.
  zone(['components/demo/**/*.{ts,tsx}'], [NO_ENTRYPOINTS, { regex: '/lib/store/|/lib/connectors/(?!demo/)', message: STORE_AND_CONNECTORS.message }]),
  // The one wiring module: it hands the store and the connectors to the hooks (BatonDeps) and the connection cards.
  zone(['components/app/extension-deps.ts'], [NO_ENTRYPOINTS]),
);
