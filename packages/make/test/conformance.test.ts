// Core's conformance table through the Make emulator (decision 0016): each row's fault, injected by
// the sandbox at every request, gives the Make error type of the row's outcome (MAKE_ERROR_TYPE),
// by the emulator's rules, each citing Make's documentation (test/emulator/runtime.ts).
import { CONFORMANCE, SAMPLE_CATEGORIES, type ConformanceRow } from '@classifaily/core';
import type { FaultSpec } from '@classifaily/sandbox';
import { MAKE_ERROR_TYPE } from '../src/app/errors';
import { MakeModuleError, runModule } from './emulator';
import { useApi } from './helpers/api';
import { devApp } from './helpers/apps';

const app = devApp();
const { api, connection } = useApi('afterEach');

/** What Make cannot meet as the table does: it gives a step no time limit the app can see. */
const NOT_ON_MAKE: Record<string, string> = {
  deadline: 'Make gives a module no deadline of its own',
};
const rows = CONFORMANCE.filter((row) => !row.needs || !NOT_ON_MAKE[row.needs]);

/** A stalled body is Make's own ModuleTimeoutError, which Make retries like a ConnectionError. */
const expected = (row: ConformanceRow) =>
  row.fault.kind === 'stall' ? 'ModuleTimeoutError' : MAKE_ERROR_TYPE[row.expect as never];

const TIMEOUT_MS = 1_000;

it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
  const batch = row.expect === 'ok';
  const run = () =>
    runModule(app, batch ? 'classifyBatch' : 'classifyText', {
      connection,
      timeoutMs: TIMEOUT_MS,
      parameters: batch
        ? {
            items: [{ input: 'refund me' }, { input: 'the app crashes' }],
            categorySource: 'list',
            categories: SAMPLE_CATEGORIES,
          }
        : { input: 'refund me', categorySource: 'list', categories: SAMPLE_CATEGORIES },
    });
  const failure = () =>
    run().then(
      () => undefined,
      (e: unknown) => e,
    );
  if (row.needs === 'attemptTimeout') {
    // Make has no retry inside a module: the first run outlasts the module's timeout, a
    // ModuleTimeoutError that Make re-runs by itself; the re-run sends the same Idempotency-Key
    // (the module and the content, decision 0421) while the first is still being answered.
    api.setFaults({ kind: 'delay', delayMs: 3 * TIMEOUT_MS, count: 1 });
    const first = await failure();
    expect((first as MakeModuleError).type).toBe('ModuleTimeoutError');
  } else api.setFaults({ ...(row.fault as FaultSpec), count: 1_000 });
  if (batch) {
    const { bundles } = await run();
    expect(bundles.map((b) => b.index).sort()).toEqual([1, 2]);
    expect(bundles.every((b) => typeof b.label === 'string')).toBe(true);
    return;
  }
  const error = await failure();
  expect(error).toBeInstanceOf(MakeModuleError);
  expect((error as MakeModuleError).type).toBe(expected(row));
  if (row.needs === 'attemptTimeout') {
    // Make re-runs once more after the wait: when the first request is done, the same key gets its
    // answer, billed once.
    let later: Awaited<ReturnType<typeof run>> | undefined;
    for (let tries = 0; !later && tries < 100; tries++) {
      later = await run().catch((e: unknown) => {
        if ((e as MakeModuleError).type !== 'RateLimitError') throw e;
        return new Promise<undefined>((resolve) => setTimeout(resolve, 100));
      });
    }
    expect(later?.bundles[0]?.label).toEqual(expect.any(String));
    expect(api.stats()).toMatchObject({ itemsClassified: 1, idempotency: { replayed: 1 } });
  }
});
