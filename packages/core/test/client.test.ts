import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  type ClientOptions,
} from '../src';
import {
  clientOf,
  okClassification,
  problem,
  startScriptedServer,
  TEST_KEY,
  type ScriptedServer,
} from './helpers/scripted-server';

const CATEGORIES = ['billing', 'technical_bug', 'account_access', 'feature_request'];
const BODY = {
  input: 'I cannot log in - the password reset email never arrives.',
  categories: CATEGORIES,
};

let server: ScriptedServer;
let sleeps: number[];

beforeEach(async () => {
  server = await startScriptedServer();
  sleeps = [];
});
afterEach(() => server.close());

function client(options: Partial<ClientOptions> = {}) {
  return clientOf(server, {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...options,
  });
}

/** Runs a promise that must reject, and returns what it rejected with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

function expectNoKey(value: unknown) {
  const text = JSON.stringify(value, Object.getOwnPropertyNames(value ?? {})) + String(value);
  expect(text).not.toContain(TEST_KEY);
  expect(text).not.toContain('abcdefghijklmnop1234');
}

describe('a classify request on the wire', () => {
  it('sends the body, the Bearer key, JSON headers and an idempotency key', async () => {
    server.script(okClassification());
    const result = await client({ userAgent: 'classifaily-test/1' }).classify(BODY);
    expect(result.result).toEqual({ label: 'account_access', confidence: 0.94 });
    const [req] = server.requests;
    expect(req!.method).toBe('POST');
    expect(req!.url).toBe('/v1/classify');
    expect(JSON.parse(req!.body)).toEqual(BODY);
    expect(req!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(req!.headers['content-type']).toBe('application/json');
    expect(req!.headers['user-agent']).toMatch(/^classifaily-core\/\S+ classifaily-test\/1$/);
    expect(req!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('trims a key pasted with a trailing newline', async () => {
    server.script(okClassification());
    await client({ apiKey: `  ${TEST_KEY}\n` }).classify(BODY);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  });

  it('refuses a malformed key before sending anything, without repeating it', async () => {
    const error = await failure(
      Promise.resolve().then(() => client({ apiKey: 'sk-not-a-classifaily-key' })),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).not.toContain('sk-not');
    expect(server.requests).toHaveLength(0);
  });

  it("leaves Authorization to the transport with auth: 'transport' (n8n's credential)", async () => {
    server.script(okClassification());
    const sent: Array<Record<string, string>> = [];
    const c = client({
      apiKey: undefined,
      auth: 'transport',
      fetch: async (url, init) => {
        sent.push(init.headers);
        return fetch(url, {
          ...init,
          headers: { ...init.headers, Authorization: `Bearer ${TEST_KEY}` },
        });
      },
    });
    await c.classify(BODY);
    expect(sent[0]).not.toHaveProperty('Authorization');
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  });

  it('refuses to send a key over plain http to another host', () => {
    expect(() => client({ baseUrl: 'http://api.example.org' })).toThrow(/not secure/);
    expect(() => client({ baseUrl: 'http://localhost:8787' })).not.toThrow();
    expect(() => client({ baseUrl: 'https://eu.api.classifaily.com/' })).not.toThrow();
  });

  it('uses an injected fetch', async () => {
    const calls: string[] = [];
    const c = client({
      fetch: async (url) => {
        calls.push(url);
        return {
          status: 200,
          headers: { get: () => null },
          text: async () => JSON.stringify(okClassification().body),
        };
      },
    });
    await c.classify(BODY);
    expect(calls).toEqual([`${server.url}/v1/classify`]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries a 500 and a 503 with backoff, reusing the idempotency key', async () => {
    server.script(
      problem(500, 'internal_error'),
      problem(503, 'service_unavailable'),
      okClassification(),
    );
    await client().classify(BODY);
    expect(server.requests).toHaveLength(3);
    const keys = new Set(server.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect(sleeps).toEqual([500, 1000]);
    expect(server.requests[1]!.headers['classifaily-retry-count']).toBe('1');
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    server.script(
      problem(429, 'rate_limited', 'slow down', { 'Retry-After': '2' }),
      problem(429, 'rate_limited', 'slow down', {
        'Retry-After': new Date(now + 3000).toUTCString(),
      }),
      okClassification(),
    );
    await client({ now: () => now }).classify(BODY);
    expect(sleeps).toEqual([2000, 3000]);
  });

  it('gives up after maxRetries with a RateLimitError that carries the delay', async () => {
    server.fallback = problem(429, 'rate_limited', 'Rate limit reached.', { 'Retry-After': '1' });
    const error = (await failure(client({ maxRetries: 3 }).classify(BODY))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(1000);
    expect(error.status).toBe(429);
    expect(error.requestId).toBe('req_problem_rate_limited');
    expect(error.hint).toMatch(/slow down/i);
    expect(server.requests).toHaveLength(4);
  });

  it('passes a Retry-After longer than the cap on at once instead of waiting', async () => {
    server.script(problem(429, 'rate_limited', 'wait', { 'Retry-After': '120' }));
    const error = (await failure(client().classify(BODY))) as RateLimitError;
    expect(error.retryAfterMs).toBe(120_000);
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('with a deadline, sends nothing when one attempt no longer fits, and never waits past it', async () => {
    let now = 1_000_000;
    const timed = (deadline: number) =>
      client({
        now: () => now,
        timeout: 10_000,
        deadline,
        sleep: async (ms) => void (now += ms),
        // Each attempt takes its whole timeout of (fake) time.
        fetch: async (url, init) => {
          now += 10_000;
          return fetch(url, init);
        },
      });

    const notSent = (await failure(timed(now + 9_999).classify(BODY))) as TimeoutError;
    expect(notSent).toBeInstanceOf(TimeoutError);
    expect(notSent.code).toBe('deadline_exceeded');
    expect(notSent.retryable).toBe(true);
    expect(server.requests).toHaveLength(0);

    // Attempt (10 s) + backoff (0.5 s) + attempt (10 s) fit in 21 s; the next wait would not:
    // time ran out (an outcome the platform runs again), after the server's own error.
    server.fallback = problem(503, 'service_unavailable');
    const error = (await failure(timed(now + 21_000).classify(BODY))) as TimeoutError;
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'deadline_exceeded' });
    expect(error.cause).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(2);
  });

  it('retries 409 only while the idempotency key is in use', async () => {
    server.script(
      problem(409, 'idempotency_key_in_use', 'busy', { 'Retry-After': '0' }),
      okClassification(),
    );
    await client().classify(BODY);
    expect(server.requests).toHaveLength(2);

    server.script(problem(409, 'some_other_conflict'));
    const error = await failure(client().classify(BODY));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).retryable).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 401 and never shows the key', async () => {
    server.script(problem(401, 'revoked_api_key', `The key ${TEST_KEY} was revoked.`));
    const error = (await failure(client().classify(BODY))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('revoked_api_key');
    expect(error.hint).toMatch(/new API key/);
    expect(server.requests).toHaveLength(1);
    expectNoKey(error);
  });

  it('retries a connection reset, then reports a ConnectionError', async () => {
    server.script({ reset: true }, okClassification());
    await client().classify(BODY);
    expect(server.requests).toHaveLength(2);

    server.fallback = { reset: true };
    const error = await failure(client({ maxRetries: 1 }).classify(BODY));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain(server.url);
    expectNoKey(error);
  });

  it('times out a slow answer per attempt and retries it', async () => {
    server.script({ ...okClassification(), delayMs: 400 }, okClassification());
    await client({ timeout: 100 }).classify(BODY);
    expect(server.requests).toHaveLength(2);

    server.fallback = { ...okClassification(), delayMs: 400 };
    const error = await failure(client({ timeout: 100, maxRetries: 0 }).classify(BODY));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('retries a malformed or truncated JSON answer, then reports it as temporary', async () => {
    server.script({ status: 200, raw: '{"id": "42", "res' }, okClassification());
    await client().classify(BODY);
    expect(server.requests).toHaveLength(2);

    server.fallback = { status: 200, raw: 'not json' };
    const error = await failure(client({ maxRetries: 1 }).classify(BODY));
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toMatch(/could not be read/);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    server.fallback = { ...okClassification(), delayMs: 300 };
    const pending = client().classify(BODY, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(server.requests.length).toBeLessThanOrEqual(1);
  });
});

// Decision 0025: one alarm per attempt for the timeout and the body's silence, armed for the nearer.
describe('one alarm per attempt: the timeout and the body watch', () => {
  const slow = { bodyTimeout: 300, timeout: 5_000, maxRetries: 0 };

  it('reads an answer whose headers come after more than bodyTimeout, its body in parts', async () => {
    server.script({ ...okClassification(), delayMs: 700, drip: { parts: 8, everyMs: 50 } });
    const result = await client(slow).classify(BODY);
    expect(result.result?.label).toBe('account_access');
  });

  it('a body that stops after late headers fails as stalled, not as the timeout', async () => {
    server.script({ stall: true, partial: '{"id": "42",', delayMs: 700 });
    const error = (await failure(client(slow).classify(BODY))) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'body_timeout' });
    expect(error.message).toBe('Classifaily stopped sending its answer halfway.');
  });

  it('a body still arriving, never silent for bodyTimeout, fails at the attempt timeout', async () => {
    server.script({ ...okClassification(), drip: { parts: 40, everyMs: 50 } });
    const error = (await failure(client({ ...slow, timeout: 600 }).classify(BODY))) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toBe('Classifaily did not answer within 600 ms.');
  });
});

describe('typed errors from problem+json', () => {
  it('maps 422 to a ValidationError naming the field', async () => {
    server.script({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'validation_failed',
        detail: 'The request breaks a rule.',
        request_id: 'req_v',
        errors: [{ field: 'categories[1]', code: 'category_duplicate', message: 'listed twice' }],
      },
    });
    const error = (await failure(client().classify(BODY))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors[0]!.field).toBe('categories[1]');
    expect(error.message).toContain('categories[1]: listed twice');
  });

  it('does not repeat a field error the detail already words (the sandbox words every one)', async () => {
    server.script({
      status: 422,
      body: {
        type: 'about:blank',
        title: 'Validation failed',
        status: 422,
        code: 'validation_failed',
        detail: 'The request body is not valid: categories must not contain duplicates.',
        request_id: 'req_w',
        errors: [
          { field: 'categories', code: 'uniqueItems', message: 'must not contain duplicates' },
          { field: 'input', code: 'input_empty', message: 'has nothing to read' },
        ],
      },
    });
    const error = (await failure(client().classify(BODY))) as ValidationError;
    expect(error.message).toBe(
      'The request body is not valid: categories must not contain duplicates. (input: has nothing to read)',
    );
    expect(error.message.split('must not contain duplicates')).toHaveLength(2);
  });

  it('maps 404 to NotFoundError', async () => {
    server.script(problem(404, 'schema_not_found', 'No schema sch_x.'));
    const error = await failure(client().schemas.get('sch_x'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(server.requests[0]!.url).toBe('/v1/schemas/sch_x');
  });

  it('explains a 5xx as temporary, even without a body', async () => {
    server.fallback = { status: 502, raw: '<html>Bad gateway</html>' };
    const error = (await failure(client({ maxRetries: 0 }).classify(BODY))) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.hint).toMatch(/temporary/);
    expect(error.status).toBe(502);
  });
});

describe('client-side validation before sending', () => {
  it.each([
    ['empty text', { input: '   ', categories: CATEGORIES }, /empty/],
    ['too long text', { input: 'x'.repeat(20001), categories: CATEGORIES }, /20,001 characters/],
    ['one category', { input: 'hi', categories: ['a'] }, /at least 2/],
    [
      'too many categories',
      { input: 'hi', categories: Array.from({ length: 51 }, (_, i) => `c${i}`) },
      /at most 50/,
    ],
    ['duplicate categories', { input: 'hi', categories: ['a', 'a'] }, /listed twice/],
    ['both', { input: 'hi', categories: CATEGORIES, schema: 'sch_1' }, /not both/],
    ['neither', { input: 'hi' }, /categories or pick a saved schema/],
  ])('%s', async (_name, body, message) => {
    const error = await failure(client().classify(body as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a batch of 26 before sending', async () => {
    const items = Array.from({ length: 26 }, (_, i) => ({ input: `text ${i}` }));
    const error = await failure(client().classifyBatch({ items, categories: CATEGORIES }));
    expect(error.message).toMatch(/at most 25 items \(got 26\)/);
    expect(server.requests).toHaveLength(0);
  });
});

describe('schemas and me', () => {
  it('lists every schema across pages', async () => {
    const schema = (i: number) => ({
      id: `sch_${i}`,
      object: 'schema',
      name: `S${i}`,
      categories: [],
      created_at: '2026-01-01T00:00:00Z',
    });
    server.script(
      {
        status: 200,
        body: { object: 'list', data: [schema(1), schema(2)], has_more: true, next_cursor: 'c2' },
      },
      {
        status: 200,
        body: { object: 'list', data: [schema(3)], has_more: false, next_cursor: null },
      },
    );
    const all = await client().schemas.listAll();
    expect(all.map((s) => s.id)).toEqual(['sch_1', 'sch_2', 'sch_3']);
    expect(server.requests[1]!.url).toBe('/v1/schemas?limit=100&cursor=c2');
  });

  it('creates a schema with one POST and reads /v1/me', async () => {
    server.script(
      {
        status: 201,
        body: {
          id: 'sch_9',
          object: 'schema',
          name: 'T',
          categories: [{ name: 'a' }, { name: 'b' }],
          created_at: 'x',
        },
      },
      {
        status: 200,
        body: {
          object: 'me',
          account: { id: 'acct_1', name: 'Acme' },
          key: { name: 'k', mode: 'test' },
        },
      },
    );
    const c = client();
    await c.schemas.create({ name: 'T', categories: [{ name: 'a' }, { name: 'b' }] });
    const me = await c.me();
    expect(me.account.name).toBe('Acme');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /v1/schemas',
      'GET /v1/me',
    ]);
    expect(server.requests[1]!.headers['idempotency-key']).toBeUndefined();
  });

  it('never exposes the key through the client object', () => {
    const c = client();
    expectNoKey(c);
    expect(JSON.stringify(c)).not.toContain(TEST_KEY);
  });
});
