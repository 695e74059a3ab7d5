// The runtime fixtures, as code: every case that needs no isolation is a branch of one workflow, so
// that one `n8n execute` (one n8n boot, ~5 s) runs them all. Nodes that count requests or inject
// faults use their own credential, pointing at their own sandbox, so each sandbox counts one case.
import type { WorkflowFixture } from '../harness/n8n';
import {
  CATEGORIES,
  chainWorkflow,
  classifyNode,
  CLEAR_TICKETS,
  codeNode,
  NODE_TYPE,
  VAGUE_TICKETS,
} from '../harness/tickets';

export { CATEGORIES, NODE_TYPE };

export const CREDENTIALS = {
  main: { id: 'cfyCredMain00001', name: 'Classifaily sandbox' },
  count: { id: 'cfyCredCount0001', name: 'Classifaily sandbox (counting)' },
  burst: { id: 'cfyCredBurst0001', name: 'Classifaily sandbox (429 burst)' },
  revoked: { id: 'cfyCredRevoked01', name: 'Classifaily sandbox (revoked key)' },
  targets: { id: 'cfyCredTargets01', name: 'Classifaily sandbox (mixed targets)' },
  stop: { id: 'cfyCredStop00001', name: 'Classifaily sandbox (stop on error)' },
  // Not the sandbox: servers that answer as no Classifaily API does (test/harness/stray-api.ts).
  redirected: { id: 'cfyCredRedirect1', name: 'Classifaily (redirects elsewhere)' },
  oversized: { id: 'cfyCredOversize1', name: 'Classifaily (oversized answer)' },
} as const;

/** Clear tickets, one per category, then texts with no evidence (low confidence: Needs Review). */
export const TICKETS = [...CLEAR_TICKETS.slice(0, 4), ...VAGUE_TICKETS].map(({ text }, i) => ({
  ticket: `T-${i + 1}`,
  text,
}));

/** Good, empty, too long, good, a number (classified as its text), no text field at all. */
export const MIXED: Array<{ ticket: string; text?: string | number }> = [
  { ticket: 'M-1', text: TICKETS[0]!.text },
  { ticket: 'M-2', text: '' },
  { ticket: 'M-3', text: 'x'.repeat(20_001) },
  { ticket: 'M-4', text: TICKETS[2]!.text },
  { ticket: 'M-5', text: 42 },
  { ticket: 'M-6' },
];

export const COUNT_ITEMS = 60;
/** Items of the mixed-targets case: the first against a deleted schema, the others a saved one. */
export const TARGET_ITEMS = 60;
/** Items of the stop-on-error cases: four batches, one request at a time. */
export const STOP_ITEMS = 100;
export const BURST_ITEMS = 30;

type Node = WorkflowFixture['nodes'][number];
let position = 0;

function node(
  name: string,
  type: string,
  parameters: Record<string, unknown>,
  extra: Partial<Node> = {},
): Node {
  position += 1;
  return {
    id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    name,
    type,
    typeVersion: type === NODE_TYPE ? 1 : type.endsWith('.code') ? 2 : 1,
    position: [position * 200, 0],
    parameters,
    ...extra,
  };
}

const code = (name: string, jsCode: string) => node(name, 'n8n-nodes-base.code', { jsCode });
const items = (list: unknown[]) => `return ${JSON.stringify(list)}.map((json) => ({ json }));`;

function classifaily(
  name: string,
  credential: keyof typeof CREDENTIALS,
  parameters: Record<string, unknown>,
  extra: Partial<Node> = {},
): Node {
  return node(name, NODE_TYPE, parameters, {
    credentials: { classifailyApi: CREDENTIALS[credential] },
    ...extra,
  });
}

const classifyList = (options: Record<string, unknown> = {}, explain = false) => ({
  resource: 'classification',
  operation: 'classify',
  input: '={{ $json.text }}',
  categorySource: 'list',
  categories: CATEGORIES,
  explain,
  options,
});

