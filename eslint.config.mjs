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
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@hubspot/api-client', message: 'Only src/hubspot/ may import @hubspot/api-client.' }],
        },
      ],
    },
  },
  {
    files: ['src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@hubspot/api-client', message: 'Only src/hubspot/ may import @hubspot/api-client.' },
            { name: '@throughline/sandbox', message: 'The service never imports the stand-in (it is not shipped).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/hubspot/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@throughline/sandbox', message: 'The service never imports the stand-in (it is not shipped).' }],
        },
      ],
    },
  },
  {
    files: ['test/**', 'scripts/bench*', 'scripts/bench/hubspot-client.ts', 'sandbox/test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
