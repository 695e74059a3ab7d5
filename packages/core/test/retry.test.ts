import { MIN_RETRY_DELAY_MS, parseRetryAfter } from '../src/retry';
import { ConflictError, RateLimitError, ServerError } from '../src';
import {
  BODY,
  clientOf,
  okClassification,
  problem,
  startScriptedServer,
  type ScriptedServer,
} from './helpers/scripted-server';

const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('Retry-After', () => {
  it.each([
    ['2', 2000],
    [' 3 ', 3000],
    ['0', 0],
    [new Date(NOW + 4000).toUTCString(), 4000], // IMF-fixdate
    ['Friday, 27-Nov-26 12:00:05 GMT', 5000], // RFC 850
    ['Fri Nov 27 12:00:06 2026', 6000], // asctime, which names no zone: GMT
    [new Date(NOW - 60_000).toUTCString(), 0], // a date already past
    ['-1', undefined],
    ['1.5', undefined],
    ['0x10', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('%p is %p ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  let server: ScriptedServer;
  let sleeps: number[];
  beforeEach(async () => {
    server = await startScriptedServer();
    sleeps = [];
  });
  afterEach(() => server.close());
  const client = (options = {}) =>
    clientOf(server, {
      now: () => NOW,
      random: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options,
    });

  it.each(['0', new Date(NOW - 5000).toUTCString()])(
    'a Retry-After of %p waits the minimum, not 0 ms',
    async (value) => {
      server.script(
        problem(429, 'rate_limited', 'slow', { 'Retry-After': value }),
        okClassification(),
      );
      await client().classify(BODY);
      expect(sleeps).toEqual([MIN_RETRY_DELAY_MS]);
    },
  );

  it('an unreadable Retry-After falls back to backoff', async () => {
    server.script(
      problem(503, 'service_unavailable', 'x', { 'Retry-After': '-1' }),
      okClassification(),
    );
    await client().classify(BODY);
    expect(sleeps).toEqual([500]);
  });

  it('every error that carries Retry-After passes it on when it is longer than the client may wait', async () => {
    server.script(
      problem(503, 'service_unavailable', 'x', { 'Retry-After': '90' }),
      problem(409, 'idempotency_key_in_use', 'busy', { 'Retry-After': '90' }),
      problem(429, 'rate_limited', 'slow', { 'Retry-After': '90' }),
    );
    for (const Class of [ServerError, ConflictError, RateLimitError]) {
      const error = await client()
        .classify(BODY)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Class);
      expect(error).toMatchObject({ retryable: true, retryAfterMs: 90_000 });
    }
    expect(sleeps).toEqual([]);
  });

  it('defect 10: a 409 in use after a timed-out attempt is retried with the server’s Retry-After', async () => {
    server.script(
      { ...okClassification(), delayMs: 400 },
      problem(409, 'idempotency_key_in_use', 'still running', { 'Retry-After': '1' }),
      okClassification(),
    );
    const result = await client({ timeout: 100 }).classify(BODY);
    expect(result.result.label).toBe('account_access');
    expect(sleeps).toEqual([500, 1000]);
    const keys = new Set(server.requests.map((r) => r.headers['idempotency-key']));
    expect(keys.size).toBe(1);
  });
});
