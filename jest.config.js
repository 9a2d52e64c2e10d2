/**
 * One `npm test` for everything, as three jest projects:
 *  - service: the TypeScript service, scripts and their tests (test/**\/*.test.ts), CommonJS via ts-jest;
 *  - sandbox: the stand-in's own tests (sandbox/test), from the package's own sandbox/jest.config.js;
 *  - cards:   the HubSpot cards (extensions/app/cards, React 18.3.1) rendered with
 *             @hubspot/ui-extensions/testing (test/cards/ui/**\/*.test.tsx). @hubspot/ui-extensions and
 *             tinyspy ship ESM only, so they are transformed too (ts-jest with allowJs).
 * All transpile only (isolatedModules); `npm run typecheck` type-checks each tsconfig.
 */
const setupFiles = ['<rootDir>/test/setup-env.ts'];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'service',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/cards/ui/'],
      transform: {
        '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
      },
      setupFiles,
    },
    {
      displayName: 'cards',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/cards/ui'],
      testMatch: ['**/*.test.tsx'],
      transform: {
        '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/test/cards/ui/tsconfig.json' }],
      },
      transformIgnorePatterns: ['/node_modules/(?!(@hubspot/ui-extensions|tinyspy)/)'],
      setupFiles,
    },
    '<rootDir>/sandbox',
  ],
};
