// The shared rules, plus Node's CommonJS globals for the entry point and the CLI helpers.
import shared from '../../eslint.config.mjs';

export default [
  ...shared,
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
];
