import { ServerError, type ClientOptions } from '../src';
import { classifyMany } from '../src/many';
import { createBatchQueue, type SendBatch } from '../src/queue';

const many = (
  send: SendBatch,
  params: Parameters<typeof classifyMany>[1],
  options?: Parameters<typeof createBatchQueue>[1],
) => classifyMany(createBatchQueue(send, options), params);
import {
  batchAnswer,
  BODY,
  clientOf,
  okClassification,
  startScriptedServer,
  type Reply,
  type ScriptedServer,
  type SeenRequest,
} from './helpers/scripted-server';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(() => server.close());

const client = (options: Partial<ClientOptions> = {}) => clientOf(server, options);

const malformed: Array<[string, Reply]> = [
  ['{}', { status: 200, raw: '{}' }],
  ['null', { status: 200, raw: 'null' }],
  ['[]', { status: 200, raw: '[]' }],
  ['a result without a label', { status: 200, body: { id: '1', result: { confidence: 0.5 } } }],
  ['a confidence of 7', { status: 200, body: { id: '1', result: { label: 'x', confidence: 7 } } }],
  ['an empty body', { status: 200, raw: '' }],
  ['truncated JSON', { status: 200, raw: '{"id": "42", "res' }],
];

describe('a 2xx that is not a Classifaily answer (decision 0011)', () => {
  it.each(malformed)(
    'classify: %s is a temporary ServerError, retried, never returned as a result',
    async (_name, reply) => {
      server.script(reply, okClassification());
      await expect(client().classify(BODY)).resolves.toMatchObject({
        result: { label: 'account_access' },
      });
      expect(server.requests).toHaveLength(2);

      server.fallback = reply;
      const error = await client({ maxRetries: 1 })
        .classify(BODY)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toMatchObject({ code: 'malformed_response', status: 200, retryable: true });
    },
  );

  const badBatches: Array<[string, (req: SeenRequest) => Reply]> = [
    ['{}', () => ({ status: 200, raw: '{}' })],
    ['null', () => ({ status: 200, raw: 'null' })],
    ['{"results": null}', () => ({ status: 200, body: { id: 'b', results: null } })],
  ];

  it.each(badBatches)(
    'classifyMany: a batch answered with %s fails each of its own items; the other batches are classified',
    async (_name, bad) => {
      let batches = 0;
      // The second batch is answered badly every time it is sent (first attempt and retries).
      server.fallback = (req) => {
        const first = (JSON.parse(req.body) as { items: Array<{ input: string }> }).items[0]!.input;
        batches++;
        return first === 't25' ? bad(req) : batchAnswer(req);
      };
      const c = client({ maxRetries: 1 });
      const items = Array.from({ length: 60 }, (_, i) => ({ input: `t${i}` }));
      const outcomes = await many(
        (body, o) => c.classifyBatch(body, o),
        { items, categories: ['x', 'y'] },
        { concurrency: 1 },
      );
      expect(outcomes.map((o) => o.ok)).toEqual(items.map((_, i) => i < 25 || i >= 50));
      for (const o of outcomes.slice(25, 50))
        expect(!o.ok && o.error).toMatchObject({ name: 'ServerError', code: 'malformed_response' });
      expect(batches).toBe(4); // 3 batches, the bad one sent twice
    },
  );
});

// Issue 21, item 7: each result carries its index; an answer out of order was refused whole (and
// retried, then failed, every item already billed). Results are placed by index; only an entry
// that cannot be placed fails, and only its own item.
describe('a batch answer placed by index', () => {
  const items = Array.from({ length: 60 }, (_, i) => ({ input: `t${i}` }));
  const answered = (change: (results: Array<{ index: number }>) => void) => (req: SeenRequest) => {
    const answer = batchAnswer(req) as { body: { results: Array<{ index: number }> } };
    change(answer.body.results);
    return answer as Reply;
  };
  const run = () =>
    many((body, o) => client().classifyBatch(body, o), { items, categories: ['x', 'y'] });

  it('results out of order: every item gets its own result, one request per batch', async () => {
    server.fallback = answered((results) => results.reverse());
    const outcomes = await run();
    expect(outcomes.map((o) => o.ok && o.result.label)).toEqual(items.map((i) => i.input));
    expect(server.requests).toHaveLength(3);
  });

  it('one result missing, or two for one index: only the items without a usable entry fail', async () => {
    server.fallback = answered((results) => {
      if (results.length !== 25) return;
      results.pop(); // item 24 of the batch has no entry
      results[3]!.index = 5; // items 3 and 5: none and two
    });
    const outcomes = await run();
    const failed = outcomes.flatMap((o) => (o.ok ? [] : [o.index]));
    expect(failed).toEqual([3, 5, 24, 28, 30, 49]);
    for (const o of outcomes.filter((o) => !o.ok))
      expect(!o.ok && o.error).toMatchObject({ code: 'malformed_response', retryable: true });
    expect(server.requests).toHaveLength(3);
  });
});

// Issue 21, item 8: a body announced as gzip that is not was "the connection broke", retried as a
// network failure. It is a bad answer: the outcome of a malformed answer (decision 0011).
it('an invalid gzip body is a malformed answer, not a broken connection', async () => {
  server.fallback = {
    status: 200,
    raw: 'this is not gzip',
    headers: { 'Content-Encoding': 'gzip' },
  };
  const error = await client({ maxRetries: 1 })
    .classify(BODY)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ServerError);
  expect(error).toMatchObject({ code: 'malformed_response', retryable: true });
  expect((error as Error).message).toMatch(/could not be decoded/);
  expect(server.requests).toHaveLength(2);
});
