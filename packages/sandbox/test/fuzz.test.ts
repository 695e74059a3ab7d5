// Random JSON at every endpoint: the sandbox never answers 5xx to bad input, every answer is one
// the spec documents (the server also checks its own responses), and it never crashes.
import fc from 'fast-check';
import { startSandbox, type Sandbox } from '../src';
import { call, expectConforms, SUPPORT } from './helpers';

const RUNS = 120;

const anyValue = fc.jsonValue({ maxDepth: 3 });
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constant('   '),
  fc.constant('I cannot log in'),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, anyValue);
const categories = maybe(fc.oneof(fc.constant(SUPPORT), fc.array(text, { maxLength: 6 })));
const classifyLike = fc.record(
  {
    input: maybe(text),
    categories,
    schema: maybe(fc.oneof(fc.constant('sch_abc'), fc.string({ maxLength: 10 }))),
    explain: maybe(fc.boolean()),
    items: maybe(
      fc.array(
        fc.record(
          { input: maybe(text), id: maybe(fc.string({ maxLength: 5 })) },
          { requiredKeys: [] },
        ),
        { maxLength: 30 },
      ),
    ),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const schemaLike = fc.record(
  {
    name: maybe(text),
    categories: maybe(
      fc.array(fc.record({ name: maybe(text), description: maybe(text) }, { requiredKeys: [] }), {
        maxLength: 5,
      }),
    ),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
// A body: a JSON value, a near-valid object, or raw text that may not be JSON at all.
const body = (shaped: fc.Arbitrary<unknown>) =>
  fc.oneof(
    anyValue.map((v) => ({ raw: JSON.stringify(v) ?? 'null' })),
    shaped.map((v) => ({ raw: JSON.stringify(v) })),
    fc.string({ maxLength: 30 }).map((raw) => ({ raw })),
  );

describe('fuzz: random bodies, queries and ids at every endpoint', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ rateLimit: 1_000_000 });
  });
  afterAll(() => sandbox.close());

  const check = async (operationId: string, method: string, path: string, raw?: string) => {
    const answer = await call(sandbox, method, path, raw === undefined ? {} : { raw });
    if (answer.status >= 500)
      throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}\nbody: ${raw}`);
    expectConforms(operationId, answer);
  };

  it.each([
    ['classify', '/v1/classify', classifyLike],
    ['classifyBatch', '/v1/classify/batch', classifyLike],
    ['createSchema', '/v1/schemas', schemaLike],
  ] as const)('POST %s', async (operationId, path, shaped) => {
    await fc.assert(
      fc.asyncProperty(body(shaped), ({ raw }) => check(operationId, 'POST', path, raw)),
      { numRuns: RUNS },
    );
  });

  it('GET /v1/schemas with random query strings', async () => {
    const query = fc.dictionary(
      fc.oneof(fc.constantFrom('limit', 'cursor', 'name'), fc.string({ maxLength: 6 })),
      fc.string({ maxLength: 12 }),
      { maxKeys: 3 },
    );
    await fc.assert(
      fc.asyncProperty(query, (q) =>
        check('listSchemas', 'GET', `/v1/schemas?${new URLSearchParams(q).toString()}`),
      ),
      { numRuns: RUNS },
    );
  });

  it('GET and DELETE /v1/schemas/{id} with random ids', async () => {
    const id = fc.oneof(
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.stringMatching(/^sch_[A-Za-z0-9]{1,70}$/),
    );
    await fc.assert(
      fc.asyncProperty(id, fc.boolean(), (value, del) =>
        check(
          del ? 'deleteSchema' : 'getSchema',
          del ? 'DELETE' : 'GET',
          `/v1/schemas/${encodeURIComponent(value)}`,
        ),
      ),
      { numRuns: RUNS },
    );
  });

  it('is still up and answering afterwards', async () => {
    expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
    expect(sandbox.stats().byStatus['500']).toBeUndefined();
  });
});
