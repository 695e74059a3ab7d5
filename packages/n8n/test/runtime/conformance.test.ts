// Core's conformance table (decision 0016) in real n8n: each row's fault, injected by the sandbox at
// every request, fails the node with n8n's error for the row's outcome — a NodeApiError with the
// HTTP code n8n shows (401, 403, 404, 429, the 5xx or 503) or a NodeOperationError for what the user
// fixes in the node — the same outcome as on Zapier and Make. One `n8n execute` per row.
import { CONFORMANCE, type ConformanceRow } from '@classifaily/core';

import { n8nVersionsUnderTest } from '../harness/n8n';
import { chainWorkflow, classifyNode, codeNode } from '../harness/tickets';
import { EXECUTE_TIMEOUT_MS, useN8nWithSandbox } from './real-n8n';

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

const WORKFLOW = chainWorkflow('cfyConformance01', 'Classifaily: conformance', [
  codeNode(
    'Tickets',
    "return [{ json: { text: 'I was charged twice' } }, { json: { text: 'The app crashes' } }];",
  ),
  classifyNode('Classify', CREDENTIAL, {
    categories: ['billing', 'technical_bug'],
    // Rate limits are not waited out beyond core's retries: the row's outcome at once.
    options: { rateLimitWait: 0 },
  }),
]);

describe.each(n8nVersionsUnderTest())('real n8n %s', (version) => {
  const real = useN8nWithSandbox(version, { credential: CREDENTIAL, workflows: [WORKFLOW] });

  it.each(rows.map((row) => [row.name, row] as const))(
    '%s',
    async (_name, row) => {
      await real.sandbox.reset();
      await real.sandbox.setFaults({ ...row.fault, count: 1000 } as never);
      const result = await real.n8n.execute('cfyConformance01', EXECUTE_TIMEOUT_MS);
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
