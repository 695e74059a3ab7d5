// Evaluates parameter values the way a real n8n does, for the property test of the node's plain
// reads (test/runtime/plain-path.test.ts): run by the n8n version's own Node with
// `node n8n-evaluate.mjs <n8n install dir> < cases.json`, it starts that install's expression engine
// as `n8n execute` does (n8n-expressions.mjs) and resolves every raw parameter value for every item.
// Input: groups `[{ items: json[], parameters: raw[] }]`, each group's parameters resolved for each
// of its items. Output: one line of JSON, per group per parameter per item `{ value }`,
// `{ undefined: true }` or `{ error }`.
import fs from 'node:fs';

import { n8nExpressions, printAndExit } from './n8n-expressions.mjs';

const [installDir] = process.argv.slice(2);
const groups = JSON.parse(fs.readFileSync(0, 'utf8'));
const { engine, on } = await n8nExpressions(installDir);

const results = [];
for (const { items, parameters } of groups) {
  const evaluator = on(items.map((json) => ({ json })));
  await evaluator.acquire();
  results.push(
    parameters.map((raw) =>
      items.map((_, itemIndex) => {
        try {
          const value = evaluator.value(structuredClone(raw), itemIndex);
          return value === undefined ? { undefined: true } : { value };
        } catch (error) {
          return { error: error instanceof Error ? error.message : String(error) };
        }
      }),
    ),
  );
  await evaluator.release();
}
printAndExit({ engine, results });
