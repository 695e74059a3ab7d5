// The Make app's errors say what the n8n and Zapier integrations say: for every answer, the message
// of the Make error (the base's or the connection's error directive, rendered by the emulator) is
// what core's client and formatError make of that same answer (Zapier's step error is exactly
// that), and its Make error type is the one for core's error class.
// First the answers the sandbox gives to what a Make user can do wrong, then every HTTP error status
// with every problem code of the contract, and field errors of every shape.
import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { parse } from 'yaml';
import {
  catalog,
  ClassifailyClient,
  FIELD_LABELS,
  formatError,
  outcomeOf,
  SAMPLE_CATEGORIES,
  SAMPLE_INPUT,
  type ClassifailyError,
  type FetchLike,
} from '@classifaily/core';
import { FIELD_ERRORS_SHOWN, MAKE_ERROR_TYPE } from '../src/app/errors';
import type { MakeApp } from './emulator/make-format';
import { MakeModuleError, runModule, verifyConnection, type RunOptions } from './emulator';
import { useApi } from './helpers/api';
import { devApp } from './helpers/apps';

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

const app = devApp();

const isAnything = (_answer: unknown): _answer is unknown => true;

/** What core's client (no retries) and formatError make of an answer: Zapier's step error. */
async function coreSays(answer: Answer): Promise<{ text: string; type: string }> {
  const replay: FetchLike = async (url) => ({
    status: answer.status,
    url,
    headers: { get: (name) => answer.headers[name.toLowerCase()] ?? null },
    text: async () => answer.text,
  });
  const client = new ClassifailyClient({
    apiKey: 'cai_test_replayed',
    baseUrl: 'https://api.classifaily.com',
    maxRetries: 0,
    fetch: replay,
  });
  // The status's words, as Make's common error directive gives them: `me` without the words
  // core's client puts on a 403 per operation (`denied`), which Make's modules do not have yet.
  const status = { method: catalog.operations.me.method, path: catalog.operations.me.path };
  const error = (await client.request({ endpoint: status, check: isAnything }).then(
    () => {
      throw new Error('the replayed answer did not fail');
    },
    (e: unknown) => e,
  )) as ClassifailyError;
  return { text: formatError(error), type: MAKE_ERROR_TYPE[outcomeOf(error)!.kind] };
}

/** Runs a Make step that fails; returns the Make error and the answer that made it fail. */
async function makeSays(
  run: (fetch: NonNullable<RunOptions['fetch']>) => Promise<unknown>,
  answer?: Answer,
): Promise<{ error: MakeModuleError; answer: Answer }> {
  let got: Answer | undefined;
  const fetchAndKeep: NonNullable<RunOptions['fetch']> = async (url, init) => {
    if (answer) got = answer;
    else {
      const response = await fetch(url, init);
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      got = { status: response.status, headers, text: await response.text() };
    }
    return new Response(got.text, { status: got.status, headers: got.headers });
  };
  try {
    await run(fetchAndKeep);
  } catch (error) {
    if (!(error instanceof MakeModuleError)) throw error;
    return { error, answer: got! };
  }
  throw new Error('the Make step did not fail');
}

async function expectSameWords(
  run: (fetch: NonNullable<RunOptions['fetch']>) => Promise<unknown>,
  answer?: Answer,
) {
  const made = await makeSays(run, answer);
  const core = await coreSays(made.answer);
  expect({ message: made.error.message, type: made.error.type }).toEqual({
    message: core.text,
    type: core.type,
  });
  return made;
}

