// The shared preset, with the test tsconfig (Node and Jest types; the build tsconfig has none).
// The queue-mode suite (test/scale) and the editor suite (test/editor) are their own runs:
// `pnpm test:scale` (jest.scale.config.js) and `pnpm test:editor` (jest.editor.config.js).
const preset = require('../../jest.preset.js');

/** @type {import('jest').Config} */
module.exports = {
  ...preset,
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/scale/', '<rootDir>/test/editor/'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
};
