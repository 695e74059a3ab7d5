// Hostile input at the built CLI in a plain `node` child, over raw HTTP: names that are JavaScript's
// own property names (`__proto__`, `constructor`, `toString`…) wherever a caller chooses a name,
// broken paths and headers, deep and wide JSON. The bar: never a 5xx, never a crash, never a hang;
// every error is problem+json with a code the contract lists and the X-Request-Id of the answer.
import fc from 'fast-check';
import { startSandboxProcess, type SandboxProcess } from '../dist/process';
import { EXAMPLE, expectConforms, rawCall, spec, SUPPORT, type Answer } from './helpers';

const RUNS = 60;
/** A hang is a failure: no answer (or close) within this time. */
const HANG_MS = 10_000;

// Every name a prototype brings along, plus the two that are not own properties anywhere.
const BUILTIN_NAMES = [
  ...new Set(
    [
      Object.prototype,
      Function.prototype,
      Array.prototype,
      String.prototype,
      Number.prototype,
      Promise.prototype,
      RegExp.prototype,
      Error.prototype,
      Map.prototype,
      Object,
      Array,
    ].flatMap((o) => Object.getOwnPropertyNames(o)),
  ),
  '__proto__',
  'prototype',
].sort();

// The codes the contract lists for a problem (the Problem schema's `code` description).
const PROBLEM_CODES = new Set(
  [
    ...String(
      (
        spec.document.components.schemas.Problem as {
          properties: { code: { description: string } };
        }
      ).properties.code.description,
    ).matchAll(/`([a-z_]+)`/g),
  ].map((m) => m[1]!),
);

let sandbox: SandboxProcess;
beforeAll(async () => {
  sandbox = await startSandboxProcess();
});
afterAll(() => sandbox.close());

interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  key?: string | null;
}

function send(req: Sent): Promise<Answer> {
  const headers: Record<string, string> = { ...req.headers };
  const key = req.key === undefined ? sandbox.apiKey : req.key;
  if (key !== null) headers.authorization ??= `Bearer ${key}`;
  if (req.body !== undefined) headers['content-type'] ??= 'application/json';
  return rawCall(sandbox.url, { ...req, headers, hangMs: HANG_MS });
}

/** The operation a request is for, by the spec's paths, or undefined. */
function operationFor(method: string, path: string): string | undefined {
  const bare = path.split('?')[0]!;
  for (const op of Object.values(spec.operations)) {
    const pattern = new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (op.method === method && pattern.test(bare)) return op.operationId;
  }
  return undefined;
}

/** The bar every answer must meet; a documented (operation, status) is checked against the spec. */
async function check(req: Sent): Promise<Answer> {
  let answer: Answer;
  try {
    answer = await send(req);
  } catch (error) {
    throw new Error(`${req.method} ${req.path.slice(0, 200)}: ${(error as Error).message}`);
  }
  const what = `${req.method} ${req.path.slice(0, 200)} → ${answer.status} ${answer.text.slice(0, 300)}`;
  if (answer.status >= 500 || answer.status < 200) throw new Error(what);
  expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
  if (answer.status >= 400 && req.method !== 'HEAD') {
    if (!answer.headers.get('content-type')?.startsWith('application/problem+json'))
      throw new Error(`not problem+json: ${what}`);
    expect(answer.body).toMatchObject({
      status: answer.status,
      request_id: answer.headers.get('x-request-id'),
    });
    if (!PROBLEM_CODES.has(answer.body.code))
      throw new Error(`code ${answer.body.code} is not one the contract lists: ${what}`);
  }
  const operationId = operationFor(req.method, req.path);
  if (operationId && spec.operations[operationId]!.responses[String(answer.status)])
    expectConforms(operationId, answer);
  return answer;
}

// ---- arbitraries ---------------------------------------------------------------------------------

const builtin = fc.constantFrom(...BUILTIN_NAMES);
const name = fc.oneof(builtin, builtin, fc.constantFrom(...SUPPORT), fc.string({ maxLength: 8 }));
const quote = (s: string) => JSON.stringify(s);
/** An object as JSON text, so that a key such as `__proto__` is sent as written. */
const object = (entries: Array<[string, string]>) =>
  `{${entries.map(([k, v]) => `${quote(k)}:${v}`).join(',')}}`;
