// The replay rule's property (decision 0017) in real n8n: 60 items go through a run that a fault
// interrupts (the second batch fails for good, so the node stops there), are run again as a new
// execution (what "Retry" in the executions list does, or a run on the same data), and once more.
// Server-side, each item is classified — billed — exactly once. (Zapier's property:
// packages/zapier/test/billed-once.test.ts; Make's follows with its keys, issue 24.)
import { N8nInstance, PACKAGE_ROOT, n8nVersionsUnderTest } from '../harness/n8n';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

const SETUP_TIMEOUT_MS = 40 * 60_000;
const EXECUTE_TIMEOUT_MS = 5 * 60_000;
const CREDENTIAL = { id: 'cfyCredBilled001', name: 'Classifaily sandbox (billed once)' };

describe.each(n8nVersionsUnderTest())('real n8n %s', (version) => {
  let n8n: N8nInstance;
  let sandbox: SandboxProcess;

  beforeAll(async () => {
    sandbox = await startSandboxProcess();
    n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT] });
    await n8n.importSandboxCredential(CREDENTIAL, sandbox);
    await n8n.importWorkflows([
      {
        id: 'cfyBilledOnce001',
        name: 'Classifaily: billed once',
        nodes: [
          {
            id: 'b0000000-0000-4000-8000-000000000001',
            name: 'Manual Trigger',
            type: 'n8n-nodes-base.manualTrigger',
            typeVersion: 1,
            position: [0, 0],
            parameters: {},
          },
          {
            id: 'b0000000-0000-4000-8000-000000000002',
            name: 'Tickets',
            type: 'n8n-nodes-base.code',
            typeVersion: 2,
            position: [200, 0],
            parameters: {
              jsCode:
                "return Array.from({ length: 60 }, (_, n) => ({ json: { text: 'I cannot log in, ticket ' + n } }));",
            },
          },
          {
            id: 'b0000000-0000-4000-8000-000000000003',
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
              categories: ['billing', 'technical_bug', 'account_access'],
              options: { concurrency: 1 },
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

  it(
    '60 items, interrupted, re-run and re-run again: each billed once',
    async () => {
      // Batch 1 is classified; batch 2 meets a 500 at every attempt (core's 3), and the node stops.
      await sandbox.setFaults([
        { kind: 'delay', delayMs: 0, count: 1, path: '/v1/classify/batch' },
        { kind: 'status', status: 500, count: 3, path: '/v1/classify/batch' },
      ]);
      const interrupted = await n8n.execute('cfyBilledOnce001', EXECUTE_TIMEOUT_MS);
      expect(interrupted.ok).toBe(false);
      expect((await sandbox.stats()).itemsClassified).toBe(25);

      // A new execution with the same items: batch 1 comes from the API's store.
      const rerun = await n8n.execute('cfyBilledOnce001', EXECUTE_TIMEOUT_MS);
      expect(rerun.ok).toBe(true);
      expect(rerun.runData.Classify?.[0]?.outputs[0]).toHaveLength(60);
      expect((await sandbox.stats()).itemsClassified).toBe(60);

      const again = await n8n.execute('cfyBilledOnce001', EXECUTE_TIMEOUT_MS);
      expect(again.ok).toBe(true);
      expect((await sandbox.stats()).itemsClassified).toBe(60);
    },
    3 * EXECUTE_TIMEOUT_MS,
  );
});
