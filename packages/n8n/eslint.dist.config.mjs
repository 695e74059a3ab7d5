// The n8n community-package rules, run on the bundled output (dist/**/*.js) after `pnpm build`:
// what n8n's verification scans is the published JavaScript, which includes @classifaily/core.
// (`eslint.config.mjs` must stay n8n-node's unchanged default in strict mode, so this is its own file.)
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const { plugins, rules } = n8nCommunityNodesPlugin.configs.recommended;

export default [
  {
    files: ['dist/**/*.js'],
    languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022 },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins,
    rules: {
      ...rules,
      'no-console': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
];
