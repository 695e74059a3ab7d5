/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   test code, runs in Jest. */
// docs/examples/n8n-measure-accuracy.workflow.json in real n8n 2.40.7 (Data Tables are 2.x only),
// started as a user's n8n is (`n8n execute` has no Data Tables): the owner creates the "Labelled
// tickets" Data Table through n8n's own REST API, as the Data tables page does, fills it with
// tickets a person labelled, and runs the example as the editor's button does, against the sandbox.
// Its figures must equal what the sandbox's classifier gives for the same tickets.
//
// docs/examples/n8n-evaluation.workflow.json, n8n's own Evaluations on the same table, as far as
// n8n runs it without a licence: imported as the editor's "Import from file" does (POST
// /rest/workflows) and pointed at the table as a user picks it from the trigger's list, then run
// once from its Evaluation Trigger as the editor's button does. Then what a licence gates.
import { createRequire } from 'node:module';
import path from 'node:path';

import { classify as sandboxClassify } from '@classifaily/sandbox';

import {
  exampleWorkflow,
  N8nInstance,
  PACKAGE_ROOT,
  n8nCacheRoot,
  type WorkflowFixture,
} from '../harness/n8n';
import { N8nServer } from '../harness/n8n-server';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';
import { CATEGORIES, CLEAR_TICKETS, VAGUE_TICKETS } from '../harness/tickets';
import { EXECUTE_TIMEOUT_MS, SETUP_TIMEOUT_MS } from './real-n8n';

const VERSION = '2.40.7';

/** Tickets a person labelled: clear ones, one the person labelled otherwise, vague ones. */
const LABELLED = [...CLEAR_TICKETS.slice(0, 9), ...VAGUE_TICKETS];

const runIf = process.env.CLASSIFAILY_N8N_VERSIONS?.split(',').includes(VERSION) ?? true;

