// Evaluates parameter values the way a real n8n does, for the property test of the node's plain
// reads (test/runtime/plain-path.test.ts): run by the n8n version's own Node with
// `node n8n-evaluate.mjs <n8n install dir> < cases.json`, it loads that install's n8n-workflow,
// starts its expression engine as `n8n execute` does (the `vm` engine with n8n's defaults, or
// N8N_EXPRESSION_ENGINE), and resolves every raw parameter value for every item with
// `workflow.expression.getParameterValue`, which is what `getNodeParameter` calls.
// Input: groups `[{ items: json[], parameters: raw[] }]`, each group's parameters resolved for each
// of its items. Output: one line of JSON, per group per parameter per item `{ value }`,
// `{ undefined: true }` or `{ error }`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [installDir] = process.argv.slice(2);
const require = createRequire(path.join(installDir, 'package.json'));
const { Expression, Workflow } = require('n8n-workflow');

const groups = JSON.parse(fs.readFileSync(0, 'utf8'));
const engine = process.env.N8N_EXPRESSION_ENGINE ?? 'vm';
await Expression.initExpressionEngine({
  engine,
  poolSize: 1,
  maxCodeCacheSize: 1024,
  bridgeTimeout: 5000,
  bridgeMemoryLimit: 128,
});

const nodeType = {
  description: { name: 'classifaily', displayName: 'Classifaily', properties: [], version: 1 },
};
const node = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Classifaily',
  type: 'n8n-nodes-classifaily.classifaily',
  typeVersion: 1,
  position: [0, 0],
  parameters: {},
};
const workflow = new Workflow({
  id: 'plain-path-property-test',
  nodes: [node],
  connections: {},
  active: false,
  nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType },
});
const runExecutionData = { resultData: { runData: {} } };

await workflow.expression.acquireIsolate();
const results = groups.map(({ items, parameters }) => {
  const connectionInputData = items.map((json) => ({ json }));
  const executeData = { node, data: { main: [connectionInputData] }, source: null };
  return parameters.map((raw) =>
    connectionInputData.map((_, itemIndex) => {
      try {
        const value = workflow.expression.getParameterValue(
          structuredClone(raw),
          runExecutionData,
          0,
          itemIndex,
          node.name,
          connectionInputData,
          'manual',
          {},
          executeData,
        );
        return value === undefined ? { undefined: true } : { value };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
});
await workflow.expression.releaseIsolate();
// Written synchronously, then exit at once: disposing isolated-vm's isolates at exit can crash
// (seen as SIGSEGV on n8n 1.123.81's Node 22), and a pipe write is asynchronous.
fs.writeSync(1, `${JSON.stringify({ engine, results })}\n`);
process.exit(0);
