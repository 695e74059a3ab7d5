// `pnpm test:scale`: n8n in queue mode with Redis, Postgres and workers (test/scale). Its totals go
// to .test-results/n8n-nodes-classifaily_scale.json, beside (not over) the package's main ones.
const path = require('node:path');
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/scale/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  reporters: [
    'default',
    [path.join(__dirname, '../../scripts/jest-totals-reporter.js'), { suite: 'scale' }],
  ],
};
