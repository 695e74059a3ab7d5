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

// Issue 21 item 6: a server that echoes the secret in another form (no prefix, another case,
// percent-encoded, base64) must not get it shown either. Every form derived from the configured key
// is redacted, in every place an error or an event can show.
describe('every form of the configured key is redacted (decision 0030)', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const b64url = (s: string) => Buffer.from(s).toString('base64url');
  const percentAll = (s: string) =>
    [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');
  const FORMS: Record<string, string> = {
    'the key': TEST_KEY,
    'without its prefix': SECRET,
    'upper-cased': TEST_KEY.toUpperCase(),
    'the secret upper-cased': SECRET.toUpperCase(),
    'lower-cased': TEST_KEY.toLowerCase(),
    'percent-encoded underscores (%5F)': TEST_KEY.replace(/_/g, '%5F'),
    'lower-case %5f': TEST_KEY.replace(/_/g, '%5f'),
    'every character percent-encoded': percentAll(TEST_KEY),
    base64: b64(TEST_KEY),
    base64url: b64url(TEST_KEY),
    'base64 of the secret': b64(SECRET),
    'base64url of the secret': b64url(SECRET),
    'base64 of the upper-cased key': b64(TEST_KEY.toUpperCase()),
    'base64 in a Basic credential': b64(`user:${TEST_KEY}`),
    'base64 after one byte': b64(`x${TEST_KEY}`),
    'base64 after two bytes': b64(`xy${TEST_KEY}`),
  };

  /** Whether a text shows the secret in any form: decoded and compared case-insensitively. */
  function leaks(text: string): boolean {
    const lower = text.toLowerCase();
    const secret = SECRET.toLowerCase();
    if (lower.includes(secret)) return true;
    let decoded = lower;
    try {
      decoded = decodeURIComponent(text).toLowerCase();
    } catch {
      // not percent-encoding as a whole: the plain check above stands
    }
    if (decoded.includes(secret)) return true;
    // Any base64 run long enough, decoded at each alignment.
    for (const run of text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? [])
      for (let skip = 0; skip < 4; skip++) {
        const bytes = Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
        if (bytes.toString('latin1').toLowerCase().includes(secret.slice(0, 12))) return true;
      }
    return false;
  }

  it.each(Object.entries(FORMS))(
    '%s, echoed everywhere a problem can carry it',
    async (_, form) => {
      const events: unknown[] = [];
      server.script({
        status: 422,
        headers: { 'X-Request-Id': `req_${form}` },
        body: {
          type: 'about:blank',
          title: `bad ${form}`,
          status: 422,
          code: `code_${form}`,
          detail: `The key ${form} is wrong.`,
          request_id: `req_${form}`,
          errors: [{ field: `field_${form}`, code: `c_${form}`, message: `m ${form}` }],
        },
      });
      const error = await failure(client({ onEvent: (e) => events.push(e) }).classify(BODY));
      expect(error).toBeInstanceOf(ValidationError);
      expect(leaks(form)).toBe(true); // the check can see this form
      expect(leaks(everythingShown(error))).toBe(false);
      expect(leaks(JSON.stringify(events))).toBe(false);
    },
  );

  it.each(Object.entries(FORMS))(
    '%s, in a 503 retried until given up (events)',
    async (_, form) => {
      const events: unknown[] = [];
      const answer = {
        status: 503,
        headers: { 'X-Request-Id': `req_${form}`, 'Retry-After': '0' },
        body: { title: form, status: 503, code: `unavailable_${form}`, detail: form },
      };
      server.script(answer, answer);
      const error = await failure(
        client({ maxRetries: 1, onEvent: (e) => events.push(e) }).classify(BODY),
      );
      expect(leaks(everythingShown(error))).toBe(false);
      expect(leaks(JSON.stringify(events))).toBe(false);
    },
  );

  it.each(Object.entries(FORMS))('%s, in a transport error and its cause', async (_, form) => {
    const error = await failure(
      client({
        fetch: async () => {
          throw Object.assign(new TypeError(`fetch failed ${form}`), {
            code: 'ECONNREFUSED',
            cause: Object.assign(new Error(`connect ${form}`), { code: 'ECONNREFUSED' }),
          });
        },
      }).classify(BODY),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(leaks(everythingShown(error))).toBe(false);
  });

  it('a lower-cased key as a redirect host', async () => {
    server.script({
      status: 307,
      headers: { Location: `http://${TEST_KEY.replace(/_/g, '-')}.evil.example/v1/classify` },
    });
    const error = await failure(client().classify(BODY));
    expect(leaks(everythingShown(error))).toBe(false);
    server.script({
      status: 307,
      headers: { Location: `http://${SECRET.toLowerCase()}.evil.example/v1/classify` },
    });
    expect(leaks(everythingShown(await failure(client().classify(BODY))))).toBe(false);
  });
});
