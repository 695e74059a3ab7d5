// Core's conformance table (decision 0016) in real n8n: each row's fault, injected by the sandbox at
// every request, fails the node with n8n's error for the row's outcome — a NodeApiError with the
// HTTP code n8n shows (401, 403, 404, 429, the 5xx or 503) or a NodeOperationError for what the user
// fixes in the node — the same outcome as on Zapier and Make. One `n8n execute` per row.
import { CONFORMANCE, type ConformanceRow } from '@classifaily/core';

import { N8nInstance, PACKAGE_ROOT, n8nVersionsUnderTest } from '../harness/n8n';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

const SETUP_TIMEOUT_MS = 40 * 60_000;
const EXECUTE_TIMEOUT_MS = 5 * 60_000;
const CREDENTIAL = { id: 'cfyCredConform01', name: 'Classifaily sandbox (conformance)' };

/**
 * What n8n cannot meet as the table does: the node's attempt timeout is core's 60 s (the sandbox
 * delays at most 60 s), and n8n gives a node no deadline.
 */
const NOT_ON_N8N: Record<string, string> = {
  attemptTimeout: "the node's attempt timeout is core's 60 s; core's and Zapier's suites run it",
  deadline: 'n8n gives a node no time limit of its own',
};
const rows = CONFORMANCE.filter((row) => !row.needs || !NOT_ON_N8N[row.needs]);

/** n8n's error for an outcome: the node's table (nodes/Classifaily/errors.ts). */
function expectedError(row: ConformanceRow): { name: string; httpCode?: string } {
  const status = row.fault.kind === 'status' ? String(row.fault.status) : undefined;
  switch (row.expect) {
    case 'reauthenticate':
      return { name: 'NodeApiError', httpCode: '401' };
    case 'permission':
      return { name: 'NodeApiError', httpCode: '403' };
    case 'not-found':
      return { name: 'NodeApiError', httpCode: '404' };
    case 'throttle':
      // A 409 or 503 that throttles keeps its own status, as the API answered it.
      return { name: 'NodeApiError', httpCode: status ?? '429' };
    case 'temporary':
      // The API's 5xx or 408; 503 when no error status came (a broken or unreadable answer).
      return { name: 'NodeApiError', httpCode: status ?? '503' };
    default:
      return { name: 'NodeOperationError' };
  }
}

describe.each(n8nVersionsUnderTest())('real n8n %s', (version) => {
  let n8n: N8nInstance;
  let sandbox: SandboxProcess;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT] });
    await n8n.importSandboxCredential(CREDENTIAL, sandbox);
    await n8n.importWorkflows([
      {
        id: 'cfyConformance01',
        name: 'Classifaily: conformance',
        nodes: [
          {
            id: 'c0000000-0000-4000-8000-000000000001',
            name: 'Manual Trigger',
            type: 'n8n-nodes-base.manualTrigger',
            typeVersion: 1,
            position: [0, 0],
            parameters: {},
          },
          {
            id: 'c0000000-0000-4000-8000-000000000002',
            name: 'Tickets',
            type: 'n8n-nodes-base.code',
            typeVersion: 2,
            position: [200, 0],
            parameters: {
              jsCode:
                "return [{ json: { text: 'I was charged twice' } }, { json: { text: 'The app crashes' } }];",
            },
          },
          {
            id: 'c0000000-0000-4000-8000-000000000003',
            name: 'Classify',
            type: 'n8n-nodes-classifaily.classifaily',
            typeVersion: 2,
            position: [400, 0],
            credentials: { classifailyApi: CREDENTIAL },
            parameters: {
              resource: 'classification',
              operation: 'classify',
              input: '={{ $json.text }}',
              categorySource: 'list',
              categories: ['billing', 'technical_bug'],
              // Rate limits are not waited out beyond core's retries: the row's outcome at once.
              options: { rateLimitWait: 0 },
            },
          },
        ],
        connections: {
          'Manual Trigger': { main: [[{ node: 'Tickets', type: 'main', index: 0 }]] },
          Tickets: { main: [[{ node: 'Classify', type: 'main', index: 0 }]] },
        },
      },
    ]);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await n8n?.dispose();
    await sandbox?.close();
  });

  it.each(rows.map((row) => [row.name, row] as const))(
    '%s',
    async (_name, row) => {
      await sandbox.reset();
      await sandbox.setFaults({ ...row.fault, count: 1000 } as never);
      const result = await n8n.execute('cfyConformance01', EXECUTE_TIMEOUT_MS);
      const run = result.runData.Classify?.[0];
      if (row.expect === 'ok') {
        expect(result.ok).toBe(true);
        expect(
          run?.outputs[0]?.map((item) => (item.json.classification as { label?: unknown })?.label),
        ).toEqual([expect.any(String), expect.any(String)]);
        return;
      }
      expect(result.ok).toBe(false);
      const expected = expectedError(row);
      expect({ name: run?.error?.name, httpCode: run?.error?.httpCode }).toEqual({
        name: expected.name,
        httpCode: expected.httpCode,
      });
    },
    EXECUTE_TIMEOUT_MS,
  );
});
