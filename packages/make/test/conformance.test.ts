// Core's conformance table through the Make emulator (decision 0016): each row's fault, injected by
// the sandbox at every request, gives the Make error type of the row's outcome (MAKE_ERROR_TYPE),
// by the emulator's rules, each citing Make's documentation (test/emulator/runtime.ts).
import { CONFORMANCE, SAMPLE_CATEGORIES, type ConformanceRow } from '@classifaily/core';
import type { FaultSpec } from '@classifaily/sandbox';
import { MAKE_ERROR_TYPE } from '../src/app/errors';
import { MakeModuleError, runModule } from './emulator';
import { startApi, type ApiServer } from './helpers/api';
import { devApp } from './helpers/apps';

const app = devApp();
let api: ApiServer;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());
afterEach(() => api.reset());

/**
 * What Make cannot meet as the table does: it gives a step no time limit the app can see, and it
 * sends no Idempotency-Key yet (issue 24), so a retried slow request does not meet the first one.
 */
const NOT_ON_MAKE: Record<string, string> = {
  deadline: 'Make gives a module no deadline of its own',
  attemptTimeout: 'Make modules send no Idempotency-Key until issue 24',
};
const rows = CONFORMANCE.filter((row) => !row.needs || !NOT_ON_MAKE[row.needs]);

/** A stalled body is Make's own ModuleTimeoutError, which Make retries like a ConnectionError. */
const expected = (row: ConformanceRow) =>
  row.fault.kind === 'stall' ? 'ModuleTimeoutError' : MAKE_ERROR_TYPE[row.expect as never];

it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
  api.setFaults({ ...(row.fault as FaultSpec), count: 1_000 });
  const connection = { apiKey: api.apiKey, baseUrl: api.url };
  const batch = row.expect === 'ok';
  const run = runModule(app, batch ? 'classifyBatch' : 'classifyText', {
    connection,
    timeoutMs: 1_000,
    parameters: batch
      ? {
          items: [{ input: 'refund me' }, { input: 'the app crashes' }],
          categorySource: 'list',
          categories: SAMPLE_CATEGORIES,
        }
      : { input: 'refund me', categorySource: 'list', categories: SAMPLE_CATEGORIES },
  });
  if (batch) {
    const { bundles } = await run;
    expect(bundles.map((b) => b.index).sort()).toEqual([1, 2]);
    expect(bundles.every((b) => typeof b.label === 'string')).toBe(true);
    return;
  }
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MakeModuleError);
  expect((error as MakeModuleError).type).toBe(expected(row));
});
