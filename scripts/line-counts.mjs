#!/usr/bin/env node
// The adapters' product code in lines, as issue 23's goals count it: every line of the tracked
// TypeScript (and Zapier's index.js) under each adapter's product folders. `node scripts/line-counts.mjs`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ADAPTERS = [
  {
    name: 'n8n nodes/ + credentials/',
    paths: ['packages/n8n/nodes', 'packages/n8n/credentials'],
    goal: 1100,
  },
  {
    name: 'Zapier src/ + index.js',
    paths: ['packages/zapier/src', 'packages/zapier/index.js'],
    goal: 700,
  },
  { name: 'Make src/', paths: ['packages/make/src'], goal: 800 },
];

const lines = (file) => readFileSync(file, 'utf8').split('\n').length - 1;
for (const { name, paths, goal } of ADAPTERS) {
  const files = execFileSync('git', ['ls-files', ...paths], { encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(ts|js)$/.test(file));
  const total = files.reduce((sum, file) => sum + lines(file), 0);
  console.log(`${name}: ${total} lines in ${files.length} files (goal ≤ ${goal})`);
}
