import fc from 'fast-check';
import {
  AuthenticationError,
  ClassifailyClient,
  ServerError,
  replayKeys,
  type BatchClassification,
  type ClassifyBatchRequest,
} from '../src';
import { classifyMany } from '../src/many';
import { createBatchQueue, type SendBatch } from '../src/queue';

const many = (
  send: SendBatch,
  params: Parameters<typeof classifyMany>[1],
  options?: Parameters<typeof createBatchQueue>[1],
) => classifyMany(createBatchQueue(send, options), params);
import { fakeBatch } from './helpers/fake-batch';
import {
  batchAnswer,
  startScriptedServer,
  TEST_KEY,
  type SeenRequest,
} from './helpers/scripted-server';

const CATEGORIES = ['spam', 'ham'];

describe('classifyMany', () => {
  it('gives exactly one outcome per item, in input order, in ceil(N/25) requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== ''),
          { maxLength: 130 },
        ),
        fc.integer({ min: 1, max: 8 }),
        async (texts, concurrency) => {
          const fake = fakeBatch();
          const items = texts.map((input, i) => ({ input, id: `ref-${i}` }));
          const outcomes = await many(
            fake.send,
            { items, categories: CATEGORIES },
            { concurrency },
          );
          expect(outcomes).toHaveLength(items.length);
          outcomes.forEach((o, i) => {
            expect(o.index).toBe(i);
            expect(o.id).toBe(`ref-${i}`);
            expect(o.ok && o.result.label).toBe(texts[i]);
          });
          expect(fake.calls.length).toBe(Math.ceil(items.length / 25));
          expect(fake.calls.every((c) => c.items.length <= 25)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('fails bad items alone: locally invalid ones are never sent, server-rejected ones keep their error', async () => {
    const fake = fakeBatch({ failInputs: new Set(['rejected by server']) });
    const items = [
      { input: 'a' },
      { input: '   ' },
      { input: 'rejected by server' },
      { input: 'b' },
    ];
    const outcomes = await many(fake.send, { items, categories: CATEGORIES });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true]);
    expect(fake.calls[0]!.items.map((i) => i.input)).toEqual(['a', 'rejected by server', 'b']);
    const [, empty, rejected] = outcomes;
    expect(!empty!.ok && empty!.error.code).toBe('input_empty');
    expect(!rejected!.ok && rejected!.error.code).toBe('input_too_long');
  });

  it('fails the items of a batch that failed as a whole, and only those', async () => {
    let call = 0;
    const send = async (body: ClassifyBatchRequest): Promise<BatchClassification> => {
      call++;
      if (call === 2) throw new ServerError('down', { status: 503 });
      return fakeBatch().send(body);
    };
    const items = Array.from({ length: 60 }, (_, i) => ({ input: `t${i}` }));
    const outcomes = await many(send, { items, categories: CATEGORIES }, { concurrency: 1 });
    const failed = outcomes.filter((o) => !o.ok).map((o) => o.index);
    expect(failed).toEqual(Array.from({ length: 25 }, (_, i) => 25 + i));
  });

  it('stops sending after an error that would fail every request (a revoked key)', async () => {
    let calls = 0;
    const send = async (): Promise<BatchClassification> => {
      calls++;
      throw new AuthenticationError('revoked', { status: 401, code: 'revoked_api_key' });
    };
    const items = Array.from({ length: 100 }, (_, i) => ({ input: `t${i}` }));
    const outcomes = await many(send, { items, categories: CATEGORIES }, { concurrency: 1 });
    expect(calls).toBe(1);
    expect(outcomes.every((o) => !o.ok && o.error instanceof AuthenticationError)).toBe(true);
  });

  it('refuses bad categories once, for the whole call', async () => {
    const fake = fakeBatch();
    await expect(
      many(fake.send, { items: [{ input: 'a' }], categories: ['only'] }),
    ).rejects.toThrow(/at least 2/);
    expect(fake.calls).toHaveLength(0);
  });

  it('gives each batch the key idempotencyKeys makes, the same on a re-run (a platform running the work again)', async () => {
    const server = await startScriptedServer();
    server.fallback = batchAnswer;
    try {
      const client = new ClassifailyClient({ apiKey: TEST_KEY, baseUrl: server.url });
      // 75 items: two equal batches (the same 25 twice), then another one.
      const same = Array.from({ length: 25 }, (_, i) => ({ input: `text ${i}` }));
      const items = [...same, ...same, ...same.map((item) => ({ input: `${item.input}!` }))];
      const run = async () => {
        const before = server.requests.length;
        const idempotencyKeys = replayKeys({
          platform: 'run',
          workflow: [],
          step: 'step-1',
        }).classification;
        await client.classifyMany({ items, categories: CATEGORIES }, { idempotencyKeys });
        return server.requests.slice(before).map((r) => r.headers['idempotency-key']);
      };
      const first = await run();
      expect(first).toHaveLength(3);
      expect(new Set(first).size).toBe(3);
      expect(first.every((key) => /^run-[0-9a-f]{48}$/.test(String(key)))).toBe(true);
      expect(new Set(await run())).toEqual(new Set(first));
    } finally {
      await server.close();
    }
  });

  it('sends 60 items over the real wire in exactly 3 requests, with bounded concurrency', async () => {
    const server = await startScriptedServer();
    let inFlight = 0;
    let peak = 0;
    server.fallback = (req: SeenRequest) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => inFlight--, 20);
      return { ...batchAnswer(req), delayMs: 20 };
    };
    try {
      const client = new ClassifailyClient({ apiKey: TEST_KEY, baseUrl: server.url });
      const items = Array.from({ length: 60 }, (_, i) => ({ input: `text ${i}`, id: String(i) }));
      const outcomes = await client.classifyMany(
        { items, categories: CATEGORIES },
        { concurrency: 2 },
      );
      expect(server.requests).toHaveLength(3);
      expect(server.requests.every((r) => r.url === '/v1/classify/batch')).toBe(true);
      expect(outcomes.map((o) => o.id)).toEqual(items.map((i) => i.id));
      expect(peak).toBeLessThanOrEqual(2);
    } finally {
      await server.close();
    }
  });
});
