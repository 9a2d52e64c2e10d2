/**
 * The stand-in's own tests, CommonJS via ts-jest (transpile only; `npm run typecheck` type-checks).
 * The root `npm test` runs them as its "sandbox" project; `npm test -w @throughline/sandbox` alone.
 */
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'sandbox',
  testEnvironment: 'node',
  testTimeout: 30000,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
};
