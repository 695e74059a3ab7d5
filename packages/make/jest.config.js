/** @type {import('jest').Config} */
module.exports = {
  ...require('../../jest.preset.js'),
  // Says once why the tests that need Make's schemas are skipped, where they are (decision 0409).
  globalSetup: '<rootDir>/test/global-setup.ts',
};
