// The bench workflows, as code. Each starts like a user's would: Manual Trigger → a Code node that
// makes N tickets from a fixed list of realistic texts. Then either our node (defaults: batch 25,
// concurrency 4), or n8n's HTTP Request node calling POST /v1/classify once per item, with the
// settings a new HTTP Request node has (no Batching option: n8n sends every item's request at once),
// or nothing (the baseline: what generating the items alone costs in time and memory).

export const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];

export const TEXTS = [
  'I was charged twice for my subscription this month, please refund me.',
  'The app crashes with an error every time I upload a file.',
  'I cannot log in - the password reset email never arrives.',
  'It would be great if you could add a dark mode.',
  'My invoice shows the wrong VAT number, can you send a corrected one?',
  'Export to CSV has been failing since yesterday with a 500 error.',
  'My account is locked after too many attempts and I need access today.',
  'Please add an integration with Google Sheets so we can sync results.',
  'Why did my card get declined when upgrading to the annual plan?',
  'The dashboard page is blank in Firefox, nothing loads.',
  'I changed my email address and now two-factor codes go to the old one.',
  'Could you support custom fields on the contact form?',
];

export const CREDENTIALS = {
  classifaily: { id: 'cfyBenchCred0001', name: 'Classifaily sandbox (bench)' },
  header: { id: 'cfyBenchHeader01', name: 'Header auth to the sandbox (bench)' },
};

/** The node names whose run data the bench reads. */
export const NODES = { items: 'Tickets', classifaily: 'Classifaily', http: 'HTTP Request' };

/** typeVersion of a new HTTP Request node in the editor of each n8n line (its `defaultVersion`). */
const HTTP_REQUEST_VERSION = { 1: 4.3, 2: 4.5 };

const position = (i) => [i * 220, 0];

function ticketsNode(n) {
  const jsCode = [
    `const texts = ${JSON.stringify(TEXTS)};`,
    `return Array.from({ length: ${n} }, (_, i) => ({ json: { ticket: 'T-' + (i + 1), text: texts[i % texts.length] } }));`,
  ].join('\n');
  return {
    id: 'b0000000-0000-4000-8000-000000000002',
    name: NODES.items,
    type: 'n8n-nodes-base.code',
    typeVersion: 2,
    position: position(1),
    parameters: { jsCode },
  };
}

function workflow(id, name, nodes) {
  const trigger = {
    id: 'b0000000-0000-4000-8000-000000000001',
    name: 'Manual Trigger',
    type: 'n8n-nodes-base.manualTrigger',
    typeVersion: 1,
    position: position(0),
    parameters: {},
  };
  const chain = [trigger, ...nodes];
  const connections = {};
  for (let i = 0; i < chain.length - 1; i++) {
    connections[chain[i].name] = { main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] };
  }
  return { id, name, nodes: chain, connections };
}

export function baselineWorkflow(n) {
  return workflow(`cfyBenchBase${n}`, `Bench: ${n} tickets, nothing else`, [ticketsNode(n)]);
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
  return workflow(`cfyBenchCfy${id}${n}`, `Bench: ${n} tickets through ${label}`, [
    ticketsNode(n),
    {
      id: 'b0000000-0000-4000-8000-000000000003',
      name: NODES.classifaily,
      type: 'n8n-nodes-classifaily.classifaily',
      typeVersion: 1,
      position: position(2),
      credentials: { classifailyApi: CREDENTIALS.classifaily },
      ...(onError ? { onError } : {}),
      parameters: {
        resource: 'classification',
        operation: 'classify',
        input,
        categorySource: 'list',
        categories: CATEGORIES,
        explain: false,
        options: {},
      },
    },
  ]);
}

export function httpRequestWorkflow(n, n8nVersion, apiUrl) {
  return workflow(`cfyBenchHttp${n}`, `Bench: ${n} tickets through HTTP Request`, [
    ticketsNode(n),
    {
      id: 'b0000000-0000-4000-8000-000000000004',
      name: NODES.http,
      type: 'n8n-nodes-base.httpRequest',
      typeVersion: HTTP_REQUEST_VERSION[n8nVersion.split('.')[0]],
      position: position(2),
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