const categoryList = fc.uniqueArray(name, { minLength: 2, maxLength: 6 });
/** Unknown fields named like built-ins, at the top of a body or inside its objects. */
const extraFields = fc.array(fc.tuple(builtin, fc.constantFrom('1', 'null', '{}', '[]', '"x"')), {
  maxLength: 2,
});

const classifyBody = fc
  .tuple(fc.oneof(fc.constant(EXAMPLE), name), categoryList, fc.boolean(), extraFields)
  .map(([input, categories, explain, extra]) =>
    object([
      ['input', quote(input)],
      ['categories', JSON.stringify(categories)],
      ['explain', String(explain)],
      ...extra,
    ]),
  );
const batchBody = fc
  .tuple(
    fc.array(fc.tuple(name, fc.option(name), extraFields), { minLength: 1, maxLength: 5 }),
    categoryList,
    extraFields,
  )
  .map(([items, categories, extra]) =>
    object([
      [
        'items',
        `[${items
          .map(([input, id, more]) =>
            object([
              ['input', quote(input)],
              ...(id === null ? [] : [['id', quote(id)] as [string, string]]),
              ...more,
            ]),
          )
          .join(',')}]`,
      ],
      ['categories', JSON.stringify(categories)],
      ['explain', 'true'],
      ...extra,
    ]),
  );
const schemaBody = fc
  .tuple(
    name,
    fc.array(fc.tuple(name, fc.option(name), extraFields), { minLength: 2, maxLength: 5 }),
  )
  .map(([schemaName, categories]) =>
    object([
      ['name', quote(schemaName)],
      [
        'categories',
        `[${categories
          .map(([n, d, more]) =>
            object([
              ['name', quote(n)],
              ...(d === null ? [] : [['description', quote(d)] as [string, string]]),
              ...more,
            ]),
          )
          .join(',')}]`,
      ],
    ]),
  );

// ---- properties ----------------------------------------------------------------------------------

