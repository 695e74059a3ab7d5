// A fingerprint of every answer the classifier gives on data/: label, confidence, scores and
// explanation of each text of each file, in both category orders, with and without the categories'
// descriptions, with and without `explain`. A change meant to make the classifier faster (decision
// 0153) must print the same count and SHA-256 as the build before it. Runs on the built dist/
// (or `--dist <folder>`, such as build/baseline/dist after bench/compare.mjs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--dist');
const dist = i > 0 ? path.resolve(process.argv[i + 1]) : path.join(root, 'dist');
const { classify } = createRequire(import.meta.url)(path.join(dist, 'classifier/classifier.js'));

const answers = [];
for (const file of readdirSync(path.join(root, 'data'))
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const data = JSON.parse(readFileSync(path.join(root, 'data', file), 'utf8'));
  if (!data.examples || !data.sets) continue;
  for (const example of data.examples) {
    const described = data.sets[example.set].map((c) => (typeof c === 'string' ? { name: c } : c));
    const named = described.map((c) => ({ name: c.name }));
    for (const categories of [described, [...described].reverse(), named, [...named].reverse()])
      for (const explain of [true, false])
        answers.push([file, example.input, explain, classify(example.input, categories, explain)]);
  }
}
const hash = createHash('sha256').update(JSON.stringify(answers)).digest('hex');
console.log(`${answers.length} answers from ${dist}: sha256 ${hash}`);