describe('what the sandbox answers, as Make says it and as core says it', () => {
  const { api, connection } = useApi();

  const step =
    (id: string, parameters: Record<string, unknown>, apiKey?: string) =>
    (fetch: NonNullable<RunOptions['fetch']>) =>
      runModule(app, id, {
        connection: { ...connection, ...(apiKey ? { apiKey } : {}) },
        parameters,
        fetch,
      });
  const classify = { input: SAMPLE_INPUT, categories: SAMPLE_CATEGORIES };

  it('401 revoked key, on the connection check and in a module', async () => {
    const made = await expectSameWords((fetch) =>
      verifyConnection(app, { connection: { ...connection, apiKey: api.revokedKey }, fetch }),
    );
    expect(made.error.message).toMatch(/revoked.* Create a new API key.*\(request req_\w+\)$/);
    // The advice is said once: the API states what is wrong, core's hint says what to do (issue 24).
    expect(made.error.message.match(/create a new/gi)).toHaveLength(1);
    await expectSameWords(step('classifyText', classify, api.revokedKey));
  });

  it('401 unknown key', async () => {
    const made = await expectSameWords(step('classifyText', classify, 'cai_test_unknown0000'));
    expect(made.error.type).toBe('InvalidAccessTokenError');
  });

  it('403 read-only key', async () => {
    const schema = { name: 'Triage', categories: [{ name: 'a' }, { name: 'b' }] };
    const made = await expectSameWords(step('createSchema', schema, api.readOnlyKey));
    expect(made.error.type).toBe('InvalidConfigurationError');
  });

  it('404 deleted schema', async () => {
    const created = await runModule(app, 'createSchema', {
      connection,
      parameters: { name: 'Gone', categories: [{ name: 'a' }, { name: 'b' }] },
    });
    const schemaId = created.bundles[0]!.id;
    await runModule(app, 'deleteSchema', { connection, parameters: { schemaId } });
    const made = await expectSameWords(step('getSchema', { schemaId }));
    expect(made.error.type).toBe('DataError');
  });

  it('422 bad input: one field', async () => {
    const made = await expectSameWords(step('classifyText', { ...classify, input: '   ' }));
    // The sandbox's detail words the field error: it is said once, not again in brackets.
    expect(made.error.message).toMatch(
      new RegExp(`: input has nothing to read[^(]* Field: ${FIELD_LABELS.input}\\. Check`),
    );
    expect(made.error.message.split('has nothing to read')).toHaveLength(2);
  });

  it('422 bad input: two fields', async () => {
    const made = await expectSameWords(
      step('classifyText', { input: '   ', categories: ['billing', 'billing'] }),
    );
    expect(made.error.message).toContain(
      ` Fields: ${FIELD_LABELS.categories}, ${FIELD_LABELS.input}. `,
    );
  });

  it('422 bad input: fields of list items, by line', async () => {
    const categories = [{ name: '  ' }, { name: 'ok' }, { name: '\u200b' }];
    const made = await expectSameWords(step('createSchema', { name: 'Lines', categories }));
    expect(made.error.message).toMatch(
      / Fields: Categories line 1: Name, Categories line 3: Name\. /,
    );
  });

  it('400 a body that is no object (Make an API Call)', async () => {
    const made = await expectSameWords(
      step('makeAnApiCall', { url: '/v1/classify', method: 'POST', body: '"just text"' }),
    );
    expect(made.error.message).toMatch(/ Field: \(body\)\. /);
  });

  it.each([429, 500, 502, 503, 504])('%s by fault injection', async (status) => {
    api.setFaults({ kind: 'status', status, count: 1 });
    const made = await expectSameWords(step('classifyText', classify));
    expect(made.error.statusCode).toBe(status);
    // The 429 and the 503 carry Retry-After: a pause Make waits out (throttle), the others temporary.
    expect(made.error.type).toBe(
      [429, 503].includes(status) ? 'RateLimitError' : 'ConnectionError',
    );
  });

  it(`more than ${FIELD_ERRORS_SHOWN} field errors: the first ${FIELD_ERRORS_SHOWN}, then "…"`, async () => {
    const categories = Array.from({ length: FIELD_ERRORS_SHOWN + 2 }, () => ({ name: '  ' }));
    const run = step('createSchema', { name: 'Many', categories: [...categories, { name: 'ok' }] });
    // The sandbox words every field error in its detail; without a detail, the list is all there is.
    const worded = await makeSays(run);
    const problem = { ...JSON.parse(worded.answer.text), detail: undefined };
    const answer = { ...worded.answer, text: JSON.stringify(problem) };
    const { error } = await makeSays(run, answer);
    const first = { ...problem, errors: problem.errors.slice(0, FIELD_ERRORS_SHOWN) };
    const core = await coreSays({ ...answer, text: JSON.stringify(first) });
    const list = (errors: { field: string; message: string }[]) =>
      errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    expect(error.message).toBe(
      core.text.replace(`(${list(first.errors)})`, `(${list(first.errors)}; …)`),
    );
  });
});

