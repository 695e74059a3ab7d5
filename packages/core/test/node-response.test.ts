// The pieces for a transport over a platform's Node HTTP helper (n8n's and Zapier's), decision 0032.
import { PassThrough, Readable } from 'node:stream';

import { abortableSleep, networkFailure, nodeResponse } from '../src';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as Error & { code?: string },
  );

describe('nodeResponse', () => {
  it('reads headers case-insensitively, from a plain object (axios) or a Headers (node-fetch)', () => {
    const axios = nodeResponse(
      { status: 429, headers: { 'Retry-After': 2, 'X-Request-Id': 'req_1', gone: null } },
      { method: 'GET', headers: {} },
    );
    expect(axios.status).toBe(429);
    expect(axios.headers.get('retry-after')).toBe('2');
    expect(axios.headers.get('x-request-id')).toBe('req_1');
    expect(axios.headers.get('gone')).toBeNull();
    const fetched = nodeResponse(
      { status: 200, url: 'https://x.test/v1/me', headers: new Headers({ 'X-Request-Id': 'r2' }) },
      { method: 'GET', headers: {} },
    );
    expect(fetched.url).toBe('https://x.test/v1/me');
    expect(fetched.headers.get('X-REQUEST-ID')).toBe('r2');
    expect(fetched.headers.get('retry-after')).toBeNull();
  });

  it('reads a stream up to the limit, and refuses one past it without reading the rest', async () => {
    const init = { method: 'GET', headers: {}, maxResponseBytes: 11 };
    const small = Readable.from([Buffer.from('{"ok":'), Buffer.from('true}')]);
    await expect(nodeResponse({ status: 200, body: small }, init).text()).resolves.toBe(
      '{"ok":true}',
    );
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled += 1;
          yield Buffer.alloc(1024, 'x');
        }
      })(),
    );
    const large = nodeResponse(
      { status: 200, body: endless },
      { ...init, maxResponseBytes: 10240 },
    );
    expect((await rejection(large.text()))?.code).toBe('answer_too_large');
    expect(endless.destroyed).toBe(true);
    expect(pulled).toBeLessThan(100);
  });

  it('hands the stream to the client’s reader when it gives one', async () => {
    const body = Readable.from([Buffer.from('a'), Buffer.from('b')]);
    let stops = 0;
    const text = await nodeResponse(
      { status: 200, body },
      {
        method: 'GET',
        headers: {},
        readBody: async (chunks) => {
          const first = await chunks.next();
          await chunks.stop();
          stops += 1;
          return new TextDecoder().decode(first.value);
        },
      },
    ).text();
    expect(text).toBe('a');
    expect(stops).toBe(1);
    expect(body.destroyed).toBe(true);
  });

  it('gives up on a body still arriving when the signal fires, with its reason', async () => {
    const trickle = new PassThrough();
    trickle.write('{"ok":');
    const attempt = new AbortController();
    const reading = rejection(
      nodeResponse(
        { status: 200, body: trickle },
        { method: 'GET', headers: {}, signal: attempt.signal },
      ).text(),
    );
    const timedOut = new Error('the attempt timed out');
    attempt.abort(timedOut);
    expect(await reading).toBe(timedOut);
    expect(trickle.destroyed).toBe(true);
  });

  it('keeps a late error on a body that is never read from being uncaught', () => {
    const unread = new PassThrough();
    nodeResponse({ status: 302, body: unread }, { method: 'GET', headers: {} });
    // With no listener, emitting 'error' throws: in a platform's process, an uncaught exception.
    expect(() => unread.emit('error', new Error('socket hang up'))).not.toThrow();
  });

  it('takes a body that is not a stream as it is (an n8n evaluation’s mocked answer)', async () => {
    const text = (body: unknown) =>
      nodeResponse({ status: 200, body }, { method: 'GET', headers: {} }).text();
    await expect(text('{"a":1}')).resolves.toBe('{"a":1}');
    await expect(text(new TextEncoder().encode('bytes'))).resolves.toBe('bytes');
    await expect(text({ a: 1 })).resolves.toBe('{"a":1}');
    await expect(text(undefined)).resolves.toBe('');
  });
});

describe('networkFailure', () => {
  it('keeps only the network code, from the error or its cause', () => {
    const wrapped = networkFailure(
      Object.assign(new Error('boom Bearer cai_test_secret000000000'), {
        cause: { code: 'ECONNREFUSED' },
      }),
    );
    expect(wrapped.code).toBe('ECONNREFUSED');
    expect(wrapped.message).toBe('request failed');
    expect(networkFailure(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })).code).toBe(
      'ETIMEDOUT',
    );
    expect(networkFailure('not an error').code).toBeUndefined();
  });
});

describe('abortableSleep', () => {
  it('waits with the platform’s wait, and ends as soon as the signal fires, with its reason', async () => {
    const waits: number[] = [];
    const wait = (ms: number) => {
      waits.push(ms);
      return new Promise<void>((resolve) => setTimeout(resolve, ms));
    };
    const sleep = abortableSleep(wait);
    const cancel = new AbortController();
    const waiting = sleep(1_000, cancel.signal);
    cancel.abort(new Error('cancelled by the user'));
    await expect(waiting).rejects.toThrow('cancelled by the user');
    await expect(sleep(5)).resolves.toBeUndefined();
    await expect(sleep(5, cancel.signal)).rejects.toThrow('cancelled by the user');
    expect(waits).toEqual([1_000, 5]);
  });
});
