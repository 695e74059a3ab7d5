// The host-process suite: every fault runs core's built dist in a fresh `node` child (Node 20, 22
// and 24), the way a user's script or a platform's worker runs it, against a wire-level server of
// the suite's own. Each child must print a result or a typed error and exit on its own: runInChild
// kills one that hangs, and resultOf/errorOf fail on a child that ended without printing.
import { LIMITS } from '../../src/generated/limits';
import {
  batchAnswer,
  okClassification,
  problem,
  startScriptedServer,
  TEST_KEY,
  type Reply,
  type ScriptedServer,
  type SeenRequest,
} from '../helpers/scripted-server';
import { NODES } from './nodes';
import {
  ensureDistBuilt,
  errorOf,
  resultOf,
  runInChild,
  type ChildError,
  type ChildRun,
  type Scenario,
} from './run-child';

jest.setTimeout(120_000);

const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];
const BODY = {
  input: 'I cannot log in - the password reset email never arrives.',
  categories: CATEGORIES,
};
const SECRET = TEST_KEY.slice('cai_test_'.length);

type Outcome = { index: number; ok: boolean; label?: string; error?: ChildError };

let server: ScriptedServer;
let other: ScriptedServer; // another origin
beforeAll(() => ensureDistBuilt(), 120_000);
beforeEach(async () => {
  [server, other] = await Promise.all([startScriptedServer(), startScriptedServer()]);
  other.fallback = okClassification('from another origin');
});
afterEach(() => Promise.all([server.close(), other.close()]));

const classify = (client: Record<string, unknown> = {}, body: unknown = BODY): Scenario => ({
  call: 'classify',
  baseUrl: server.url,
  client: { apiKey: TEST_KEY, ...client },
  args: [body],
});

const many = (items: unknown[], client: Record<string, unknown> = {}, options = {}): Scenario => ({
  call: 'classifyMany',
  baseUrl: server.url,
  client: { apiKey: TEST_KEY, ...client },
  args: [{ items, categories: CATEGORIES }, options],
});

const label = (run: ChildRun) => (resultOf(run) as { result: { label: string } }).result.label;

