/**
 * Jest runs TypeScript through ts-jest in transpile-only mode (isolatedModules): type-checking is done
 * once by `npm run typecheck` and `test/types`, not per test file. (swc would be faster, but its
 * platform packages are not all on this workplace's npm mirror, which makes `npm ci` refuse the lock.)
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Golden outputs include generated node:test files (`--tests`): data compared byte for byte, not jest suites.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/golden/cases/'],
  transform: {
    // isolatedModules in the tsconfig makes ts-jest transpile only.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  testTimeout: 60000,
};
