// The bench workflows, as code. Each starts like a user's would: Manual Trigger → a Code node that
// makes N tickets from a fixed list of realistic texts. Then either our node (defaults: batch 25,
// concurrency 4), or n8n's HTTP Request node calling POST /v1/classify once per item, with the
// settings a new HTTP Request node has (no Batching option: n8n sends every item's request at once),
// or nothing (the baseline: what generating the items alone costs in time and memory). The tickets
// and the workflow's shape are the suites' own (test/harness/tickets.ts).
import {
  CATEGORIES,
  chainWorkflow,
  classifyNode,
  CLEAR_TICKETS,
  codeNode,
} from '../test/harness/tickets.ts';

export { CATEGORIES };

/** The texts the Code node cycles through: the suites' twelve clear support tickets. */
export const TEXTS = CLEAR_TICKETS.map((ticket) => ticket.text);

export const CREDENTIALS = {
  classifaily: { id: 'cfyBenchCred0001', name: 'Classifaily sandbox (bench)' },
  header: { id: 'cfyBenchHeader01', name: 'Header auth to the sandbox (bench)' },
};

/** The node names whose run data the bench reads. */
export const NODES = { items: 'Tickets', classifaily: 'Classifaily', http: 'HTTP Request' };

/** typeVersion of a new HTTP Request node in the editor of each n8n line (its `defaultVersion`). */
const HTTP_REQUEST_VERSION = { 1: 4.3, 2: 4.5 };

function ticketsNode(n) {
  return codeNode(
    NODES.items,
    [
      `const texts = ${JSON.stringify(TEXTS)};`,
      `return Array.from({ length: ${n} }, (_, i) => ({ json: { ticket: 'T-' + (i + 1), text: texts[i % texts.length] } }));`,
    ].join('\n'),
  );
}

export function baselineWorkflow(n) {
  return chainWorkflow(`cfyBenchBase${n}`, `Bench: ${n} tickets, nothing else`, [ticketsNode(n)]);
}

/**
 * How our node is set up: Text to Classify as a plain `$json` path (read without n8n's expression
 * engine, decision 0207) or as an expression n8n must evaluate per item; On Error as a new node has
 * it (Stop Workflow) or Continue (using error output).
 */
export const VARIANTS = {
  plain: { id: '', label: 'Classifaily', input: '={{ $json.text }}' },
  expression: {
    id: 'Expr',
    label: 'Classifaily, non-plain Text, Stop on error',
    input: "={{ $json.ticket + ': ' + $json.text }}",
  },
  expressionErrorOutput: {
    id: 'ExOut',
    label: 'Classifaily, non-plain Text, error output',
    input: "={{ $json.ticket + ': ' + $json.text }}",
    onError: 'continueErrorOutput',
  },
};

export function classifailyWorkflow(n, variant = 'plain') {
  const { id, label, input, onError } = VARIANTS[variant];
  return chainWorkflow(`cfyBenchCfy${id}${n}`, `Bench: ${n} tickets through ${label}`, [
    ticketsNode(n),
    classifyNode(
      NODES.classifaily,
      CREDENTIALS.classifaily,
      { input, explain: false, options: {} },
      { typeVersion: 1, ...(onError ? { onError } : {}) },
    ),
  ]);
}

export function httpRequestWorkflow(n, n8nVersion, apiUrl) {
  return chainWorkflow(`cfyBenchHttp${n}`, `Bench: ${n} tickets through HTTP Request`, [
    ticketsNode(n),
    {
      name: NODES.http,
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: HTTP_REQUEST_VERSION[n8nVersion.split('.')[0]],
      credentials: { httpHeaderAuth: CREDENTIALS.header },
      parameters: {
        method: 'POST',
        url: `${apiUrl}/v1/classify`,
        authentication: 'genericCredentialType',
        genericAuthType: 'httpHeaderAuth',
        sendBody: true,
        specifyBody: 'json',
        jsonBody: `={{ { input: $json.text, categories: ${JSON.stringify(CATEGORIES)} } }}`,
        options: {},
      },
    },
  ]);
}