describe.each(NODES)('on %s', (_label, node) => {
  const runs: ChildRun[] = [];
  const run = async (scenario: Scenario) => {
    const child = await runInChild(node, scenario);
    runs.push(child);
    return child;
  };

  afterEach(() => {
    // Whatever happened, the key never shows in what a child printed (errors and util.inspect included).
    for (const child of runs.splice(0)) expect(child.stdout + child.stderr).not.toContain(SECRET);
  });

  describe('defect 1: a retry keeps the process alive until it is sent', () => {
    it.each<[string, Reply]>([
      ['a 503', problem(503, 'service_unavailable')],
      ['a 500', problem(500, 'internal_error')],
      ['a dropped connection', { reset: true }],
    ])('after %s the child retries and prints the result', async (_name, fault) => {
      server.script(fault, okClassification());
      expect(label(await run(classify()))).toBe('account_access');
      expect(server.requests).toHaveLength(2);
    });

    it('a caller abort during the wait ends the child with the reason, nothing more sent', async () => {
      server.fallback = problem(503, 'service_unavailable', 'down', { 'Retry-After': '5' });
      const child = await run({ ...classify(), abortInWaitMs: 100 });
      expect(errorOf(child).message).toBe('cancelled by the caller');
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('defect 2: a deleted schema fails its own items only', () => {
    it('item 1 against a deleted schema, items 2–60 against typed categories: 59 classified', async () => {
      server.fallback = (req: SeenRequest) =>
        (JSON.parse(req.body) as { schema?: string }).schema === 'sch_deleted'
          ? problem(404, 'schema_not_found', 'No schema sch_deleted.')
          : batchAnswer(req);
      const items = Array.from({ length: 60 }, (_, i) => ({
        input: `ticket ${i + 1}`,
        target: i === 0 ? { schema: 'sch_deleted' } : { categories: CATEGORIES },
      }));
      const child = await run({
        call: 'queue',
        baseUrl: server.url,
        client: { apiKey: TEST_KEY },
        args: [{ items }],
      });
      const outcomes = resultOf(child) as Outcome[];
      expect(outcomes[0]).toMatchObject({ ok: false, error: { name: 'NotFoundError' } });
      expect(outcomes.slice(1).map((o) => o.label)).toEqual(items.slice(1).map((i) => i.input));
      expect(server.requests).toHaveLength(4); // 1 for the schema, ⌈59/25⌉ = 3 for the categories
    });
  });

  describe('defect 3: batches are cut by the body limit', () => {
    it('25 texts of 20,000 three-byte characters go in requests of at most 1 MiB, all classified', async () => {
      server.fallback = (req: SeenRequest) =>
        Buffer.byteLength(req.body) > LIMITS.requestBodyMaxBytes
          ? problem(413, 'payload_too_large')
          : batchAnswer(req);
      const items = Array.from({ length: 25 }, (_, i) => ({ input: `${i}${'€'.repeat(19_990)}` }));
      const outcomes = resultOf(await run(many(items))) as Outcome[];
      expect(outcomes.every((o) => o.ok)).toBe(true);
      // Compared by head and length: a diff of 25 × 60 KB texts would be unreadable.
      expect(outcomes.map((o) => `${o.label?.slice(0, 3)}…${o.label?.length}`)).toEqual(
        items.map((i) => `${i.input.slice(0, 3)}…${i.input.length}`),
      );
      expect(outcomes.map((o) => o.label === items[o.index]!.input)).not.toContain(false);
      expect(
        server.requests.map((r) => Buffer.byteLength(r.body) <= LIMITS.requestBodyMaxBytes),
      ).toEqual([true, true]);
    });
  });

  describe('defect 4: a 2xx that is not an answer', () => {
    it('classify retries {} and null and prints the real result', async () => {
      server.script({ status: 200, raw: '{}' }, { status: 200, raw: 'null' }, okClassification());
      expect(label(await run(classify()))).toBe('account_access');
      expect(server.requests).toHaveLength(3);
    });

    it('classifyMany gives {"results": null} to each item of that batch only', async () => {
      server.fallback = (req: SeenRequest) =>
        (JSON.parse(req.body) as { items: Array<{ input: string }> }).items[0]!.input === 't25'
          ? { status: 200, raw: '{"results":null}' }
          : batchAnswer(req);
      const items = Array.from({ length: 60 }, (_, i) => ({ input: `t${i}` }));
      const outcomes = resultOf(
        await run(many(items, { maxRetries: 1 }, { concurrency: 1 })),
      ) as Outcome[];
      expect(outcomes.map((o) => o.ok)).toEqual(items.map((_, i) => i < 25 || i >= 50));
      expect(outcomes[30]!.error).toMatchObject({
        name: 'ServerError',
        code: 'malformed_response',
        classifaily: true,
      });
    });
  });

  describe('defect 5: redirects', () => {
    it.each([307, 302])(
      'a %i to another origin is a typed error; nothing reaches the other origin',
      async (status) => {
        server.script({ status, headers: { Location: `${other.url}/v1/classify` } });
        expect(errorOf(await run(classify()))).toMatchObject({
          code: 'redirect_refused',
          classifaily: true,
        });
        expect(other.requests).toHaveLength(0);
      },
    );

    it('a same-origin 308 is followed', async () => {
      server.script({ status: 308, headers: { Location: '/v1/classify' } }, okClassification());
      expect(label(await run(classify()))).toBe('account_access');
    });
  });

  describe('defect 6: the key never shows', () => {
    it('in any field of an error made from a problem that echoes it, nor in util.inspect', async () => {
      server.script({
        status: 422,
        headers: { 'X-Request-Id': `req_${TEST_KEY}` },
        body: {
          type: 'about:blank',
          title: TEST_KEY,
          status: 422,
          code: `code_${TEST_KEY}`,
          detail: `The key ${TEST_KEY} may not do this.`,
          request_id: `req_${TEST_KEY}`,
          errors: [{ field: TEST_KEY, code: TEST_KEY, message: `Bearer ${TEST_KEY}` }],
        },
      });
      const child = await run(classify());
      expect(errorOf(child)).toMatchObject({ name: 'ValidationError' });
      expect(child.stdout + child.stderr).not.toContain(SECRET);
    });

    it('in the error for a base URL that carries it', async () => {
      const child = await run({ ...classify(), baseUrl: `http://user:${TEST_KEY}@localhost:1` });
      expect(errorOf(child)).toMatchObject({ code: 'invalid_base_url' });
      expect(child.stdout + child.stderr).not.toContain(SECRET);
    });
  });

  describe('defect 7: an answer larger than any the contract allows is not read', () => {
    it.each([
      ['300 MB with its Content-Length', { bytes: 300e6, contentLength: true }],
      ['300 MB without a length', { bytes: 300e6 }],
      ['400 MB of gzip-expanded JSON', { bytes: 400e6, gzip: true }],
    ])('%s: a typed error, not retried, the child never near the size', async (_name, huge) => {
      server.fallback = { huge };
      const child = await run(classify());
      expect(errorOf(child)).toMatchObject({
        name: 'ServerError',
        code: 'answer_too_large',
        retryable: false,
      });
      expect(server.requests).toHaveLength(1);
      expect(child.printed!.maxRssKb).toBeLessThan(250_000);
    });
  });

  describe('defect 8: lengths are code points; blank and broken text', () => {
    it('10,001 emoji are sent and classified', async () => {
      server.script(okClassification());
      expect(label(await run(classify({}, { ...BODY, input: '😀'.repeat(10_001) })))).toBe(
        'account_access',
      );
      expect([...(JSON.parse(server.requests[0]!.body) as { input: string }).input]).toHaveLength(
        10_001,
      );
    });

    it.each([
      ['20,001 emoji', '😀'.repeat(20_001), 'input_too_long', /20,001 characters/],
      ['only zero-width spaces', '\u200b\u200b', 'input_empty', /empty/],
      ['half an emoji', 'ab\ud83d', 'input_malformed', /broken character/],
    ])('%s: a ValidationError before anything is sent', async (_name, input, code, message) => {
      const error = errorOf(await run(classify({}, { ...BODY, input })));
      expect(error).toMatchObject({ name: 'ValidationError', fieldErrors: [{ code }] });
      expect(error.message).toMatch(message);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('defect 9: options are checked; Retry-After has a minimum', () => {
    // Every row has all three values: Jest takes a missing last argument for a `done` callback.
    it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
      // JSON cannot carry NaN or Infinity: the child reads these words back as the numbers.
      ['maxRetries', { maxRetries: '__NaN__' }, {}],
      ['timeout', { timeout: -1 }, {}],
      ['timeout', { timeout: '__Infinity__' }, {}],
      ['timeout', { timeout: '__NaN__' }, {}],
      ['maxRetryDelay', { maxRetryDelay: -1 }, {}],
      ['idempotencyKey', {}, { idempotencyKey: 'key\r\nX-Injected: 1' }],
    ])(
      'a bad %s is a ValidationError naming it, and nothing is sent',
      async (option, client, request) => {
        const child = await run({ ...classify(client), args: [BODY, request] });
        const error = errorOf(child);
        expect(error).toMatchObject({ name: 'ValidationError', code: 'invalid_option' });
        expect(error.message).toContain(option);
        expect(server.requests).toHaveLength(0);
      },
    );

    it.each(['0', '-1', 'Thu, 01 Jan 1970 00:00:00 GMT'])(
      'a Retry-After of %p is waited out, then the retry succeeds',
      async (value) => {
        server.script(
          problem(503, 'service_unavailable', 'x', { 'Retry-After': value }),
          okClassification(),
        );
        expect(label(await run(classify()))).toBe('account_access');
        expect(server.requests).toHaveLength(2);
      },
    );
  });

  describe('defect 10: a slow API is not a permanent failure', () => {
    it('a timed-out attempt, then 409 in use with Retry-After, then the answer', async () => {
      server.script(
        { ...okClassification(), delayMs: 5000 },
        problem(409, 'idempotency_key_in_use', 'still running', { 'Retry-After': '1' }),
        okClassification(),
      );
      // A timeout long enough that a loaded machine's answers arrive within it (the first never does).
      expect(label(await run(classify({ timeout: 1500 })))).toBe('account_access');
      expect(new Set(server.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1);
      expect(server.requests).toHaveLength(3);
    });
  });

  describe('429 with every form of Retry-After', () => {
    const inOneSecond = () => new Date(Date.now() + 1000);
    it.each<[string, () => string | undefined]>([
      ['delta-seconds', () => '1'],
      ['zero', () => '0'],
      ['an IMF-fixdate', () => inOneSecond().toUTCString()],
      [
        'an RFC 850 date',
        () =>
          inOneSecond()
            .toUTCString()
            .replace(/^(\w{3}), (\d\d) (\w{3}) \d\d(\d\d)/, 'Sunday, $2-$3-$4'),
      ],
      [
        'an asctime date',
        () => {
          const d = inOneSecond();
          return `${d.toUTCString().slice(0, 3)} ${d.toUTCString().slice(8, 11)} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}`;
        },
      ],
      ['a past date', () => 'Thu, 01 Jan 1970 00:00:00 GMT'],
      ['a negative number', () => '-5'],
      ['a decimal', () => '0.5'],
      ['garbage', () => 'soon'],
      ['none', () => undefined],
    ])('%s: retried, then the result', async (_name, value) => {
      const v = value();
      server.script(
        problem(429, 'rate_limited', 'slow down', v === undefined ? {} : { 'Retry-After': v }),
        okClassification(),
      );
      expect(label(await run(classify()))).toBe('account_access');
      expect(server.requests).toHaveLength(2);
    });

    it('longer than the client may wait: a RateLimitError at once, carrying the delay', async () => {
      server.script(problem(429, 'rate_limited', 'slow down', { 'Retry-After': '120' }));
      expect(errorOf(await run(classify()))).toMatchObject({
        name: 'RateLimitError',
        retryAfterMs: 120_000,
        retryable: true,
      });
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('resets, truncated bodies and timeouts', () => {
    it('a connection dropped halfway through the answer is retried', async () => {
      server.script({ ...okClassification(), truncateAt: 20 }, okClassification());
      expect(label(await run(classify()))).toBe('account_access');
      expect(server.requests).toHaveLength(2);
    });

    it('a body shorter than its Content-Length, every time: a ConnectionError', async () => {
      server.fallback = { ...okClassification(), truncateAt: 20 };
      expect(errorOf(await run(classify({ maxRetries: 1 })))).toMatchObject({
        name: 'ConnectionError',
        retryable: true,
      });
      expect(server.requests).toHaveLength(2);
    });

    it.each<[string, Reply]>([
      ['no answer at all', { ...okClassification(), delayMs: 5000 }],
      ['headers and then no body', { stall: true }],
    ])('%s: a TimeoutError after the attempts', async (_name, reply) => {
      server.fallback = reply;
      expect(errorOf(await run(classify({ timeout: 1500, maxRetries: 1 })))).toMatchObject({
        name: 'TimeoutError',
        retryable: true,
      });
      expect(server.requests).toHaveLength(2);
    });

    it('a refused connection: a ConnectionError naming the address', async () => {
      const closed = await startScriptedServer();
      await closed.close();
      const child = await run({ ...classify({ maxRetries: 1 }), baseUrl: closed.url });
      expect(errorOf(child)).toMatchObject({ name: 'ConnectionError', code: 'connection_error' });
      expect(errorOf(child).message).toContain(closed.url);
    });
  });
});
