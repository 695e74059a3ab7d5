const preset = require('../../jest.preset.js');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  // package.json "imports" points #default-sleep at dist; the unit tests run the source.
  moduleNameMapper: { '^#default-sleep$': '<rootDir>/src/sleep/timers.ts' },
};
