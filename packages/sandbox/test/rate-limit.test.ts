import { startSandbox } from '../src';
import { call, expectConforms } from './helpers';

describe('rate limiting per key', () => {
  it('counts down in RateLimit headers, then 429 with Retry-After', async () => {
    const sandbox = await startSandbox({
      rateLimit: 3,
      keys: [
        { key: 'cai_test_sandbox0000000000000000' },
        { key: 'cai_test_secondkey0000000000000' },
      ],
    });
    try {
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const ok = await call(sandbox, 'GET', '/v1/me');
        expect(ok.status).toBe(200);
        expect(ok.headers.get('ratelimit-limit')).toBe('3');
        remaining.push(ok.headers.get('ratelimit-remaining')!);
      }
      expect(remaining).toEqual(['2', '1', '0']);
      const limited = await call(sandbox, 'GET', '/v1/me');
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
      expectConforms('getMe', limited);
      // Another key has its own window.
      expect(
        (await call(sandbox, 'GET', '/v1/me', { key: 'cai_test_secondkey0000000000000' })).status,
      ).toBe(200);
      // A reset (test helper) opens the window again.
      sandbox.reset();
      expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('a window ends after rateLimitWindowMs (an injected clock, no sleeping)', async () => {
    let now = 1_000_000;
    const sandbox = await startSandbox({ rateLimit: 1, rateLimitWindowMs: 60_000, now: () => now });
    try {
      expect((await call(sandbox, 'GET', '/v1/me')).status).toBe(200);
      now += 59_999;
      const limited = await call(sandbox, 'GET', '/v1/me');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      now += 1;
      const next = await call(sandbox, 'GET', '/v1/me');
      expect(next.status).toBe(200);
      expect(next.headers.get('ratelimit-reset')).toBe('60');
    } finally {
      await sandbox.close();
    }
  });
});
