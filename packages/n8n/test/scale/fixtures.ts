// The queue-mode workflow, as a user would build it: a Webhook that answers when the last node
// finishes, with every item → Execution Data ("which worker", into Postgres) → Split Out (one item
// per ticket) → Classifaily → Respond (an Edit Fields node keeping each ticket's id and its
// classification). Shared by the scale suite and bench/queue-mode.mjs.
import { createHash } from 'node:crypto';

import {
  classifailyCredential,
  type CredentialFixture,
  type WorkflowFixture,
} from '../harness/n8n.ts';
import { CATEGORIES, classifyNode, CLEAR_TICKETS } from '../harness/tickets.ts';

export { CATEGORIES };

/** The execution_metadata key the workflow writes the worker's name under. */
export const WORKER_KEY = 'worker';

export interface CredentialRef {
  id: string;
  name: string;
}

export function credential(ref: CredentialRef, url: string, apiKey: string): CredentialFixture {
  return classifailyCredential(ref, { apiKey, url });
}

export interface WorkflowOptions {
  /** A fixed 16-character id, like the ids n8n makes. */
  id: string;
  /** The webhook path: POST /webhook/<path>. */
  path: string;
  credential: CredentialRef;
}

export function queueWorkflow(options: WorkflowOptions): WorkflowFixture {
  const at = (i: number): [number, number] => [i * 220, 0];
  const nodes: WorkflowFixture['nodes'] = [
    {
      id: 'c0000000-0000-4000-8000-000000000001',
      name: 'Webhook',
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      position: at(0),
      webhookId: uuidFrom(options.path),
      parameters: {
        httpMethod: 'POST',
        path: options.path,
        responseMode: 'lastNode',
        responseData: 'allEntries',
        options: {},
      },
    },
    {
      id: 'c0000000-0000-4000-8000-000000000002',
      name: 'Which worker',
      type: 'n8n-nodes-base.executionData',
      typeVersion: 1.1,
      position: at(1),
      parameters: {
        dataToSave: { values: [{ key: WORKER_KEY, value: '={{ $env.CLASSIFAILY_WORKER }}' }] },
      },
    },
    {
      id: 'c0000000-0000-4000-8000-000000000003',
      name: 'Split Out',
      type: 'n8n-nodes-base.splitOut',
      typeVersion: 1,
      position: at(2),
      parameters: { fieldToSplitOut: 'body.tickets', include: 'noOtherFields', options: {} },
    },
    {
      id: 'c0000000-0000-4000-8000-000000000004',
      position: at(3),
      ...classifyNode('Classifaily', options.credential, { options: {} }, { typeVersion: 1 }),
    },
    {
      id: 'c0000000-0000-4000-8000-000000000005',
      name: 'Respond',
      type: 'n8n-nodes-base.set',
      typeVersion: 3.4,
      position: at(4),
      parameters: {
        mode: 'manual',
        assignments: { assignments: [] },
        includeOtherFields: true,
        include: 'selected',
        includeFields: 'id, classification',
        options: {},
      },
    },
  ];
  const next = (from: string, to: string) => ({
    [from]: { main: [[{ node: to, type: 'main', index: 0 }]] },
  });
  return {
    id: options.id,
    name: `Classify tickets (${options.path})`,
    nodes,
    connections: {
      ...next('Webhook', 'Which worker'),
      ...next('Which worker', 'Split Out'),
      ...next('Split Out', 'Classifaily'),
      ...next('Classifaily', 'Respond'),
    },
    settings: { executionOrder: 'v1' },
  };
}

/** A fixed UUID per text (n8n gives every webhook node one). */
function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const TEXTS = CLEAR_TICKETS.slice(0, 8).map((ticket) => ticket.text);

export interface Ticket {
  id: string;
  text: string;
}

/**
 * `count` tickets for one webhook call; every text is unique over a run (it carries the call and
 * the ticket number), so that the sandbox's counters can tell an item billed twice.
 */
export function tickets(call: string, count: number): Ticket[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${call}-${i + 1}`,
    text: `${TEXTS[i % TEXTS.length]} (ticket ${call}-${i + 1})`,
  }));
}
