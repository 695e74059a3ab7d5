// n8n's expression engine as `n8n execute` starts it, loaded from an n8n install: for the property
// test of the node's plain reads (n8n-evaluate.mjs) and bench/expression-engine.mjs. Runs in the
// n8n version's own Node (isolated-vm is built for it), never in Jest.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

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

/**
 * Loads the install's n8n-workflow and starts its engine: `N8N_EXPRESSION_ENGINE`, else `vm`
 * (isolated-vm), with n8n's defaults (one isolate, 128 MB, 5 s). `on(items)` gives the value of a
 * raw parameter for one of those items, through `workflow.expression.getParameterValue`, which is
 * what `getNodeParameter` calls.
 */
export async function n8nExpressions(installDir) {
  const require = createRequire(path.join(installDir, 'package.json'));
  const { Expression, Workflow } = require('n8n-workflow');
  const engine = process.env.N8N_EXPRESSION_ENGINE ?? 'vm';
  const start = () =>
    Expression.initExpressionEngine({
      engine,
      poolSize: 1,
      maxCodeCacheSize: 1024,
      bridgeTimeout: 5000,
      bridgeMemoryLimit: 128,
    });
  await start();

  const on = (items) => {
    const workflow = new Workflow({
      id: 'classifaily-expressions',
      nodes: [node],
      connections: {},
      active: false,
      nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType },
    });
    const executeData = { node, data: { main: [items] }, source: null };
    const value = (raw, itemIndex) =>
      workflow.expression.getParameterValue(
        raw,
        { resultData: { runData: {} } },
        0,
        itemIndex,
        node.name,
        items,
        'manual',
        {},
        executeData,
      );
    return {
      value,
      acquire: () => workflow.expression.acquireIsolate(),
      release: () => workflow.expression.releaseIsolate(),
    };
  };
  /** A new engine: after one that exhausted its isolate. */
  const restart = async () => {
    await Expression.disposeExpressionEngine();
    await start();
  };
  return { engine, on, restart };
}

/**
 * Writes one line and exits at once: disposing isolated-vm's isolates at exit can crash (seen as
 * SIGSEGV on n8n 1.123.81's Node 22), and a pipe write is asynchronous.
 */
export function printAndExit(value) {
  writeSync(1, `${JSON.stringify(value)}\n`);
  process.exit(0);
}
