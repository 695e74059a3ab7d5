// The editor suite (`pnpm test:editor`): real n8n's editor in Debian's Chromium, driven like a
// person. Not part of `pnpm test`; its totals go to their own result file (suite "editor").
const path = require('node:path');
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/editor/**/*.test.ts'],
  testPathIgnorePatterns: [],
  reporters: [
    'default',
    [path.join(__dirname, '../../scripts/jest-totals-reporter.js'), { suite: 'editor' }],
  ],
};