(runIf ? describe : describe.skip)(`the accuracy example in real n8n ${VERSION}`, () => {
  let sandbox: SandboxProcess;
  let n8n: N8nInstance;
  let server: N8nServer;
  let workflow: WorkflowFixture & { nodes: Array<Record<string, unknown>> };
  let tableId: string;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    n8n = await N8nInstance.create({ version: VERSION, packages: [PACKAGE_ROOT] });
    workflow = exampleWorkflow('n8n-measure-accuracy.workflow.json');
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
    tableId = table.id;
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

      const predicted = LABELLED.map((ticket) => ({ ...ticket, p: sandboxResult(ticket.text) }));
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

  describe("n8n's Evaluations on the same table (docs/examples/n8n-evaluation.workflow.json)", () => {
    const declined = LABELLED.find((t) => t.text.startsWith('Why did my card get declined'))!;

    beforeEach(() => sandbox.reset());

    it(
      'run once by hand: the trigger reads the first row, Classify sends one request, Categorization is 1 when the labels match',
      async () => {
        const id = await importEvaluationExample(server, tableId);
        const output = await runToTheEnd(server, id, 'Evaluation Trigger');

        const [row] = LABELLED;
        // The first row is one the sandbox labels as the person did.
        expect(sandboxResult(row!.text).label).toBe(row!.label);
        expect(output('Evaluation Trigger')).toEqual([
          expect.objectContaining({
            ...row,
            row_number: 0,
            _rowsLeft: LABELLED.length - 1,
          }),
        ]);
        expect(output('Classify')).toHaveLength(1);
        expect(output('Classify')[0]).toMatchObject({
          classification: { label: sandboxResult(row!.text).label },
        });
        expect(output('Evaluation')).toEqual([{ Categorization: 1 }]);
        expect(await sandbox.stats()).toMatchObject({ total: 1, itemsClassified: 1 });
      },
      EXECUTE_TIMEOUT_MS,
    );

    it(
      'Categorization is 0 when the sandbox gets the row wrong (the trigger filtered to that row)',
      async () => {
        const id = await importEvaluationExample(server, tableId, {
          filterRows: true,
          matchType: 'allConditions',
          filters: { conditions: [{ keyName: 'text', condition: 'eq', keyValue: declined.text }] },
        });
        const output = await runToTheEnd(server, id, 'Evaluation Trigger');

        // A row the sandbox labels otherwise than the person did.
        expect(sandboxResult(declined.text).label).not.toBe(declined.label);
        expect(output('Evaluation Trigger')).toEqual([
          expect.objectContaining({ ...declined, row_number: 0, _rowsLeft: 0 }),
        ]);
        expect(output('Classify')[0]).toMatchObject({
          classification: { label: sandboxResult(declined.text).label },
        });
        expect(output('Evaluation')).toEqual([{ Categorization: 0 }]);
        expect(await sandbox.stats()).toMatchObject({ total: 1, itemsClassified: 1 });
      },
      EXECUTE_TIMEOUT_MS,
    );

    it(
      'without a licence the settings the editor reads give no Evaluations and the public API refuses to start one',
      async () => {
        const id = await importEvaluationExample(server, tableId);
        const settings = await server.rest<{ evaluation: { quota: number } }>('GET', '/settings');
        expect(settings.evaluation.quota).toBe(0);

        const key = await server.rest<{ rawApiKey: string }>('POST', '/api-keys', {
          label: 'evaluations',
          expiresAt: null,
          scopes: ['testRun:create', 'testRun:list'],
        });
        const response = await fetch(`${server.url}/api/v1/workflows/${id}/test-runs`, {
          method: 'POST',
          headers: { 'x-n8n-api-key': key.rawApiKey },
        });
        expect({ status: response.status, body: await response.json() }).toEqual({
          status: 403,
          body: { message: 'Evaluations are not available on your plan' },
        });
        expect((await sandbox.stats()).total).toBe(0);
      },
      EXECUTE_TIMEOUT_MS,
    );

    it(
      "n8n 2.40.7 does not gate the editor's own test-run route: it runs every row and averages Categorization to the accuracy",
      async () => {
        const id = await importEvaluationExample(server, tableId);
        const { testRunId } = await server.rest<{ testRunId: string }>(
          'POST',
          `/workflows/${id}/test-runs/new`,
          {},
        );
        const deadline = Date.now() + EXECUTE_TIMEOUT_MS;
        let run = await server.rest<TestRun>('GET', `/workflows/${id}/test-runs/${testRunId}`);
        while (['new', 'running'].includes(run.status) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 500));
          run = await server.rest<TestRun>('GET', `/workflows/${id}/test-runs/${testRunId}`);
        }
        const right = LABELLED.filter((t) => sandboxResult(t.text).label === t.label).length;
        expect(right).toBeGreaterThan(0);
        expect(right).toBeLessThan(LABELLED.length);
        expect(run).toMatchObject({
          status: 'completed',
          finalResult: 'success',
          metrics: { Categorization: expect.closeTo(right / LABELLED.length, 10) },
        });
        const cases = await server.rest<Array<{ status: string; metrics: Record<string, number> }>>(
          'GET',
          `/workflows/${id}/test-runs/${testRunId}/test-cases`,
        );
        expect(cases.map((c) => c.status)).toEqual(LABELLED.map(() => 'success'));
        expect(cases.map((c) => c.metrics.Categorization).sort()).toEqual(
          LABELLED.map((t) => (sandboxResult(t.text).label === t.label ? 1 : 0)).sort(),
        );
        // One execution, and one request of one item, per row.
        expect(await sandbox.stats()).toMatchObject({
          total: LABELLED.length,
          itemsClassified: LABELLED.length,
          itemsClassifiedAgain: 0,
        });
      },
      EXECUTE_TIMEOUT_MS,
    );
  });
});

interface TestRun {
  status: string;
  finalResult?: string;
  metrics?: Record<string, number>;
}

/** The classification the sandbox gives for a ticket against the examples' categories. */
function sandboxResult(text: string) {
  return sandboxClassify(
    text,
    CATEGORIES.map((name) => ({ name })),
    false,
  );
}

/**
 * Imports the Evaluations example as the editor's "Import from file" does and points its trigger at
 * the table as a user does by picking it from the list (the trigger takes the table's ID only).
 * `trigger` adds parameters to the trigger. Returns the new workflow's id.
 */
async function importEvaluationExample(
  server: N8nServer,
  tableId: string,
  trigger: Record<string, unknown> = {},
): Promise<string> {
  const example = exampleWorkflow('n8n-evaluation.workflow.json') as unknown as {
    name: string;
    nodes: Array<{ name: string; parameters: Record<string, unknown> }>;
    connections: unknown;
    settings: unknown;
  };
  const evaluationTrigger = example.nodes.find((node) => node.name === 'Evaluation Trigger')!;
  evaluationTrigger.parameters = {
    ...evaluationTrigger.parameters,
    dataTableId: { __rl: true, mode: 'list', value: tableId, cachedResultName: 'Labelled tickets' },
    ...trigger,
  };
  const created = await server.rest<{ id: string }>('POST', '/workflows', {
    name: example.name,
    nodes: example.nodes,
    connections: example.connections,
    settings: example.settings,
  });
  return created.id;
}

/** Runs the workflow as the editor's button does and returns each node's first output's JSON. */
async function runToTheEnd(server: N8nServer, workflowId: string, trigger?: string) {
  const id = await server.runWorkflow(workflowId, trigger);
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
