// Prints the classifier's accuracy on data/labelled.json, data/holdout.json and data/holdout-2.json
// (per category set and overall; --misses lists the wrong answers) and, with --readme,
// writes the figures into README.md between the accuracy markers. Runs on the built dist/.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { evaluate } = require('../dist/classifier/evaluate.js');

const lines = [];
for (const [file, title] of [
  [
    'labelled.json',
    'Labelled set (the lexicon was written alongside it: a regression guard, not a quality claim)',
  ],
  [
    'holdout.json',
    'Held-out set 1 (36 texts, written after the first lexicon was frozen; never tuned on)',
  ],
  [
    'holdout-2.json',
    'Held-out set 2 (64 texts, committed before the second lexicon was written; never tuned on)',
  ],
]) {
  const report = evaluate(JSON.parse(readFileSync(path.join(here, '../data', file), 'utf8')));
  lines.push(
    '',
    `**${title}**`,
    '',
    '| set | examples | correct | accuracy | confident (≥ 0.80) | accuracy when confident |',
    '|---|---|---|---|---|---|',
    ...report.rows.map(
      (r) =>
        `| ${r.set} | ${r.total} | ${r.correct} | ${(r.accuracy * 100).toFixed(1)}% | ${r.confident} | ${r.confident ? ((r.confidentCorrect / r.confident) * 100).toFixed(1) + '%' : '–'} |`,
    ),
  );
  if (process.argv.includes('--misses')) {
    console.log(`${file}:`);
    for (const miss of report.misses)
      console.log(
        `  miss [${miss.set}] expected ${miss.expected}, got ${miss.got} (${miss.confidence}): ${miss.input}`,
      );
  }
}
console.log(lines.join('\n'));

if (process.argv.includes('--readme')) {
  const readme = path.join(here, '../README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- accuracy:start -->';
  const end = '<!-- accuracy:end -->';
  const next = text.replace(
    new RegExp(`${start}[\\s\\S]*?${end}`),
    `${start}\n${lines.join('\n')}\n${end}`,
  );
  writeFileSync(readme, next);
  console.log('README.md updated');
}