describe('fuzz (hostile): built-in property names wherever a caller picks a name', () => {
  it.each([
    ['/v1/classify', classifyBody],
    ['/v1/classify/batch', batchBody],
    ['/v1/schemas', schemaBody],
  ] as const)('POST %s', async (path, body) => {
    await fc.assert(
      fc.asyncProperty(body, fc.option(builtin), async (raw, idem) => {
        await check({
          method: 'POST',
          path,
          body: raw,
          headers: idem === null ? {} : { 'idempotency-key': idem },
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('a category named like a built-in gets its own score, and a saved schema with it classifies', async () => {
    for (const special of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const categories = [special, 'billing'];
      const one = await check({
        method: 'POST',
        path: '/v1/classify',
        body: JSON.stringify({ input: 'nothing to see', categories }),
      });
      expect(one.status).toBe(200);
      expect(Object.keys(one.body.result.scores).sort()).toEqual([...categories].sort());
      expect(typeof one.body.result.scores[special]).toBe('number');
      const saved = await check({
        method: 'POST',
        path: '/v1/schemas',
        body: JSON.stringify({ name: special, categories: categories.map((n) => ({ name: n })) }),
      });
      expect(saved.status).toBe(201);
      const again = await check({
        method: 'POST',
        path: '/v1/classify',
        body: JSON.stringify({ input: 'nothing to see', schema: saved.body.id }),
      });
      expect(again.status).toBe(200);
      expect(again.body.result.label).toBe(special);
    }
  });

  it('query keys and values, schema ids and idempotency keys named like built-ins', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.oneof(builtin, fc.constantFrom('limit', 'cursor', 'name')), builtin), {
          maxLength: 3,
        }),
        builtin,
        async (query, id) => {
          const qs = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
          await check({ method: 'GET', path: `/v1/schemas?${qs.join('&')}` });
          await check({ method: 'GET', path: `/v1/schemas/${encodeURIComponent(id)}` });
          await check({ method: 'DELETE', path: `/v1/schemas/${encodeURIComponent(id)}` });
          await check({ method: 'GET', path: `/v1/${encodeURIComponent(id)}` });
          await check({ method: 'GET', path: `/__sandbox/${encodeURIComponent(id)}`, key: null });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz (hostile): paths, methods and headers', () => {
  const segment = fc.oneof(
    builtin,
    fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%2F', '%2e%2e', '..', '', '%C0%AF', '%FF%FE'),
    fc.stringMatching(/^sch_[A-Za-z0-9]{60,3000}$/),
    fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent),
  );
  const path = fc
    .tuple(
      fc.constantFrom('/v1/schemas/', '/v1/', '/v1/classify/', '/__sandbox/', '/', '//v1/'),
      segment,
    )
    .map(([prefix, s]) => prefix + s);
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD');

  it('odd paths with every method', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, fc.boolean(), async (m, p, withKey) => {
        await check({ method: m, path: p, key: withKey ? undefined : null });
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('every method on every path of the contract, with and without a key', async () => {
    const paths = [
      '/v1/classify',
      '/v1/classify/batch',
      '/v1/schemas',
      '/v1/schemas/sch_x',
      '/v1/me',
    ];
    for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'])
      for (const p of paths)
        for (const key of [undefined, null]) {
          const answer = await check({ method: m, path: p, key });
          if (m === 'OPTIONS') expect(answer.status).not.toBe(401);
        }
  });

  it('long URLs and long or odd headers', async () => {
    const header = fc.oneof(
      fc.record({ name: builtin.map((n) => `x-${n}`), value: fc.string({ maxLength: 30 }) }),
      fc.record({
        name: fc.constantFrom('authorization', 'idempotency-key', 'content-type', 'origin', 'host'),
        value: fc.oneof(builtin, fc.string({ maxLength: 40 }), fc.constant('Bearer __proto__')),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120_000 }),
        fc.array(header, { maxLength: 3 }),
        fc.constantFrom('/v1/schemas?name=', '/v1/schemas/sch_', '/v1/me?'),
        async (length, headers, prefix) => {
          const h: Record<string, string> = {};
          // Node refuses control characters in a header value before sending; keep the rest.
          for (const { name: n, value } of headers) h[n] = value.replace(/[^\t\x20-\x7e]/g, '');
          await check({ method: 'GET', path: prefix + 'a'.repeat(length), headers: h });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('content types and bodies that are not UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'application/json',
          'application/json; charset=latin1',
          'APPLICATION/JSON',
          'application/json-patch+json',
          'text/plain',
          'application/x-www-form-urlencoded',
        ),
        fc.uint8Array({ maxLength: 40 }),
        async (contentType, bytes) => {
          const body = Buffer.concat([
            Buffer.from('{"input":"'),
            Buffer.from(bytes),
            Buffer.from(`","categories":${JSON.stringify(SUPPORT)}}`),
          ]);
          await check({
            method: 'POST',
            path: '/v1/classify',
            body,
            headers: { 'content-type': contentType },
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz (hostile): deep and wide JSON', () => {
  const deep = (depth: number, open: string, close: string, leaf: string) =>
    open.repeat(depth) + leaf + close.repeat(depth);
  const shapes = fc.oneof(
    fc.integer({ min: 33, max: 400_000 }).map((d) => deep(d, '[', ']', '1')),
    fc.integer({ min: 33, max: 150_000 }).map((d) => deep(d, '{"a":', '}', '1')),
    fc.integer({ min: 1_001, max: 100_000 }).map((n) => `[${'1,'.repeat(n - 1)}1]`),
    fc
      .integer({ min: 1_001, max: 60_000 })
      .map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',')}}`),
  );
  it('answered cheaply with a 4xx, as the body or inside one', async () => {
    await fc.assert(
      fc.asyncProperty(
        shapes,
        fc.constantFrom('body', 'input', 'categories', 'extra'),
        fc.constantFrom('/v1/classify', '/v1/classify/batch', '/v1/schemas'),
        async (value, where, path) => {
          const body =
            where === 'body'
              ? value
              : object([
                  ['input', where === 'input' ? value : quote('x')],
                  ['categories', where === 'categories' ? value : JSON.stringify(SUPPORT)],
                  ...(where === 'extra' ? [['extra', value] as [string, string]] : []),
                ]);
          const answer = await check({ method: 'POST', path, body });
          // Refused by the scan before the parse, not by the parser or the validator after it.
          expect(answer.status).toBe(400);
          expect(['too_deep', 'too_wide']).toContain(answer.body.errors?.[0]?.code);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('fuzz (hostile): afterwards', () => {
  it('the child is still running, and it never answered a 5xx', async () => {
    expect(() => process.kill(sandbox.pid, 0)).not.toThrow();
    const stats = await sandbox.stats();
    expect(Object.keys(stats.byStatus).filter((s) => Number(s) >= 500)).toEqual([]);
    expect((await send({ method: 'GET', path: '/v1/me' })).status).toBe(200);
  });
});
