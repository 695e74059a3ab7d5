// The error mapping, fed with core's real errors: each one comes from core's client talking to the
// sandbox over HTTP (its faults, its revoked and read-only keys), not from hand-made objects.
import zapier, { type ZObject } from 'zapier-platform-core';

import {
  catalog,
  ClassifailyClient,
  ClassifailyError,
  DEFAULT_THROTTLE_DELAY_MS,
  errorFromResponse,
  STILL_RUNNING_MESSAGE,
  type ClientOptions,
} from '@classifaily/core';
import { toZapierError } from '../src/errors';
import { details, rejectionOf, start, type Sandbox } from './sandbox';

const z = { errors: zapier.errors } as unknown as ZObject;

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await start();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset({ schemas: true }));

const BODY = { input: 'I was charged twice this month.', categories: ['billing', 'other'] };
const client = (options: Partial<ClientOptions> = {}) =>
  new ClassifailyClient({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    maxRetries: 0,
    ...options,
  });

/** Core's error for a call, and what Zapier is told. */
async function mapped(call: Promise<unknown>) {
  const error = await rejectionOf(call);
  expect(error).toBeInstanceOf(ClassifailyError);
  return { error: error as ClassifailyError, zapier: toZapierError(z, error as ClassifailyError) };
}

describe('core errors from the sandbox, on Zapier’s error model', () => {
  it('a revoked key (401) asks the user to reconnect, naming the problem, never the key', async () => {
    const { zapier: error } = await mapped(client({ apiKey: sandbox.revokedKey }).me());
    expect(error).toBeInstanceOf(zapier.errors.ExpiredAuthError);
    expect(error.message).toMatch(/revoked/i);
    expect(error.message).toMatch(/\(request req_\w+\)/);
    expect(error.message).not.toContain(sandbox.revokedKey);
  });

  it('a key that cannot be one is refused before sending, as an expired connection', async () => {
    const error = await rejectionOf(Promise.resolve().then(() => client({ apiKey: 'oops' })));
    expect(toZapierError(z, error as ClassifailyError)).toBeInstanceOf(
      zapier.errors.ExpiredAuthError,
    );
    expect((await sandbox.stats()).total).toBe(0);
  });

  it('429 is a ThrottledError with the server’s delay, in whole seconds', async () => {
    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 30 });
    const { zapier: error } = await mapped(client().classify(BODY));
    expect(details(error)).toMatchObject({
      name: 'ThrottledError',
      delay: 30,
      message: expect.stringMatching(/rate limit/i),
    });
  });

  it('a 429 without Retry-After waits Zapier’s default (no server here can send one)', () => {
    // The sandbox always sends Retry-After; core's own factory makes the error a server would give.
    const error = errorFromResponse(429, { code: 'rate_limited', detail: 'Slow down.' }, 'req_1');
    expect(details(toZapierError(z, error))).toMatchObject({
      name: 'ThrottledError',
      delay: DEFAULT_THROTTLE_DELAY_MS / 1000,
    });
  });

  it.each([
    ['a 5xx', { kind: 'status', status: 502 }, { status: 502 }],
    ['a dropped connection', { kind: 'reset' }, { code: 'connection_error', status: 503 }],
    ['a truncated answer', { kind: 'truncate' }, { code: 'connection_error' }],
  ] as const)('%s says the problem is temporary', async (_, fault, expected) => {
    await sandbox.setFaults(fault);
    const { zapier: error } = await mapped(client().classify(BODY));
    expect(details(error)).toMatchObject({
      name: 'AppError',
      message: expect.stringMatching(/^Temporary problem, try again later: /),
      ...expected,
    });
  });

  it('a timeout says it is temporary, in seconds', async () => {
    await sandbox.setFaults({ kind: 'delay', delayMs: 1_500 });
    const { zapier: error } = await mapped(client({ timeout: 500 }).classify(BODY));
    expect(details(error)).toMatchObject({
      name: 'AppError',
      code: 'timeout',
      message: expect.stringMatching(/^Temporary problem, try again later: .*did not answer/),
    });
  });

  it('a request still running under its idempotency key (409) is retried by Zapier, in plain words', async () => {
    await sandbox.setFaults({ kind: 'delay', delayMs: 2_000 });
    const first = client().classify(BODY, { idempotencyKey: 'same-key' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { error, zapier: shown } = await mapped(
      client().classify(BODY, { idempotencyKey: 'same-key' }),
    );
    await first;
    expect(error).toMatchObject({ status: 409, code: 'idempotency_key_in_use' });
    expect(details(shown)).toMatchObject({
      name: 'ThrottledError',
      delay: 1,
      message: STILL_RUNNING_MESSAGE,
    });
    expect(shown.message).not.toMatch(/idempotency/i);
  });

  it('the API refusing a field (400/422) is a user error naming it with the catalog’s label', async () => {
    // Sent around core's own validation, to get the API's answer.
    const { zapier: error } = await mapped(
      client().request({
        endpoint: catalog.operations.classify,
        body: { input: 'x' },
        check: (_answer: unknown): _answer is unknown => true,
      }),
    );
    const shown = details(error);
    expect(shown).toMatchObject({ name: 'AppError', status: expect.any(Number) });
    expect([400, 422]).toContain(shown.status);
    expect(shown.message).toMatch(/Fields?: .*Categories/);
  });

  it('an unknown schema (404) and a read-only key (403) are user errors with their status', async () => {
    const notFound = await mapped(client().schemas.get('sch_doesnotexist'));
    expect(details(notFound.zapier)).toMatchObject({ name: 'AppError', status: 404 });
    const readOnly = await mapped(
      client({ apiKey: sandbox.readOnlyKey }).schemas.create({
        name: 'Triage',
        categories: [{ name: 'a' }, { name: 'b' }],
      }),
    );
    expect(details(readOnly.zapier)).toMatchObject({ name: 'AppError', status: 403 });
  });

  it('words no setting a Zapier user does not have: no base URL, no concurrency', async () => {
    // Nothing listens on port 1: the API cannot be reached.
    const unreachable = await mapped(client({ baseUrl: 'http://127.0.0.1:1' }).classify(BODY));
    expect(unreachable.error.hint).toMatch(/base URL/);
    expect(details(unreachable.zapier).message).toMatch(
      /^Temporary problem, try again later: Could not reach Classifaily.* This is usually temporary: try again in a few minutes\. If it keeps happening, contact Classifaily support\.$/,
    );
    expect(details(unreachable.zapier).message).not.toMatch(/base URL|network/i);

    await sandbox.setFaults({ kind: 'status', status: 429, retryAfter: 30 });
    const limited = await mapped(client().classify(BODY));
    expect(limited.error.hint).toMatch(/concurrency/);
    expect(details(limited.zapier).message).toContain(
      "Zapier runs the step again after the wait. If this keeps happening, send fewer lines per Classify Batch step, or space out the Zap's runs with Delay by Zapier.",
    );
    expect(details(limited.zapier).message).not.toMatch(/concurrency/i);
  });

  it('says to check the schema ID only when a schema is missing', async () => {
    const schema = await mapped(client().schemas.get('sch_doesnotexist'));
    expect(details(schema.zapier).message).toMatch(
      /^No schema .*sch_doesnotexist.* Check the schema ID, or pick the schema again from the list\. \(request req_\w+\)$/,
    );
    const inClassify = await mapped(client().classify({ input: 'Hi', schema: 'sch_gone' }));
    expect(details(inClassify.zapier).message).toContain('Check the schema ID');
    // A path the API does not have is not the user's schema.
    const elsewhere = await mapped(
      client().request({
        endpoint: {
          ...catalog.operations.me,
          path: '/v1/nothing-here',
        } as unknown as typeof catalog.operations.me,
        check: (_answer: unknown): _answer is unknown => true,
      }),
    );
    expect(elsewhere.error.status).toBe(404);
    expect(details(elsewhere.zapier).message).toMatch(
      /^There is no GET \/v1\/nothing-here in this API\. If this keeps happening, contact Classifaily support\. \(request req_\w+\)$/,
    );
  });

  it('a read-only key is told what it may not do in the operation’s own words', async () => {
    const readOnly = client({ apiKey: sandbox.readOnlyKey });
    const classify = await mapped(readOnly.classify(BODY));
    expect(details(classify.zapier)).toMatchObject({
      name: 'AppError',
      status: 403,
      message: expect.stringMatching(
        /^This API key may not classify texts\. Use a key that may do this \(not a read-only one\), or ask the account owner for one\. \(request req_\w+\)$/,
      ),
    });
    const create = await mapped(
      readOnly.schemas.create({ name: 'Triage', categories: [{ name: 'a' }, { name: 'b' }] }),
    );
    expect(details(create.zapier).message).toMatch(/^This API key may not create schemas\. /);
  });

  it('a field refused before sending names it with the catalog’s label', async () => {
    const { zapier: error } = await mapped(client().classify({ input: '  ', categories: ['a'] }));
    expect(details(error)).toMatchObject({
      name: 'AppError',
      status: 400,
      message: expect.stringContaining(`Fields: ${catalog.fields.input.label}, Categories.`),
    });
    expect((await sandbox.stats()).total).toBe(0);
  });
});
