// readChunks: the body reader core's default transport and n8n's share (decision 0009).
import type { BodyChunks } from '../src';
import { readChunks } from '../src/transport';

const readChunksAtMost = (chunks: BodyChunks, maxBytes: number) => readChunks(chunks, { maxBytes });

/** The chunks in turn; counts how many were asked for and whether reading was stopped. */
function chunksOf(...parts: Uint8Array[]) {
  const seen = { asked: 0, stopped: 0 };
  const chunks: BodyChunks = {
    next: async () => {
      seen.asked += 1;
      const value = parts.shift();
      return value === undefined ? { done: true } : { done: false, value };
    },
    stop: () => {
      seen.stopped += 1;
    },
  };
  return { chunks, seen };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readChunksAtMost', () => {
  it('reads a body of exactly the limit, a character split across chunks decoded whole', async () => {
    const euro = bytes('€'); // 3 bytes
    const { chunks, seen } = chunksOf(bytes('ab'), euro.slice(0, 1), euro.slice(1));
    await expect(readChunksAtMost(chunks, 5)).resolves.toBe('ab€');
    expect(seen.stopped).toBe(0);
  });

  it('stops at the first chunk past the limit: asks for no more and lets the connection go', async () => {
    const { chunks, seen } = chunksOf(bytes('abc'), bytes('def'), bytes('never read'));
    const error = (await readChunksAtMost(chunks, 5).catch((e: unknown) => e)) as Error & {
      code?: string;
    };
    expect(error.code).toBe('answer_too_large');
    expect(seen).toEqual({ asked: 2, stopped: 1 });
  });

  it('passes on a failure while reading as it is (a broken connection is not "too large")', async () => {
    const broken = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    const chunks: BodyChunks = { next: () => Promise.reject(broken), stop: () => undefined };
    await expect(readChunksAtMost(chunks, 5)).rejects.toBe(broken);
  });
});

// Decision 0019: an answer that stalls mid-body fails after a short silence, not the attempt's
// whole timeout. The watch's timer is controlled here: nothing waits on the wall clock.
describe('the body-idle watch', () => {
  const manualTimer = () => {
    const armed: Array<{
      fire: () => void;
      cancelled: boolean;
      ms: number;
      at: number;
    }> = [];
    let time = 0;
    return {
      now: () => time,
      advance: (ms: number) => void (time += ms),
      armed,
      timer: (ms: number, fire: () => void) => {
        const entry = { fire, cancelled: false, ms, at: time };
        armed.push(entry);
        return () => void (entry.cancelled = true);
      },
      /** Fires the timer armed last, as the clock would once its time has passed. */
      fire: () => {
        const last = armed.at(-1)!;
        time = Math.max(time, last.at + last.ms);
        last.cancelled = true; // a timer that fired is no longer pending
        last.fire();
      },
      live: () => armed.filter((e) => !e.cancelled).length,
    };
  };

  it('a body that stops arriving fails with body_timeout and lets the connection go', async () => {
    const clock = manualTimer();
    let stopped = 0;
    let sent = 0;
    const chunks: BodyChunks = {
      next: () =>
        sent++ === 0 ? Promise.resolve({ value: bytes('{"half') }) : new Promise(() => {}),
      stop: () => void stopped++,
    };
    const reading = readChunks(chunks, { idleMs: 5_000, timer: clock.timer, now: clock.now });
    await new Promise((resolve) => setImmediate(resolve));
    clock.fire(); // five seconds with nothing since the first chunk
    await expect(reading).rejects.toMatchObject({ code: 'body_timeout' });
    expect(stopped).toBe(1);
    expect(clock.live()).toBe(0); // no timer left behind
  });

  it('one timer watches the whole body; a finished body leaves no timer', async () => {
    const clock = manualTimer();
    const parts = ['{"a":', '1', '}'];
    const chunks: BodyChunks = {
      next: async () => {
        const part = parts.shift();
        return part === undefined ? { done: true } : { value: bytes(part) };
      },
      stop: () => undefined,
    };
    const limits = { idleMs: 5_000, timer: clock.timer, now: clock.now };
    await expect(readChunks(chunks, limits)).resolves.toBe('{"a":1}');
    expect(clock.armed).toHaveLength(1);
    expect(clock.live()).toBe(0);
  });

  it('a chunk that came since the timer was armed earns the rest of its silence, not a failure', async () => {
    const clock = manualTimer();
    let release: (() => void) | undefined;
    let sent = 0;
    const chunks: BodyChunks = {
      next: () => {
        sent++;
        if (sent === 1) return Promise.resolve({ value: bytes('{"a":') });
        if (sent === 2)
          return new Promise((resolve) => (release = () => resolve({ value: bytes('1') })));
        return new Promise(() => {}); // then nothing more
      },
      stop: () => undefined,
    };
    const reading = readChunks(chunks, { idleMs: 5_000, timer: clock.timer, now: clock.now });
    await new Promise((resolve) => setImmediate(resolve));
    clock.advance(3_000);
    release!(); // the second chunk, 3 s after the first
    await new Promise((resolve) => setImmediate(resolve));
    clock.fire(); // the timer's 5 s are up, but only 2 s were silent: armed again for 3 s
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.armed.map((e) => e.ms)).toEqual([5_000, 3_000]);
    clock.fire(); // now 5 s with nothing
    await expect(reading).rejects.toMatchObject({ code: 'body_timeout' });
    expect(clock.live()).toBe(0);
  });
});
