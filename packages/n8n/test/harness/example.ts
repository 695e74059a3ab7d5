/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   The harness runs in Jest and in scripts, never inside n8n: it reads files. */
// The example routing workflow of docs/examples, imported into an n8n instance with its credential
// pointed at a Classifaily API: what `pnpm dev` and the README demo (scripts/run-example.mjs) share.
import fs from 'node:fs';
import path from 'node:path';

import type { N8nInstance, WorkflowFixture } from './n8n';

// As in ./n8n.ts (not imported: Node's type stripping needs extensions that Jest's resolver does not).
const PACKAGE_ROOT =
  typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..') : process.cwd();

export const EXAMPLE_WORKFLOW = path.join(
  PACKAGE_ROOT,
  '..',
  '..',
  'docs',
  'examples',
  'n8n-support-routing.workflow.json',
);

type ExampleNode = WorkflowFixture['nodes'][number] & {
  credentials?: { classifailyApi?: { id: string; name: string } };
};

/** Imports the example and a credential for its Classifaily node; returns the workflow and that node. */
export async function importExample(
  n8n: N8nInstance,
  api: { url: string; apiKey: string },
): Promise<{ workflow: WorkflowFixture; classify: ExampleNode }> {
  const workflow = JSON.parse(fs.readFileSync(EXAMPLE_WORKFLOW, 'utf8')) as WorkflowFixture;
  const classify = (workflow.nodes as ExampleNode[]).find((n) => n.credentials?.classifailyApi);
  if (!classify) throw new Error(`${EXAMPLE_WORKFLOW} has no node with a Classifaily credential`);
  const ref = classify.credentials!.classifailyApi!;
  await n8n.importCredentials([
    { ...ref, type: 'classifailyApi', data: { apiKey: api.apiKey, baseUrl: api.url } },
  ]);
  await n8n.importWorkflows([workflow]);
  return { workflow, classify };
}
