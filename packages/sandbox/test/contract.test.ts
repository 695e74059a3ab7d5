// Every operation and every status code the spec documents, over real HTTP, each answer checked
// against the spec. The last test proves the table covers the spec.
import { startSandbox, type Sandbox } from '../src';
import {
  call,
  createSchema,
  EXAMPLE,
  expectConforms,
  spec,
  SUPPORT,
  type Answer,
  untilIdempotencyClaimed,
} from './helpers';

interface Case {
  operationId: string;
  status: number;
  code?: string;
  what: string;
  run: (s: Sandbox) => Promise<Answer>;
}

const classify = { input: EXAMPLE, categories: SUPPORT };
const batch = { items: [{ id: 'a', input: 'I was charged twice.' }], categories: SUPPORT };
const schemaBody = { name: 'Triage', categories: [{ name: 'billing' }, { name: 'spam' }] };
const unknownSchema = '/v1/schemas/sch_doesnotexist';
const big = 'x'.repeat(1_100_000);

// For each operation: how to call it with a body (or not).
const ops: Record<string, { method: string; path: string; body?: unknown }> = {
  classify: { method: 'POST', path: '/v1/classify', body: classify },
  classifyBatch: { method: 'POST', path: '/v1/classify/batch', body: batch },
  listSchemas: { method: 'GET', path: '/v1/schemas' },
  createSchema: { method: 'POST', path: '/v1/schemas', body: schemaBody },
  getSchema: { method: 'GET', path: unknownSchema },
  deleteSchema: { method: 'DELETE', path: unknownSchema },
  getMe: { method: 'GET', path: '/v1/me' },
};

const cases: Case[] = [];
const add = (operationId: string, status: number, what: string, run: Case['run'], code?: string) =>
  cases.push({ operationId, status, what, run, code });

for (const [id, op] of Object.entries(ops)) {
  const plain = (s: Sandbox, extra: Parameters<typeof call>[3] = {}) =>
    call(s, op.method, op.path, { body: op.body, ...extra });
  add(id, 401, 'no key', (s) => plain(s, { key: null }), 'missing_api_key');
  add(
    id,
    429,
    'rate limited (a sandbox with a limit of 0)',
    async () => {
      const limited = await startSandbox({ rateLimit: 0, validateResponses: false });
      try {
        return await call(limited, op.method, op.path, { body: op.body });
      } finally {
        await limited.close();
      }
    },
    'rate_limited',
  );
  add(
    id,
    500,
    'injected 500',
    async (s) => {
      s.setFaults({ kind: 'status', status: 500 });
      return plain(s);
    },
    'internal_error',
  );
  add(
    id,
    503,
    'injected 503',
    async (s) => {
      s.setFaults({ kind: 'status', status: 503, retryAfter: 2 });
      return plain(s);
    },
    'service_unavailable',
  );
  if (op.method !== 'GET')
    add(id, 403, 'read-only key', (s) => plain(s, { key: s.readOnlyKey }), 'permission_denied');
  if (op.method === 'POST') {
    add(
      id,
      400,
      'malformed JSON',
      (s) => call(s, 'POST', op.path, { raw: '{"input": ' }),
      'malformed_json',
    );
    add(
      id,
      400,
      'unknown field',
      (s) => call(s, 'POST', op.path, { body: { ...(op.body as object), surprise: true } }),
      'invalid_request',
    );
    add(
      id,
      413,
      'body over 1 MiB',
      (s) => call(s, 'POST', op.path, { raw: JSON.stringify({ input: big }) }),
      'payload_too_large',
    );
    add(
      id,
      415,
      'text/plain body',
      (s) => call(s, 'POST', op.path, { raw: 'hello', headers: { 'content-type': 'text/plain' } }),
      'unsupported_media_type',
    );
    add(
      id,
      409,
      'idempotency key in use',
      async (s) => {
        s.setFaults({ kind: 'delay', delayMs: 1000 });
        const headers = { 'idempotency-key': `in-use-${id}` };
        const first = call(s, 'POST', op.path, { body: op.body, headers });
        await untilIdempotencyClaimed(s);
        const second = await call(s, 'POST', op.path, { body: op.body, headers });
        await first;
        return second;
      },
      'idempotency_key_in_use',
    );
  }
}

