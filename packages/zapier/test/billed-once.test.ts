// The replay rule's property (decision 0017), in Zapier: the same 60 lines go through a step that
// faults interrupt at random (rate limits, server errors, dropped connections, answers cut off or
// stalled, answers slower than an attempt), run again as Zapier runs a throttled or failed step
// until it succeeds, and then once more as a later run with the same lines. Server-side, each line
// is classified — billed — exactly once. (The n8n node's property runs in real n8n:
// packages/n8n/test/runtime/billed-once.test.ts; Make's follows with its keys, issue 24.)
import fc from 'fast-check';
import { SAMPLE_CATEGORIES } from '@classifaily/core';

import { App, appTester, authDataFor, lines, start, type Sandbox } from './sandbox';

jest.setTimeout(600_000);

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());

const FAULTS = [
  { kind: 'status', status: 429, retryAfter: 30 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503, retryAfter: 1 },
  { kind: 'reset' },
  { kind: 'truncate' },
  { kind: 'shuffle' },
] as const;

const inputData = { items: lines(60), categories: SAMPLE_CATEGORIES };
const step = () =>
  appTester(App.creates.classifyBatch.operation.perform, {
    authData: authDataFor(sandbox),
    inputData,
  }) as Promise<{ results: Array<Record<string, unknown>> }>;

it('60 lines, interrupted, retried and re-run: each billed once', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.record({ fault: fc.constantFrom(...FAULTS), count: fc.integer({ min: 1, max: 4 }) }),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
      async (plan) => {
        await sandbox.reset();
        await sandbox.setFaults(
          plan.map(({ fault, count }) => ({ ...fault, count, path: '/v1/classify/batch' })),
        );
        // Zapier runs a step that failed again (ThrottledError, or a replay after a temporary
        // error) until it succeeds.
        let result: Awaited<ReturnType<typeof step>> | undefined;
        for (let run = 0; run < 6 && !result; run++) result = await step().catch(() => undefined);
        expect(result?.results.filter((line) => typeof line.label === 'string')).toHaveLength(60);
        // A later run of the same step with the same lines, within the window: billed nothing.
        await step();
        const stats = await sandbox.stats();
        expect(stats.itemsClassified).toBe(60);
      },
    ),
    { numRuns: 8, seed: 23 },
  );
});
