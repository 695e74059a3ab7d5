/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// The example routing workflow of docs/examples, imported with a credential for its Classifaily node.
import fs from 'node:fs';
import path from 'node:path';

import type { N8nInstance, WorkflowFixture } from './n8n.ts';
import { PACKAGE_ROOT } from './n8n-install.ts';

/** A file of the repository's docs/examples. */
const examplePath = (file: string) => path.join(PACKAGE_ROOT, '..', '..', 'docs', 'examples', file);

/** A workflow of docs/examples, as saved there. */
export const exampleWorkflow = (file: string) =>
  JSON.parse(fs.readFileSync(examplePath(file), 'utf8')) as WorkflowFixture;

/** The example routing workflow of docs/examples: what `pnpm dev`, the README demo and the editor suite share. */
export const EXAMPLE_WORKFLOW = examplePath('n8n-support-routing.workflow.json');

type ExampleNode = WorkflowFixture['nodes'][number] & {
  credentials?: { classifailyApi?: { id: string; name: string } };
};

/**
 * Imports the example into an n8n instance with a credential for its Classifaily node pointed at
 * a Classifaily API; returns the workflow and that node.
 */
export async function importExample(
  n8n: N8nInstance,
  api: { url: string; apiKey: string },
): Promise<{ workflow: WorkflowFixture; classify: ExampleNode }> {
  const workflow = exampleWorkflow('n8n-support-routing.workflow.json');
  const classify = (workflow.nodes as ExampleNode[]).find((n) => n.credentials?.classifailyApi);
  if (!classify) throw new Error(`${EXAMPLE_WORKFLOW} has no node with a Classifaily credential`);
  const ref = classify.credentials!.classifailyApi!;
  await n8n.importSandboxCredential(ref, api);
  await n8n.importWorkflows([workflow]);
  return { workflow, classify };
}
