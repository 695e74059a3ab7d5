// The shared preset, with the test tsconfig (Node and Jest types; the build tsconfig has none).
// The queue-mode suite (test/scale) is its own run: `pnpm test:scale`, jest.scale.config.js.
const preset = require('../../jest.preset.js');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/scale/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
};