const to = (...targets: Array<string | [string, number]>) =>
  targets.map((t) => ({ node: Array.isArray(t) ? t[0] : t, type: 'main', index: 0 }));

export function classifyCasesWorkflow(schemas: {
  saved: string;
  deleted: string;
}): WorkflowFixture {
  position = 0;
  const nodes = [
    node('Manual Trigger', 'n8n-nodes-base.manualTrigger', {}),
    code('Tickets', items(TICKETS)),
    classifaily('Classify list', 'main', classifyList({}, true)),
    classifaily('Route', 'main', classifyList({ routeByCategory: true })),
    code('Mixed tickets', items(MIXED)),
    classifaily('Classify mixed', 'main', classifyList({ outputField: 'result' }), {
      onError: 'continueErrorOutput',
    }),
    classifaily('Revoked key', 'revoked', classifyList(), { onError: 'continueErrorOutput' }),
    classifaily('Create schema', 'main', {
      resource: 'schema',
      operation: 'create',
      name: 'Support triage',
      categories: {
        values: [
          { name: 'billing', description: 'Charges, invoices, refunds and payment methods.' },
          { name: 'technical_bug', description: 'Crashes, errors and things that do not work.' },
          { name: 'account_access', description: 'Logging in, passwords and locked accounts.' },
        ],
      },
    }),
    code(
      'Schema tickets',
      `const schemaId = $('Create schema').first().json.id;\nreturn ${JSON.stringify(TICKETS.slice(0, 3))}.map((t) => ({ json: { ...t, schemaId } }));`,
    ),
    classifaily('Classify by schema', 'main', {
      resource: 'classification',
      operation: 'classify',
      input: '={{ $json.text }}',
      categorySource: 'schema',
      schema: { __rl: true, mode: 'id', value: '={{ $json.schemaId }}' },
      explain: true,
      options: {},
    }),
    classifaily('Get schema', 'main', {
      resource: 'schema',
      operation: 'get',
      schemaId: { __rl: true, mode: 'id', value: "={{ $('Create schema').first().json.id }}" },
    }),
    classifaily(
      'List schemas',
      'main',
      { resource: 'schema', operation: 'getAll', returnAll: true },
      { executeOnce: true },
    ),
    classifaily(
      'Delete schema',
      'main',
      {
        resource: 'schema',
        operation: 'delete',
        schemaId: { __rl: true, mode: 'id', value: "={{ $('Create schema').first().json.id }}" },
      },
      { executeOnce: true },
    ),
    classifaily(
      'Get deleted schema',
      'main',
      {
        resource: 'schema',
        operation: 'get',
        schemaId: { __rl: true, mode: 'id', value: "={{ $('Create schema').first().json.id }}" },
      },
      { onError: 'continueRegularOutput' },
    ),
    code(
      'Sixty tickets',
      `const texts = ${JSON.stringify(TICKETS.slice(0, 4).map((t) => t.text))};\nreturn Array.from({ length: ${COUNT_ITEMS} }, (_, n) => ({ json: { n, text: texts[n % 4] + ' #' + n } }));`,
    ),
    classifaily('Classify sixty', 'count', classifyList()),
    code(
      'Thirty tickets',
      `return Array.from({ length: ${BURST_ITEMS} }, (_, i) => ({ json: { n: i, text: 'I cannot log in, ticket ' + i } }));`,
    ),
    classifaily('Classify through 429s', 'burst', classifyList({ concurrency: 1 })),
    code(
      'Mixed targets',
      `return Array.from({ length: ${TARGET_ITEMS} }, (_, n) => ({ json: { n, text: ${JSON.stringify(TICKETS[2]!.text)} + ' #' + n, schemaId: n === 0 ? ${JSON.stringify(schemas.deleted)} : ${JSON.stringify(schemas.saved)} } }));`,
    ),
    // The schema picker "By ID" from each item: the first item's schema was deleted.
    classifaily(
      'Classify mixed targets',
      'targets',
      {
        resource: 'classification',
        operation: 'classify',
        input: '={{ $json.text }}',
        categorySource: 'schema',
        schema: { __rl: true, mode: 'id', value: '={{ $json.schemaId }}' },
        options: {},
      },
      { onError: 'continueErrorOutput' },
    ),
    // V2: Low-Confidence Items → Discard (no Needs Review output), and the renamed schema list.
    classifaily(
      'Route, discarding low confidence',
      'main',
      classifyList({ routeByCategory: true, lowConfidence: 'discard' }),
      { typeVersion: 2 },
    ),
    classifaily(
      'Create schema (V2)',
      'main',
      {
        resource: 'schema',
        operation: 'create',
        name: 'Created by V2',
        schemaCategories: { values: [{ name: 'billing' }, { name: 'account_access' }] },
      },
      { typeVersion: 2, executeOnce: true },
    ),
    classifaily(
      'Route from an expression',
      'main',
      {
        ...classifyList({ routeByCategory: true }),
        categories: ['billing', '={{ $json.extra }}'],
      },
      { onError: 'continueRegularOutput' },
    ),
    // The API answers with a 307 to another origin, or with more than any answer can hold.
    classifaily('Redirected elsewhere', 'redirected', classifyList(), {
      onError: 'continueErrorOutput',
    }),
    classifaily('Oversized answer', 'oversized', classifyList(), {
      onError: 'continueErrorOutput',
    }),
  ];
  return {
    id: 'cfyClassifyCases',
    name: 'Classifaily: every classify and schema case in one run',
    nodes,
    connections: {
      'Manual Trigger': {
        main: [
          to(
            'Tickets',
            'Mixed tickets',
            'Create schema',
            'Sixty tickets',
            'Thirty tickets',
            'Mixed targets',
          ),
        ],
      },
      Tickets: {
        main: [
          to(
            'Classify list',
            'Route',
            'Revoked key',
            'Route from an expression',
            'Route, discarding low confidence',
            'Create schema (V2)',
            'Redirected elsewhere',
            'Oversized answer',
          ),
        ],
      },
      'Mixed tickets': { main: [to('Classify mixed')] },
      // One chain, so that the order is fixed: create, get, list, classify by it, delete, get again.
      'Create schema': { main: [to('Get schema')] },
      'Get schema': { main: [to('List schemas')] },
      'List schemas': { main: [to('Schema tickets')] },
      'Schema tickets': { main: [to('Classify by schema')] },
      'Classify by schema': { main: [to('Delete schema')] },
      'Delete schema': { main: [to('Get deleted schema')] },
      'Sixty tickets': { main: [to('Classify sixty')] },
      'Thirty tickets': { main: [to('Classify through 429s')] },
      'Mixed targets': { main: [to('Classify mixed targets')] },
    },
  };
}

