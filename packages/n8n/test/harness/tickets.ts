// What the suites and the bench classify, and the workflow most of them run it in: one list of
// support tickets (with the label a person gave each) and one builder of Manual Trigger → nodes.
// The bench imports this file through Node's type stripping, so it holds types, not TypeScript-only
// syntax.
import { SAMPLE_CATEGORIES } from '@classifaily/core';

import type { WorkflowFixture } from './n8n-fixtures.ts';

export const NODE_TYPE = 'n8n-nodes-classifaily.classifaily';
export const CATEGORIES = SAMPLE_CATEGORIES;

export interface LabelledTicket {
  text: string;
  label: string;
}

/**
 * Twelve clear tickets, three per category in turn, except the ninth: a declined card, which the
 * person labelled account_access (a judgement the classifier need not share).
 */
export const CLEAR_TICKETS: readonly LabelledTicket[] = [
  {
    text: 'I was charged twice for my subscription this month, please refund me.',
    label: 'billing',
  },
  { text: 'The app crashes with an error every time I upload a file.', label: 'technical_bug' },
  { text: 'I cannot log in - the password reset email never arrives.', label: 'account_access' },
  { text: 'It would be great if you could add a dark mode.', label: 'feature_request' },
  {
    text: 'My invoice shows the wrong VAT number, can you send a corrected one?',
    label: 'billing',
  },
  {
    text: 'Export to CSV has been failing since yesterday with a 500 error.',
    label: 'technical_bug',
  },
  {
    text: 'My account is locked after too many attempts and I need access today.',
    label: 'account_access',
  },
  {
    text: 'Please add an integration with Google Sheets so we can sync results.',
    label: 'feature_request',
  },
  {
    text: 'Why did my card get declined when upgrading to the annual plan?',
    label: 'account_access',
  },
  { text: 'The dashboard page is blank in Firefox, nothing loads.', label: 'technical_bug' },
  {
    text: 'I changed my email address and now two-factor codes go to the old one.',
    label: 'account_access',
  },
  { text: 'Could you support custom fields on the contact form?', label: 'feature_request' },
];

/** Tickets with nothing to go on (low confidence: Needs Review), with the label a person guessed. */
export const VAGUE_TICKETS: readonly LabelledTicket[] = [
  { text: 'Hello there.', label: 'account_access' },
  { text: 'What is the weather like?', label: 'feature_request' },
];

/** A node of a workflow fixture; `id` and `position` may be left to chainWorkflow. */
type Node = WorkflowFixture['nodes'][number];

/**
 * A workflow as a user starts one: a Manual Trigger, then `nodes` each connected to the next. Nodes
 * without an `id` or `position` get them from their place in the chain.
 */
export function chainWorkflow(id: string, name: string, nodes: Node[]): WorkflowFixture {
  const trigger = {
    name: 'Manual Trigger',
    type: 'n8n-nodes-base.manualTrigger',
    typeVersion: 1,
    parameters: {},
  };
  const chain = [trigger, ...nodes].map((node, i): Node => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    position: [i * 220, 0],
    ...node,
  }));
  const connections: WorkflowFixture['connections'] = {};
  for (let i = 0; i < chain.length - 1; i++)
    connections[chain[i]!.name] = {
      main: [[{ node: chain[i + 1]!.name, type: 'main', index: 0 }]],
    };
  return { id, name, nodes: chain, connections };
}

/** A Code node (typeVersion 2) running `jsCode` once for all items. */
export function codeNode(name: string, jsCode: string): Node {
  return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } };
}

/**
 * Our node classifying `$json.text` against the sample categories, with `credential`; `parameters`
 * and `extra` (typeVersion, onError, …) override.
 */
export function classifyNode(
  name: string,
  credential: { id: string; name: string },
  parameters: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Node {
  return {
    name,
    type: NODE_TYPE,
    typeVersion: 2,
    credentials: { classifailyApi: credential },
    parameters: {
      resource: 'classification',
      operation: 'classify',
      input: '={{ $json.text }}',
      categorySource: 'list',
      categories: CATEGORIES,
      ...parameters,
    },
    ...extra,
  };
}
