import util from 'node:util';
import {
  ClassifailyError,
  ConnectionError,
  formatError,
  ValidationError,
  type ClientOptions,
} from '../src';
import {
  BODY,
  clientOf,
  startScriptedServer,
  TEST_KEY,
  type ScriptedServer,
} from './helpers/scripted-server';

const SECRET = TEST_KEY.slice('cai_test_'.length);

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(() => server.close());

const client = (options: Partial<ClientOptions> = {}) =>
  clientOf(server, { maxRetries: 0, ...options });

/** Everything an error can show: every own property (enumerable or not), its stack, util.inspect, formatError. */
function everythingShown(error: unknown): string {
  const e = error as Record<string, unknown>;
  const own = Object.getOwnPropertyNames(e).map(
    (name) => `${name}=${util.inspect(e[name], { depth: 8 })}`,
  );
  return [
    ...own,
    String(error),
    util.inspect(error, { showHidden: true, depth: Infinity }),
    JSON.stringify(error),
    error instanceof ClassifailyError ? formatError(error) : '',
  ].join('\n');
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('the API key never shows in an error (decision 0012)', () => {
  it('in code, request id, detail, title or field errors of a problem, nor in the X-Request-Id header', async () => {
    server.script({
      status: 422,
      headers: { 'X-Request-Id': `req_${TEST_KEY}` },
      body: {
        type: 'about:blank',
        title: `bad ${TEST_KEY}`,
        status: 422,
        code: `code_${TEST_KEY}`,
        detail: `The key ${TEST_KEY} is wrong. Bearer ${TEST_KEY}`,
        request_id: `req_${TEST_KEY}`,
        errors: [{ field: `field_${TEST_KEY}`, code: `c_${TEST_KEY}`, message: `m ${TEST_KEY}` }],
      },
    });
    const error = await failure(client().classify(BODY));
    expect(error).toBeInstanceOf(ValidationError);
    expect(everythingShown(error)).not.toContain(SECRET);
  });

  it('in a 401 problem without a request id, whose header carries the key', async () => {
    server.script({
      status: 401,
      headers: { 'X-Request-Id': `Bearer ${TEST_KEY}` },
      raw: `no ${TEST_KEY}`,
    });
    expect(everythingShown(await failure(client().classify(BODY)))).not.toContain(SECRET);
  });

  it('in the cause of a connection error', async () => {
    const error = await failure(
      client({
        fetch: async () => {
          throw Object.assign(new Error(`connect failed for Bearer ${TEST_KEY}`), {
            code: 'ECONNREFUSED',
          });
        },
      }).classify(BODY),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).message).toContain('ECONNREFUSED');
    expect(everythingShown(error)).not.toContain(SECRET);
  });

  it('in a base URL that carries it as a password or is not a URL at all', () => {
    const thrown = (baseUrl: string) => {
      try {
        client({ baseUrl });
      } catch (error) {
        return error;
      }
      throw new Error('expected the base URL to be refused');
    };
    for (const baseUrl of [
      `http://user:${TEST_KEY}@localhost:8787`,
      `https://u:${TEST_KEY}@api.classifaily.com`,
      `not a url ${TEST_KEY}`,
    ])
      expect(everythingShown(thrown(baseUrl))).not.toContain(SECRET);
  });

  it('in errors built by hand, whatever they are given', () => {
    const error = new ValidationError(`m ${TEST_KEY}`, {
      code: TEST_KEY,
      requestId: TEST_KEY,
      hint: TEST_KEY,
      cause: new Error(`c ${TEST_KEY}`),
      fieldErrors: [{ field: TEST_KEY, code: TEST_KEY, message: TEST_KEY }],
    });
    expect(everythingShown(error)).not.toContain(SECRET);
    expect(error.message).toBe('m cai_test_***');
  });
});