add('classify', 200, 'the getting-started example', (s) =>
  call(s, 'POST', '/v1/classify', { body: classify }),
);
add(
  'classify',
  404,
  'unknown schema',
  (s) => call(s, 'POST', '/v1/classify', { body: { input: 'x', schema: 'sch_nope' } }),
  'schema_not_found',
);
add(
  'classify',
  422,
  'both categories and schema',
  (s) => call(s, 'POST', '/v1/classify', { body: { ...classify, schema: 'sch_x' } }),
  'validation_failed',
);
add('classifyBatch', 200, 'one item', (s) =>
  call(s, 'POST', '/v1/classify/batch', { body: batch }),
);
add(
  'classifyBatch',
  404,
  'unknown schema',
  (s) =>
    call(s, 'POST', '/v1/classify/batch', {
      body: { items: [{ input: 'x' }], schema: 'sch_nope' },
    }),
  'schema_not_found',
);
add(
  'classifyBatch',
  422,
  '26 items',
  (s) =>
    call(s, 'POST', '/v1/classify/batch', {
      body: {
        items: Array.from({ length: 26 }, (_, i) => ({ input: `t${i}` })),
        categories: SUPPORT,
      },
    }),
  'batch_too_large',
);
add('listSchemas', 200, 'a page', (s) => call(s, 'GET', '/v1/schemas?limit=5'));
add('listSchemas', 400, 'limit 0', (s) => call(s, 'GET', '/v1/schemas?limit=0'), 'invalid_request');
add('createSchema', 201, 'a schema', (s) => call(s, 'POST', '/v1/schemas', { body: schemaBody }));
add(
  'createSchema',
  422,
  'duplicate category names',
  (s) =>
    call(s, 'POST', '/v1/schemas', {
      body: { name: 'Dup', categories: [{ name: 'a' }, { name: 'a' }] },
    }),
  'validation_failed',
);
add('getSchema', 200, 'a saved schema', async (s) =>
  call(s, 'GET', `/v1/schemas/${(await createSchema(s)).id}`),
);
add(
  'getSchema',
  400,
  'malformed id',
  (s) => call(s, 'GET', '/v1/schemas/not-an-id'),
  'invalid_request',
);
add('getSchema', 404, 'unknown id', (s) => call(s, 'GET', unknownSchema), 'schema_not_found');
add('deleteSchema', 200, 'a saved schema', async (s) =>
  call(s, 'DELETE', `/v1/schemas/${(await createSchema(s)).id}`),
);
add(
  'deleteSchema',
  400,
  'malformed id',
  (s) => call(s, 'DELETE', '/v1/schemas/not-an-id'),
  'invalid_request',
);
add('deleteSchema', 404, 'unknown id', (s) => call(s, 'DELETE', unknownSchema), 'schema_not_found');
add('getMe', 200, 'the key', (s) => call(s, 'GET', '/v1/me'));

describe('contract: every operation and status of the OpenAPI document', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    // The test checks responses itself, so the server's own response check is off here.
    sandbox = await startSandbox({ faults: true, validateResponses: false });
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.reset());

  it.each(cases.map((c) => [c.operationId, c.status, c.what, c] as const))(
    '%s %i: %s',
    async (_id, status, _what, c) => {
      const answer = await c.run(sandbox);
      expect(answer.status).toBe(status);
      expectConforms(c.operationId, answer);
      if (c.code) expect(answer.body.code).toBe(c.code);
    },
  );

  it('covers every (operation, status) pair the spec documents', () => {
    const documented = Object.values(spec.operations).flatMap((op) =>
      Object.keys(op.responses).map((s) => `${op.operationId} ${s}`),
    );
    const covered = new Set(cases.map((c) => `${c.operationId} ${c.status}`));
    expect(documented.filter((d) => !covered.has(d))).toEqual([]);
  });
});
