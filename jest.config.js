/**
 * Jest runs TypeScript through ts-jest in transpile-only mode (isolatedModules): type-checking is done
 * once by `npm run typecheck` and `test/types`, not per test file. (swc would be faster, but its
 * platform packages are not all on this workplace's npm mirror, which makes `npm ci` refuse the lock.)
 */
const { availableParallelism } = require('node:os');

module.exports = {
  testEnvironment: 'node',
  // Jest's default, one worker less than the cores, is a single worker on a 2-core machine (this project's, and its
  // CI's): the suites then run one after another, ~13 minutes. Two workers take ~9 (2026-12-04: 775 → 543 s of
  // jest), most suites waiting on child processes (tsc, the CLI, Steady) rather than on their own thread.
  maxWorkers: Math.max(2, availableParallelism() - 1),
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
