/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code in Jest: it polls the sandbox with timers. */
// How the node sends a batch: stable idempotency keys (a re-run of the same work is answered from
// Classifaily's store, not billed twice) and 429s waited out under a shared rate limit. Against the
// real sandbox over HTTP; n8n's context is reduced to the four ids the keys are made of.
import { ClassifailyClient, RateLimitError, type ClassifyBatchRequest } from '@classifaily/core';
import type { IExecuteFunctions } from 'n8n-workflow';

import { batchSender } from '../../nodes/Classifaily/v1/batch-sender';
import { stableBatchKeys } from '../../nodes/Classifaily/v1/idempotency';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];

function context(ids: { execution?: string; node?: string; workflow?: string } = {}) {
  return {
    getExecutionId: () => ids.execution ?? '42',
    getInstanceId: () => 'instance-1',
    getWorkflow: () => ({ id: ids.workflow ?? 'wf-1', name: 'Tickets', active: true }),
    getNode: () => ({ id: ids.node ?? 'node-1', name: 'Classifaily' }),
  } as unknown as IExecuteFunctions;
}

const batch = (...texts: string[]): ClassifyBatchRequest => ({
  items: texts.map((input) => ({ input })),
  categories: CATEGORIES,
});

describe('stableBatchKeys', () => {
  it('gives the same batches of a re-run the same keys, in any order', async () => {
    const first = stableBatchKeys(context());
    const again = stableBatchKeys(context());
    const a = await first(batch('refund me'));
    const b = await first(batch('the app crashes'));
    expect(await again(batch('the app crashes'))).toBe(b);
    expect(await again(batch('refund me'))).toBe(a);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^n8n-42-[0-9a-f]{48}$/);
  });

  it('gives two equal batches of one run two keys (two pieces of work)', async () => {
    const keys = stableBatchKeys(context());
    const twice = [await keys(batch('refund me')), await keys(batch('refund me'))];
    expect(new Set(twice).size).toBe(2);
    const rerun = stableBatchKeys(context());
    expect([await rerun(batch('refund me')), await rerun(batch('refund me'))]).toEqual(twice);
  });

  it('differs for another execution, node, workflow or target', async () => {
    const key = (ctx = context(), body = batch('refund me')) => stableBatchKeys(ctx)(body);
    const base = await key();
    expect(await key(context({ execution: '43' }))).not.toBe(base);
    expect(await key(context({ node: 'node-2' }))).not.toBe(base);
    expect(await key(context({ workflow: 'wf-2' }))).not.toBe(base);
    expect(await key(context(), { ...batch('refund me'), explain: true })).not.toBe(base);
  });

  it('leaves the key to the client (random) when there is no execution id', async () => {
    expect(await stableBatchKeys(context({ execution: '' }))(batch('refund me'))).toBeUndefined();
  });
});

describe('batchSender against the sandbox', () => {
  let sandbox: SandboxProcess;
  let client: ClassifailyClient;
  beforeAll(async () => {
    // One request per second per key: a rate limit that the three batches below must share.
    sandbox = await startSandboxProcess({ rateLimit: 1, rateLimitWindowMs: 1_000 });
    client = new ClassifailyClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  const bodies = [batch('refund me'), batch('the app crashes'), batch('I cannot log in')];

  it('waits out 429s with the same key until every batch is answered, each billed once', async () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((x) => batch(`ticket ${x}: refund me`));
    // Core's own two retries are not enough for five batches at one a second...
    const plain = await Promise.allSettled(five.map((body) => client.classifyBatch(body)));
    expect(plain.some((r) => r.status === 'rejected' && r.reason instanceof RateLimitError)).toBe(
      true,
    );
    await sandbox.reset();
    // ...the node's sender waits until each is through.
    const send = batchSender.call(context(), client);
    const answers = await Promise.all(five.map((body) => send(body, {})));
    expect(answers.map((a) => a.results[0]!.status)).toEqual(Array(5).fill('completed'));
    const stats = await sandbox.stats();
    expect(stats.byStatus['429']).toBeGreaterThan(0);
    expect(stats).toMatchObject({
      itemsClassified: 5,
      itemsClassifiedAgain: 0,
      idempotency: { applied: 5, reused: 0 },
    });
  }, 60_000);

  it('a re-run of the same node run is answered from the store: nothing billed twice', async () => {
    await Promise.all(bodies.map((body) => batchSender.call(context(), client)(body, {})));
    await Promise.all(bodies.map((body) => batchSender.call(context(), client)(body, {})));
    expect(await sandbox.stats()).toMatchObject({
      itemsClassified: 3,
      itemsClassifiedAgain: 0,
      idempotency: { applied: 3, replayed: 3 },
    });
    // The same re-run with the client's random keys would have paid again (the counter can fail).
    const randomKeys = batchSender.call(context({ execution: '' }), client);
    await Promise.all(bodies.map((body) => randomKeys(body, {})));
    expect((await sandbox.stats()).itemsClassifiedAgain).toBe(3);
  }, 60_000);

  it('gives up at once on a Retry-After over a minute, and on anything but a rate limit', async () => {
    const send = batchSender.call(context(), client);
    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 3600 });
    await expect(send(bodies[0]!, {})).rejects.toBeInstanceOf(RateLimitError);
    await sandbox.setFaults({ kind: 'status', status: 503, count: 3 });
    await expect(send(bodies[1]!, {})).rejects.toMatchObject({ status: 503 });
    expect((await sandbox.stats()).byStatus).toEqual({ '429': 1, '503': 3 });
  }, 60_000);

  it('stops waiting when the run is cancelled', async () => {
    // Over core's 8 s cap (it hands the error over at once), under the node's minute (it waits).
    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 9, count: 10 });
    const cancel = new AbortController();
    const sending = batchSender.call(context(), client)(bodies[0]!, { signal: cancel.signal });
    while (((await sandbox.stats()).byStatus['429'] ?? 0) < 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    cancel.abort(new Error('cancelled by the user'));
    await expect(sending).rejects.toThrow('cancelled by the user');
    expect((await sandbox.stats()).byStatus).toEqual({ '429': 1 });
  }, 60_000);
});
