// Lints the cards with HubSpot's UI-extension rules (@hubspot/eslint-config-ui-extensions: no DOM,
// no browser storage or dialogs, no native fetch, no imports from outside this folder, …) on top of
// the recommended JS, TypeScript and React Hooks rules, as HubSpot's 2026.03 card template does.
// Run from the root with `npm run lint` (it runs `eslint .` in this workspace too).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { config as uiExtensions } from '@hubspot/eslint-config-ui-extensions';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...uiExtensions,
  reactHooks.configs.flat['recommended-latest'],
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@hubspot/ui-extensions/no-console': 'error',
    },
  },
  {
    files: ['eslint.config.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
