/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   test code, runs in Jest. */
// docs/examples/n8n-measure-accuracy.workflow.json in real n8n 2.40.7 (Data Tables are 2.x only),
// started as a user's n8n is (`n8n execute` has no Data Tables): the owner creates the "Labelled
// tickets" Data Table through n8n's own REST API, as the Data tables page does, fills it with
// tickets a person labelled, and runs the example as the editor's button does, against the sandbox.
// Its figures must equal what the sandbox's classifier gives for the same tickets.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { classify as sandboxClassify } from '@classifaily/sandbox';

import { N8nInstance, PACKAGE_ROOT, n8nCacheRoot, type WorkflowFixture } from '../harness/n8n';
import { N8nServer } from '../harness/n8n-server';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

const VERSION = '2.40.7';
const EXAMPLE = path.join(
  PACKAGE_ROOT,
  '..',
  '..',
  'docs',
  'examples',
  'n8n-measure-accuracy.workflow.json',
);
const SETUP_TIMEOUT_MS = 40 * 60_000;
const EXECUTE_TIMEOUT_MS = 5 * 60_000;

/** Tickets a person labelled: clear ones, one the person labelled otherwise, vague ones. */
const LABELLED = [
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
  { text: 'Hello there.', label: 'account_access' },
  { text: 'What is the weather like?', label: 'feature_request' },
];

const runIf = process.env.CLASSIFAILY_N8N_VERSIONS?.split(',').includes(VERSION) ?? true;

(runIf ? describe : describe.skip)(`the accuracy example in real n8n ${VERSION}`, () => {
  let sandbox: SandboxProcess;
  let n8n: N8nInstance;
  let server: N8nServer;
  let workflow: WorkflowFixture & { nodes: Array<Record<string, unknown>> };

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    n8n = await N8nInstance.create({ version: VERSION, packages: [PACKAGE_ROOT] });
    workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
    const classify = workflow.nodes.find((node) => node.name === 'Classify') as unknown as {
      credentials: { classifailyApi: { id: string; name: string } };
    };
    await n8n.importSandboxCredential(classify.credentials.classifailyApi, sandbox);
    await n8n.importWorkflows([workflow]);
    server = await N8nServer.start(n8n);
    const project = await server.rest<{ id: string }>('GET', '/projects/personal');
    const table = await server.rest<{ id: string }>('POST', `/projects/${project.id}/data-tables`, {
      name: 'Labelled tickets',
      columns: [
        { name: 'text', type: 'string' },
        { name: 'label', type: 'string' },
      ],
    });
    await server.rest('POST', `/projects/${project.id}/data-tables/${table.id}/insert`, {
      data: LABELLED,
    });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    await n8n?.dispose();
    await sandbox?.close();
  });

  it(
    'reads the Data Table, classifies every ticket and ends with accuracy and the share acted on at the threshold',
    async () => {
      const output = await runToTheEnd(server, 'cfyExampleAccuracy');
      expect(output('Classify')).toHaveLength(LABELLED.length);

      const categories = ['billing', 'technical_bug', 'account_access', 'feature_request'];
      const predicted = LABELLED.map((ticket) => ({
        ...ticket,
        p: sandboxClassify(
          ticket.text,
          categories.map((name) => ({ name })),
          false,
        ),
      }));
      const right = predicted.filter((t) => t.p.label === t.label);
      const acted = predicted.filter((t) => t.p.confidence >= 0.8);
      const actedRight = acted.filter((t) => t.p.label === t.label);
      // The set is not trivial: some wrong, some left to review.
      expect(right.length).toBeLessThan(LABELLED.length);
      expect(acted.length).toBeLessThan(LABELLED.length);

      const [figures] = output('Accuracy');
      expect(figures).toEqual({
        tickets: LABELLED.length,
        accuracy: expect.closeTo(right.length / LABELLED.length, 10),
        review_threshold: 0.8,
        acted_on_share: expect.closeTo(acted.length / LABELLED.length, 10),
        acted_on_accuracy: expect.closeTo(actedRight.length / acted.length, 10),
      });
      // One batch request for the whole table.
      expect((await sandbox.stats()).byOperation).toEqual({ classifyBatch: 1 });
    },
    EXECUTE_TIMEOUT_MS,
  );
});

/** Runs the workflow as the editor's button does and returns each node's first output's JSON. */
async function runToTheEnd(server: N8nServer, workflowId: string) {
  const id = await server.runWorkflow(workflowId);
  const deadline = Date.now() + EXECUTE_TIMEOUT_MS;
  let status = await server.executionStatus(id);
  while (['new', 'running', 'waiting', 'unknown'].includes(status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    status = await server.executionStatus(id);
  }
  const execution = await server.rest<{ data: string }>('GET', `/executions/${id}`);
  // n8n stores run data with `flatted` (circular references); its own copy reads it.
  const flatted = createRequire(
    path.join(n8nCacheRoot(), VERSION, 'node_modules', 'n8n', 'package.json'),
  )('flatted') as { parse(text: string): unknown };
  const data = flatted.parse(execution.data) as {
    resultData: {
      error?: { message: string };
      runData: Record<
        string,
        Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>
      >;
    };
  };
  if (status !== 'success')
    throw new Error(`the example ended ${status}: ${data.resultData.error?.message}`);
  return (node: string) =>
    (data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}
