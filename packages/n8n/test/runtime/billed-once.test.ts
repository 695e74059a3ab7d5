// The replay rule's property (decision 0017) in real n8n: 60 items go through a run that a fault
// interrupts (the second batch fails for good, so the node stops there), are run again as a new
// execution (what "Retry" in the executions list does, or a run on the same data), and once more.
// Server-side, each item is classified — billed — exactly once. (Zapier's property:
// packages/zapier/test/billed-once.test.ts; Make's follows with its keys, issue 24.)
import { n8nVersionsUnderTest } from '../harness/n8n';
import { chainWorkflow, classifyNode, codeNode } from '../harness/tickets';
import { EXECUTE_TIMEOUT_MS, useN8nWithSandbox } from './real-n8n';

const CREDENTIAL = { id: 'cfyCredBilled001', name: 'Classifaily sandbox (billed once)' };
const WORKFLOW = chainWorkflow('cfyBilledOnce001', 'Classifaily: billed once', [
  codeNode(
    'Tickets',
    "return Array.from({ length: 60 }, (_, n) => ({ json: { text: 'I cannot log in, ticket ' + n } }));",
  ),
  classifyNode('Classify', CREDENTIAL, {
    categories: ['billing', 'technical_bug', 'account_access'],
    options: { concurrency: 1 },
  }),
]);

describe.each(n8nVersionsUnderTest())('real n8n %s', (version) => {
  const real = useN8nWithSandbox(version, { credential: CREDENTIAL, workflows: [WORKFLOW] });

  it(
    '60 items, interrupted, re-run and re-run again: each billed once',
    async () => {
      // Batch 1 is classified; batch 2 meets a 500 at every attempt (core's 3), and the node stops.
      await real.sandbox.setFaults([
        { kind: 'delay', delayMs: 0, count: 1, path: '/v1/classify/batch' },
        { kind: 'status', status: 500, count: 3, path: '/v1/classify/batch' },
      ]);
      const interrupted = await real.n8n.execute('cfyBilledOnce001', EXECUTE_TIMEOUT_MS);
      expect(interrupted.ok).toBe(false);
      expect((await real.sandbox.stats()).itemsClassified).toBe(25);

      // A new execution with the same items: batch 1 comes from the API's store.
      const rerun = await real.n8n.execute('cfyBilledOnce001', EXECUTE_TIMEOUT_MS);
      expect(rerun.ok).toBe(true);
      expect(rerun.runData.Classify?.[0]?.outputs[0]).toHaveLength(60);
      expect((await real.sandbox.stats()).itemsClassified).toBe(60);

      const again = await real.n8n.execute('cfyBilledOnce001', EXECUTE_TIMEOUT_MS);
      expect(again.ok).toBe(true);
      expect((await real.sandbox.stats()).itemsClassified).toBe(60);
    },
    3 * EXECUTE_TIMEOUT_MS,
  );
});
