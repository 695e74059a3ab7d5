/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   test code, runs in Jest: reads the example workflow. */
// Where the person starts: the example workflow of docs/examples up to its Classifaily node (a Manual
// Trigger and a Code node with six support tickets), saved as "Support inbox". What they then type
// into the node is what the example's Classifaily node holds: its Text expression and categories.
import fs from 'node:fs';

import { catalog } from '@classifaily/core';

import { EXAMPLE_WORKFLOW, type WorkflowFixture } from '../harness/n8n';

type Connections = Record<string, { main: Array<Array<{ node: string }>> }>;

const example = JSON.parse(fs.readFileSync(EXAMPLE_WORKFLOW, 'utf8')) as WorkflowFixture & {
  connections: Connections;
};
const classify = example.nodes.find((n) => n.type.endsWith('.classifaily'));
if (!classify) throw new Error(`${EXAMPLE_WORKFLOW} has no Classifaily node`);

/** The nodes that feed `target`, nearest last. */
function upstream(target: string): string[] {
  const feeding = Object.entries(example.connections)
    .filter(([, outputs]) => outputs.main.some((links) => links.some((l) => l.node === target)))
    .map(([name]) => name);
  return [...feeding.flatMap(upstream), ...feeding];
}

const kept = upstream(classify.name);
const parameters = classify.parameters as Record<string, unknown>;

export const startingWorkflow: WorkflowFixture = {
  id: 'cfyEditorInbox01',
  name: 'Support inbox',
  nodes: example.nodes.filter((n) => kept.includes(n.name)),
  connections: Object.fromEntries(
    Object.entries(example.connections).filter(
      ([from, outputs]) =>
        kept.includes(from) &&
        outputs.main.every((links) => links.every((l) => kept.includes(l.node))),
    ),
  ),
};

/** The node the person adds the Classifaily node after. */
export const lastNode = kept[kept.length - 1]!;

/** What the example's Classifaily node holds, typed in by the person. */
export const typed = {
  /** The Text expression without n8n's leading "=", e.g. `{{ $json.text }}`. */
  textExpression: String(parameters[catalog.fields.input.key]).replace(/^=/, ''),
  /** The input field that expression reads (`text`), as the input and output panels name it. */
  textField: /\$json\.(\w+)/.exec(String(parameters[catalog.fields.input.key]))?.[1] ?? '',
  categories: parameters[catalog.fields.categories.key] as string[],
};
