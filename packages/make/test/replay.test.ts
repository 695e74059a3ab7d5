// Billed once (decision 0415, core's replay rule 0017): the keys the modules compute in IML, run by
// the emulator against the sandbox, whose counters tell what was classified and what was replayed.
// Make re-runs an incomplete execution with the same bundle (help.make.com, "Automatic retry of
// incomplete executions": after a ConnectionError, RateLimitError or ModuleTimeoutError); here that
// is the same module run again with the same parameters.
import { SAMPLE_CATEGORIES, SAMPLE_INPUT } from '@classifaily/core';
import { MakeModuleError, runModule, type SentRequest } from './emulator';
import { useApi } from './helpers/api';
import { devApp } from './helpers/apps';

const app = devApp();
const { api, connection } = useApi();

const run = (id: string, parameters: Record<string, unknown>, fetch?: typeof globalThis.fetch) =>
  runModule(app, id, { connection, parameters, ...(fetch ? { fetch } : {}) });
const keyOf = (r: SentRequest) => r.headers['idempotency-key'];

const tickets = Array.from({ length: 60 }, (_, i) => ({
  input: `Ticket ${i}: I cannot log in since the update.`,
  id: `t-${i}`,
}));
const batch = { items: tickets, categories: SAMPLE_CATEGORIES };

describe('Classify Text', () => {
  it('sends a key from the module and the content; the same step again is replayed, not billed', async () => {
    const params = { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES };
    const first = await run('classifyText', params);
    const again = await run('classifyText', params);
    expect(keyOf(first.requests[0]!)).toMatch(/^make-[0-9a-f]{64}$/);
    expect(keyOf(again.requests[0]!)).toBe(keyOf(first.requests[0]!));
    expect(again.bundles).toEqual(first.bundles);
    expect(api.stats()).toMatchObject({ itemsClassified: 1, idempotency: { replayed: 1 } });
    // The key is a hash: neither the API key nor the text is in it.
    expect(keyOf(first.requests[0]!)).not.toContain(api.apiKey);
  });

  it('another text, other categories or another Deduplication Key is another key', async () => {
    const base = { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES };
    const keys = await Promise.all(
      [
        base,
        { ...base, input: `${SAMPLE_INPUT}!` },
        { ...base, categories: [...SAMPLE_CATEGORIES, 'other'] },
        { ...base, explain: true },
        { ...base, deduplicationKey: 'ticket-1' },
        { ...base, deduplicationKey: 'ticket-2' },
      ].map(async (p) => keyOf((await run('classifyText', p)).requests[0]!)),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('Classify Batch: an incomplete execution re-run by Make bills nothing twice', () => {
  /** A fetch whose `n`-th request is handled by the API but its answer is cut off (truncate). */
  const cutAt = (n: number): typeof fetch => {
    let calls = 0;
    return (url, init) => {
      if (++calls === n) api.setFaults({ kind: 'truncate', count: 1 });
      return fetch(url, init);
    };
  };

  it.each([1, 2, 3])(
    'the answer to chunk %i is lost: the re-run replays what was done',
    async (n) => {
      const failed = await run('classifyBatch', batch, cutAt(n)).catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(MakeModuleError);
      expect((failed as MakeModuleError).type).toBe('ConnectionError');
      // Make stores the incomplete execution and runs the module again with the same bundle.
      const rerun = await run('classifyBatch', batch);
      expect(rerun.bundles.map((b) => b.reference)).toEqual(tickets.map((t) => t.id));
      expect(api.stats()).toMatchObject({
        itemsClassified: 60,
        itemsClassifiedAgain: 0,
        idempotency: { replayed: n },
      });
      // A second re-run (or a scenario run again on the same data) is answered from the store: 0 billed.
      await run('classifyBatch', batch);
      expect(api.stats()).toMatchObject({ itemsClassified: 60, itemsClassifiedAgain: 0 });
    },
  );

  it('a throttled chunk (429) stops the module; the re-run bills each item once', async () => {
    let calls = 0;
    const throttleSecond: typeof fetch = (url, init) => {
      if (++calls === 2) api.setFaults({ kind: 'status', status: 429, count: 1 });
      return fetch(url, init);
    };
    const error = await run('classifyBatch', batch, throttleSecond).catch((e: unknown) => e);
    expect((error as MakeModuleError).type).toBe('RateLimitError');
    await run('classifyBatch', batch);
    expect(api.stats()).toMatchObject({ itemsClassified: 60, itemsClassifiedAgain: 0 });
  });

  it('equal chunks at different places get different keys; a Deduplication Key changes every key', async () => {
    const same = Array.from({ length: 50 }, () => ({ input: SAMPLE_INPUT }));
    const plain = await run('classifyBatch', { items: same, categories: SAMPLE_CATEGORIES });
    const scoped = await run('classifyBatch', {
      items: same,
      categories: SAMPLE_CATEGORIES,
      deduplicationKey: 'import-7',
    });
    const keys = [...plain.requests, ...scoped.requests].map(keyOf);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('Create Schema: a key only when the user gives one (Make names no run)', () => {
  const schema = { name: 'Triage', categories: [{ name: 'a' }, { name: 'b' }] };

  it('without a Deduplication Key: no Idempotency-Key, and each run creates a schema', async () => {
    const first = await run('createSchema', schema);
    const second = await run('createSchema', schema);
    expect(keyOf(first.requests[0]!)).toBeUndefined();
    expect(second.bundles[0]!.id).not.toBe(first.bundles[0]!.id);
  });

  it('with one: a re-run gets the same schema back instead of a second one', async () => {
    const first = await run('createSchema', { ...schema, deduplicationKey: 'setup-1' });
    const rerun = await run('createSchema', { ...schema, deduplicationKey: 'setup-1' });
    expect(keyOf(first.requests[0]!)).toMatch(/^make-[0-9a-f]{64}$/);
    expect(rerun.bundles[0]!.id).toBe(first.bundles[0]!.id);
    expect(api.stats().idempotency.replayed).toBe(1);
  });
});
