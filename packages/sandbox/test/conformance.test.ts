// Core's conformance table on the real sandbox: each row's fault, injected here at every attempt,
// gives the row's outcome through core's client. The adapters run the same faults in their hosts.
import { ClassifailyClient, CONFORMANCE, outcomeOf, type ConformanceRow } from '@classifaily/core';
import { startSandbox, type FaultSpec, type Sandbox } from '../src';

jest.setTimeout(60_000);

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ faults: true });
});
// Rows leave answers in flight (a slow answer the client gave up on, stalled bodies) that the
// sandbox's close waits for without a bound, for up to its 120 s idle timeout; a bounded shutdown is
// issue 21's (item 5). The suite does not wait for it.
afterAll(() =>
  Promise.race([sandbox.close(), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]),
);
afterEach(() => sandbox.reset());

const rows = CONFORMANCE.filter((row) => row.needs !== 'deadline');

it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row: ConformanceRow) => {
  const attemptTimeout = row.needs === 'attemptTimeout';
  const fault = (attemptTimeout ? { kind: 'delay', delayMs: 1_500 } : row.fault) as FaultSpec;
  sandbox.setFaults({ ...fault, count: 1_000 });
  const client = new ClassifailyClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    // Short real waits: an immediate retry after a stalled answer left its connection open to the
    // sandbox's close (a race in the client's HTTP stack); real waits are at least 0.5 s.
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50))),
    bodyTimeout: 200,
    timeout: attemptTimeout ? 300 : 5_000,
  });
  const items = [{ input: 'I was charged twice' }, { input: 'The app crashes on start' }];
  const outcomes = await client.classifyMany({ items, categories: ['billing', 'technical_bug'] });
  for (const outcome of outcomes) {
    if (row.expect === 'ok') expect(outcome.ok).toBe(true);
    else expect(outcomeOf(!outcome.ok && outcome.error)?.kind).toBe(row.expect);
  }
});
