// `pnpm test:browser`: the HTML report opened offline in Debian's Chromium (test/browser). Not part
// of `pnpm test`, which must run on a machine with nothing but Node; `.ci/run` runs it after.
// `pnpm docs:images` runs it with CLASSIFAILY_DOCS_IMAGES=1: it also writes the README's picture.
const path = require('node:path');
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  reporters: [
    'default',
    [path.join(__dirname, '../../scripts/jest-totals-reporter.js'), { suite: 'browser' }],
  ],
};
