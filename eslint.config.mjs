import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'extensions/**', 'coverage/**', 'bench/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', {
        paths: [{ name: '@hubspot/api-client', message: 'Only src/hubspot/ may import @hubspot/api-client.' }],
      }],
    },
  },
  {
    files: ['src/hubspot/**', 'test/**', 'scripts/bench*', 'scripts/bench/hubspot-client.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
