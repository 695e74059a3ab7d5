// One Jest setup for every package: TypeScript through ts-jest (transpile only; `tsc` type-checks).
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  testTimeout: 30000,
  reporters: ['default', path.join(__dirname, 'scripts/jest-totals-reporter.js')],
};