describe('every error status, with every problem code of the contract', () => {
  const spec = parse(readFileSync(require.resolve('@classifaily/core/openapi.yaml'), 'utf8'));
  const description: string = spec.components.schemas.Problem.properties.code.description;
  const codes = [...description.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
  // Every registered status, and some a proxy may add (Cloudflare's 520, nginx's 499).
  const statuses = [
    ...Object.keys(STATUS_CODES)
      .map(Number)
      .filter((s) => s >= 400),
    499,
    520,
    599,
  ];

  const problem = (status: number, extra: Record<string, unknown>): Answer => ({
    status,
    headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_header' },
    text: JSON.stringify({ type: 'about:blank', title: 'Problem', status, ...extra }),
  });
  const inModule = (fetch: NonNullable<RunOptions['fetch']>, from: MakeApp = app) =>
    runModule(from, 'getSchema', {
      connection: { apiKey: 'cai_test_x', baseUrl: 'http://127.0.0.1:1' },
      parameters: { schemaId: 'sch_1' },
      fetch,
    });
  const onConnection = (fetch: NonNullable<RunOptions['fetch']>) =>
    verifyConnection(app, {
      connection: { apiKey: 'cai_test_x', baseUrl: 'http://127.0.0.1:1' },
      fetch,
    });

  it('found the codes in the contract', () => {
    expect(codes).toEqual(expect.arrayContaining(['revoked_api_key', 'validation_failed']));
  });

  it.each(statuses)(
    '%s, with and without a detail, in a module and on the connection',
    async (status) => {
      for (const code of [undefined, ...codes]) {
        for (const answer of [
          problem(status, { code, detail: 'What the API says.', request_id: 'req_body' }),
          problem(status, { code }),
          { status, headers: { 'content-type': 'text/html' }, text: '<h1>Bad gateway</h1>' },
        ]) {
          await expectSameWords(inModule, answer);
          await expectSameWords(onConnection, answer);
        }
      }
    },
  );

  it.each<[string, { field: string; message: string }[]]>([
    ['one field', [{ field: 'input', message: 'is empty' }]],
    ['a JSON pointer', [{ field: '/input', message: 'is empty' }]],
    ['no field name', [{ field: '(body)', message: 'must be object' }]],
    ['an item field, by line', [{ field: 'items[11].input', message: 'must be string' }]],
    ['an item without a field', [{ field: 'categories[2]', message: 'is too long' }]],
    ['a field no label names', [{ field: 'cursor', message: 'is not valid' }]],
    [
      'fields with one label, said once',
      [
        { field: 'categories[0]', message: 'is empty' },
        { field: 'categories[1]', message: 'is empty' },
      ],
    ],
    [
      `${FIELD_ERRORS_SHOWN} fields`,
      [
        { field: 'input', message: 'is empty' },
        { field: 'items[0].id', message: 'is too long' },
        { field: 'schema', message: 'is not an id' },
      ].slice(0, FIELD_ERRORS_SHOWN),
    ],
  ])('field errors: %s', async (_name, errors) => {
    for (const status of [400, 422])
      for (const detail of [undefined, 'The request body is not valid.'])
        await expectSameWords(
          inModule,
          problem(status, { code: 'validation_failed', detail, errors }),
        );
  });
});