/**
 * Without "continue on fail": a bad item late in the input stops the node before anything is sent
 * (`cfyStopBadItem`), and a batch that fails for good stops further sending (`cfyStopFailedBatch`).
 */
export function stopOnErrorWorkflows(): WorkflowFixture[] {
  const tickets = (bad: boolean) =>
    `return Array.from({ length: ${STOP_ITEMS} }, (_, n) => ({ json: { n, text: ${bad ? `n === ${STOP_ITEMS - 3} ? '' : ` : ''}'I cannot log in, ticket ' + n } }));`;
  return (
    [
      ['cfyStopBadItem', 'an empty text in item 98', true, 'list'],
      ['cfyStopFailedBatch', 'the first batch failing for good', false, 'list'],
      // What n8n leaves of an expression in Categories From (it strips the `=`; decision 0250).
      ['cfyCategoriesFrom', 'Categories From left as an expression', false, '{{ $json.source }}'],
    ] as const
  ).map(([id, what, bad, categorySource]) =>
    chainWorkflow(id, `Classifaily: stop on error, ${what}`, [
      codeNode('Tickets', tickets(bad)),
      classifyNode(
        'Classify',
        CREDENTIALS.stop,
        { explain: false, options: { concurrency: 1 }, categorySource },
        { typeVersion: 1 },
      ),
    ]),
  );
}
