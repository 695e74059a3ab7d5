// The shared preset, with the test tsconfig (Node and Jest types; the build tsconfig has none).
// test/editor has its own command and config (jest.editor.config.js).
const preset = require('../../jest.preset.js');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/editor/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
};
