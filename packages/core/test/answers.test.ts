import { ServerError, type ClientOptions } from '../src';
import { classifyMany } from '../src/many';
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
    [
      'one result too few',
      (req) => {
        const answer = batchAnswer(req) as { body: { results: unknown[] } };
        answer.body.results.pop();
        return answer as Reply;
      },
    ],
    [
      'results out of order',
      (req) => {
        const answer = batchAnswer(req) as { body: { results: unknown[] } };
        answer.body.results.reverse();
        return answer as Reply;
      },
    ],
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
      const outcomes = await classifyMany(
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
