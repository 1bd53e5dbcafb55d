import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
      // Imports point one way: entrypoints → components → lib. lib never reaches up.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/components/**', '**/entrypoints/**'], message: 'lib/ must not import from components/ or entrypoints/.' }] },
      ],
    },
  },
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
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
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/entrypoints/**'], message: 'components must not import entrypoints.' }] }],
    },
  },
);
