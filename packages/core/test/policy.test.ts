// The failure policy (decision 0016): every error maps to one outcome, and every row of the
// conformance table — each wire fault, met at every attempt — gives its outcome through the client
// on a real wire. The adapters run the same table in their own hosts.
import {
  AuthenticationError,
  BadRequestError,
  CancelledError,
  CONFORMANCE,
  ConnectionError,
  NotFoundError,
  outcomeOf,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  type ConformanceRow,
  type WireFault,
} from '../src';
import {
  batchAnswer,
  clientOf,
  problem,
  startScriptedServer,
  type Reply,
  type ScriptedServer,
  type SeenRequest,
} from './helpers/scripted-server';

describe('outcomeOf', () => {
  it.each([
    [new AuthenticationError('x'), { kind: 'reauthenticate' }],
    [new PermissionDeniedError('x'), { kind: 'permission' }],
    [new NotFoundError('x', { target: 'sch_1' }), { kind: 'not-found', target: 'sch_1' }],
    [
      new ValidationError('x', { fieldErrors: [{ field: 'categories', code: 'c', message: 'm' }] }),
      { kind: 'fix-input', field: 'categories' },
    ],
    [new BadRequestError('x', { status: 400 }), { kind: 'fix-input' }],
    [new RateLimitError('x'), { kind: 'throttle', delayMs: 60_000 }],
    [new RateLimitError('x', { retryAfterMs: 0 }), { kind: 'throttle', delayMs: 500 }],
    [new ServerError('x', { retryAfterMs: 3_000 }), { kind: 'throttle', delayMs: 3_000 }],
    [new ServerError('x'), { kind: 'temporary' }],
    [new ConnectionError('x'), { kind: 'temporary' }],
    [new TimeoutError('x', { code: 'deadline_exceeded' }), { kind: 'throttle', delayMs: 1_000 }],
    [new CancelledError('x', { code: 'not_sent' }), { kind: 'cancelled' }],
    [
      new ServerError('x', { code: 'answer_too_large', retryable: false }),
      { kind: 'fix-input', field: 'baseUrl' },
    ],
    [Object.assign(new Error('stop'), { name: 'AbortError' }), { kind: 'cancelled' }],
  ])('%s → %p', (error, outcome) => {
    expect(outcomeOf(error)).toEqual(outcome);
  });

  it('leaves what is not core’s to judge (a bug) to the caller', () => {
    expect(outcomeOf(new TypeError('x is undefined'))).toBeUndefined();
  });
});

const CODES: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_api_key',
  403: 'permission_denied',
  404: 'schema_not_found',
  408: 'request_timeout',
  409: 'idempotency_key_in_use',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

/** The scripted server's reply for a wire fault (the sandbox injects the same faults). */
function replyFor(fault: WireFault): (req: SeenRequest) => Reply {
  const answer = (req: SeenRequest) => batchAnswer(req) as { status: number; body: unknown };
  switch (fault.kind) {
    case 'status': {
      const retryAfter =
        fault.retryAfterDate !== undefined
          ? new Date(Date.now() + fault.retryAfterDate * 1000).toUTCString()
          : fault.retryAfter === undefined || fault.retryAfter === ''
            ? undefined
            : String(fault.retryAfter);
      const headers = retryAfter === undefined ? undefined : { 'Retry-After': retryAfter };
      return () =>
        problem(fault.status, CODES[fault.status] ?? 'internal_error', undefined, headers);
    }
    case 'reset':
      return () => ({ reset: true });
    case 'truncate':
      return (req) => ({ ...answer(req), truncateAt: 20 });
    case 'stall':
      return (req) => ({ stall: true, partial: JSON.stringify(answer(req).body).slice(0, 20) });
    case 'malformed':
      return () => ({ status: 200, raw: '{"id": "b", "resu' });
    case 'html':
      return () => ({
        status: 200,
        raw: '<html><body>Sign in</body></html>',
        headers: { 'Content-Type': 'text/html' },
      });
    case 'gzip':
      return () => ({
        status: 200,
        raw: 'not gzip at all',
        headers: { 'Content-Encoding': 'gzip' },
      });
    case 'shuffle':
      return (req) => {
        const reply = answer(req) as { status: number; body: { results: unknown[] } };
        reply.body.results.reverse();
        return reply;
      };
    case 'delay':
      return (req) => ({ ...answer(req), delayMs: fault.delayMs });
  }
}

describe('the conformance table through the client', () => {
  let server: ScriptedServer;
  beforeEach(async () => {
    server = await startScriptedServer();
  });
  afterEach(() => server.close());

  const items = [{ input: 'refund me' }, { input: 'the app crashes' }];

  it.each(CONFORMANCE.map((row) => [row.name, row] as const))(
    '%s',
    async (_name, row: ConformanceRow) => {
      let now = 1_000_000;
      const options: Parameters<typeof clientOf>[1] = { bodyTimeout: 100, timeout: 2_000 };
      if (row.needs === 'attemptTimeout') {
        // The first attempt outlasts its timeout; its retries find the key still in use.
        server.script((req) => ({ ...batchAnswer(req), delayMs: 500 }));
        server.fallback = problem(409, 'idempotency_key_in_use', undefined, { 'Retry-After': '1' });
        options.timeout = 200;
      } else if (row.needs === 'deadline') {
        // One attempt of 2 s (fake time) fits before the deadline; after a 503, the retry does not.
        server.fallback = problem(503, 'service_unavailable');
        Object.assign(options, {
          now: () => now,
          deadline: now + 3_000,
          sleep: async (ms: number) => void (now += ms),
        });
      } else server.fallback = replyFor(row.fault);

      const outcomes = await clientOf(server, options).classifyMany({
        items,
        categories: ['a', 'b'],
      });
      for (const outcome of outcomes) {
        if (row.expect === 'ok') {
          expect(outcome.ok).toBe(true);
          continue;
        }
        expect(outcome.ok).toBe(false);
        const judged = outcomeOf(!outcome.ok && outcome.error);
        expect(judged?.kind).toBe(row.expect);
        if (
          row.delayMs !== undefined &&
          row.fault.kind === 'status' &&
          row.fault.retryAfterDate! > 0
        )
          expect(Math.abs(judged!.delayMs! - row.delayMs)).toBeLessThan(1_500); // an HTTP date is whole seconds
        else if (row.delayMs !== undefined) expect(judged!.delayMs).toBe(row.delayMs);
      }
    },
  );
});
