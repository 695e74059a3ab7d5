/**
 * The one thing the client needs from a platform: a `fetch`-shaped function. Core's default is
 * global `fetch` (defaultFetch below); n8n and Zapier wrap their own request helpers in it so that
 * their logging, proxies and auth middleware apply. It must resolve for every HTTP status (errors
 * are the client's job) and reject only when no response arrived.
 */
import { defaultAlarm } from '#default-sleep';

export interface FetchLikeInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** The per-attempt timeout in ms, for transports that cannot take a signal. */
  timeout?: number;
  /**
   * Always `'manual'`: a 3xx must come back as it is, so that the client decides where the key and
   * the texts may go (it follows a redirect only within the base URL's origin, decision 0008).
   * A transport that cannot leave redirects to its caller must at least report `url`.
   * (Optional only for callers other than the client, such as a transport's own tests.)
   */
  redirect?: 'manual';
  /**
   * The most bytes of decoded body the client reads, for a transport that reads the body itself
   * (rejecting `text()` with an error whose `code` is `'answer_too_large'`); the client also
   * refuses a longer text afterwards (decision 0009).
   */
  maxResponseBytes?: number;
  /**
   * The client's reader of a body that arrives in chunks: it stops at `maxResponseBytes` and after
   * a short silence (decision 0019). A transport that can hand over chunks should: `text()`
   * returns `readBody(chunks)`.
   */
  readBody?: (chunks: BodyChunks) => Promise<string>;
}

export interface FetchLikeResponse {
  status: number;
  headers: { get(name: string): string | null };
  /** The URL that answered, after any redirect the transport followed itself. */
  url?: string;
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

/**
 * Waits `ms` between attempts; rejects with the signal's reason when it is aborted. The default
 * keeps a plain Node process alive while it waits; platforms that forbid timers pass their own.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Global `fetch` as a FetchLike: redirects left to the client, the body read by the client's reader. */
export const defaultFetch: FetchLike = async (url, init) => {
  const response = await fetch(url, {
    method: init.method,
    headers: init.headers,
    body: init.body,
    signal: init.signal,
    redirect: 'manual',
  });
  return {
    status: response.status,
    headers: response.headers,
    url: response.url || url,
    // Not async: the reader's promise is handed on as it is, one hop fewer per answer.
    text: () => {
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
      try {
        reader = response.body?.getReader();
      } catch (error) {
        return Promise.reject(error);
      }
      const body = reader;
      if (!body) return Promise.resolve('');
      const chunks: BodyChunks = { next: () => body.read(), stop: () => body.cancel() };
      return init.readBody ? init.readBody(chunks) : readChunks(chunks, {});
    },
  };
};

/**
 * A body arriving a chunk at a time: a web stream's reader (`read` as `next`, `cancel` as `stop`),
 * or a Node stream's async iterator (n8n's and Zapier's transports, `stop` destroying the stream).
 */
export interface BodyChunks {
  next(): Promise<{ done?: boolean; value?: Uint8Array }>;
  /** Stops reading and lets the connection go. */
  stop(): unknown;
}

/** A Node stream's body (node-fetch's, axios's), as a transport over a platform's helper gets it. */
export interface NodeBody extends AsyncIterable<Uint8Array> {
  destroy(error?: unknown): void;
  on?(event: 'error', listener: () => void): unknown;
}

/**
 * An answer as a platform's Node HTTP helper hands it: node-fetch's Response (Zapier's `z.request`
 * with `raw: true`) or axios's (n8n's helpers with `encoding: 'stream'`, its headers a plain object
 * of lower- or mixed-case names).
 */
export interface NodeAnswer {
  status: number;
  url?: string;
  headers?: { get(name: string): string | null } | Record<string, unknown>;
  /** A Node stream; anything else (an n8n evaluation's mocked answer) is taken as it is. */
  body?: unknown;
}

/**
 * A Node helper's answer as a FetchLikeResponse: headers read case-insensitively, the body read by
 * readNodeBody. The client reads no body it refuses (a redirect elsewhere): a late error on that
 * stream (a cancel, a reset) must not be an uncaught one, so it is listened to here; a body that is
 * read sees its errors anyway.
 */
export function nodeResponse(answer: NodeAnswer, init: FetchLikeInit): FetchLikeResponse {
  const { body } = answer;
  if (isNodeBody(body)) body.on?.('error', () => undefined);
  return {
    status: answer.status,
    url: answer.url,
    headers: headersOf(answer.headers),
    text: () => readNodeBody(body, init),
  };
}

/**
 * The text of a Node stream body: read by the client's reader (`init.readBody`: within the answer
 * size, failing after a silence mid-body), else by readChunks within `maxResponseBytes`; given up
 * with the signal's reason when `init.signal` fires (axios's own timeout ends with the headers). A
 * body that is not a stream is taken as it is: a string, bytes, or JSON to write out.
 */
async function readNodeBody(body: unknown, init: FetchLikeInit): Promise<string> {
  if (!isNodeBody(body)) return bodyText(body);
  const { signal } = init;
  const stop = () => body.destroy(signal?.reason);
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', stop, { once: true });
  try {
    const chunks = body[Symbol.asyncIterator]();
    const read = init.readBody ?? ((c) => readChunks(c, { maxBytes: init.maxResponseBytes }));
    return await read({ next: () => chunks.next(), stop: () => body.destroy() });
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * What a transport throws when its helper got no answer: only the network code (ECONNREFUSED,
 * ETIMEDOUT…, from the error or its cause), which the client needs to tell a timeout from a refused
 * connection. Nothing else of the helper's error is kept: its message may quote the request.
 */
export function networkFailure(error: unknown): Error & { code?: string } {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : e?.code;
  return Object.assign(new Error('request failed'), {
    code: typeof code === 'string' ? code : undefined,
  });
}

/**
 * A platform's plain wait (n8n-workflow's `sleep`: a node's bundle may not use timers) as a Sleep:
 * ended early, with the signal's reason, when the signal fires.
 */
export function abortableSleep(wait: (ms: number) => Promise<unknown>): Sleep {
  return (ms, signal) => {
    if (!signal) return wait(ms).then(() => undefined);
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const stop = () => reject(signal.reason);
      signal.addEventListener('abort', stop, { once: true });
      void wait(ms).then(() => {
        signal.removeEventListener('abort', stop);
        resolve();
      });
    });
  };
}

function isNodeBody(body: unknown): body is NodeBody {
  const b = body as Partial<NodeBody> | null | undefined;
  return typeof b?.destroy === 'function' && typeof b[Symbol.asyncIterator] === 'function';
}

function headersOf(headers: NodeAnswer['headers']): FetchLikeResponse['headers'] {
  if (typeof headers?.get === 'function') {
    const { get } = headers as { get(name: string): string | null };
    return { get: (name) => get.call(headers, name) ?? null };
  }
  const lower: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && value !== null) lower[key.toLowerCase()] = String(value);
  }
  return { get: (name) => lower[name.toLowerCase()] ?? null };
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === undefined || body === null) return '';
  if (body instanceof Uint8Array) return decoder.decode(body);
  return JSON.stringify(body);
}

export interface BodyLimits {
  /** Decoded bytes past which reading stops: rejected with code `answer_too_large` (decision 0009). */
  maxBytes?: number;
  /**
   * Silence (ms) after which reading stops: rejected with code `body_timeout` (decision 0019). The
   * watch is one timer for the whole body (a chunk only notes the time; see ownWatch).
   */
  idleMs?: number;
  /** The watch's alarm, for tests; by default a Node timer, or AbortSignal's in the n8n bundle (`#default-sleep`). */
  timer?: Alarm;
  /** The clock the watch reads when its timer fires (ms; default `Date.now`). */
  now?: () => number;
  /**
   * A watch kept by someone else's alarm (the client's attempt, decision 0025), in place of the one
   * `idleMs`, `timer` and `now` make; `idleMs` then only names the silence in the error.
   */
  watch?: BodyWatch;
}

/** Calls `fire` after `ms` unless the function it returns is called first (`#default-sleep`). */
export type Alarm = (ms: number, fire: () => void) => () => void;

/**
 * The silence watch over one body: `begin` when reading starts (with what to call after a
 * silence), `chunk` when a chunk arrives, `end` when reading stops, however it stops.
 */
export interface BodyWatch {
  begin(silent: () => void): void;
  chunk(): void;
  end(): void;
}

/**
 * The watch readChunks keeps itself: one timer for the whole body, not one per chunk (a timer costs
 * more than a small answer's reading). When it fires it looks at when the last chunk came, and
 * waits out the rest if one came since it was armed.
 */
function ownWatch(idleMs: number, alarm: Alarm, now: () => number): BodyWatch {
  let cancel: (() => void) | undefined;
  let done = false;
  let lastChunk = 0;
  let silent: () => void;
  const arm = (ms: number) => {
    cancel = alarm(ms, () => {
      if (done) return;
      const quiet = now() - lastChunk;
      if (quiet >= idleMs) silent();
      else arm(idleMs - quiet);
    });
  };
  return {
    begin(fire) {
      silent = fire;
      lastChunk = now();
      arm(idleMs);
    },
    chunk() {
      lastChunk = now();
    },
    end() {
      done = true;
      cancel?.();
    },
  };
}

/**
 * The text of a body given in chunks. Reading stops (the rest is never buffered, the connection is
 * let go) once more than `maxBytes` decoded bytes have arrived, or when nothing arrived for
 * `idleMs`: an answer that stalls mid-body fails fast instead of holding the attempt for its whole
 * timeout. A body the transport could not decode (invalid gzip) is rejected with code
 * `undecodable_body`: a bad answer, not a broken connection (issue 21, item 8).
 */
export async function readChunks(chunks: BodyChunks, limits: BodyLimits): Promise<string> {
  const { maxBytes = Infinity, idleMs, timer, now = Date.now } = limits;
  const watch =
    limits.watch ??
    (idleMs === undefined ? undefined : ownWatch(idleMs, timer ?? defaultAlarm, now));
  const parts: Uint8Array[] = [];
  let total = 0;
  // The watch wakes the read in progress (each read is a promise of its own that either the chunk
  // or the watch settles: cheaper than Promise.race against one idle promise).
  let wake: ((value: typeof IDLE) => void) | undefined;
  let idle = false;
  watch?.begin(() => {
    idle = true;
    wake?.(IDLE);
  });
  const give = (code: string, message: string, cause?: unknown) =>
    Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });
  try {
    for (;;) {
      const next = chunks.next();
      let read: Awaited<typeof next> | typeof IDLE;
      try {
        read = await (watch === undefined
          ? next
          : new Promise<Awaited<typeof next> | typeof IDLE>((resolve, reject) => {
              wake = resolve;
              Promise.resolve(next).then(resolve, reject);
              // A watch that fired between reads (a test's clock): as a race against a settled
              // idle promise, a chunk already there still comes first.
              if (idle) void Promise.resolve(IDLE).then(resolve);
            }));
      } catch (error) {
        throw isDecodingError(error)
          ? give('undecodable_body', 'The answer could not be decoded.', error)
          : error;
      }
      if (read === IDLE) {
        next.catch(() => undefined);
        await Promise.resolve(chunks.stop()).catch(() => undefined);
        throw give('body_timeout', `No part of the answer arrived for ${idleMs} ms.`);
      }
      const { done: ended, value } = read;
      if (ended || value === undefined) break;
      watch?.chunk();
      total += value.byteLength;
      if (total > maxBytes) {
        await Promise.resolve(chunks.stop()).catch(() => undefined);
        throw give('answer_too_large', `The answer is larger than ${maxBytes} bytes.`);
      }
      parts.push(value);
    }
  } finally {
    watch?.end();
  }
  // A small answer comes in one chunk: decoded as it is, without a copy.
  if (parts.length === 1) return decoder.decode(parts[0]);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return decoder.decode(bytes);
}

/** Decoding without `stream` keeps no state between calls: one decoder serves every body. */
const decoder = new TextDecoder();

const IDLE = Symbol('idle');

/** zlib's and brotli's errors (Z_DATA_ERROR…), thrown directly or as the cause (undici's "terminated"). */
function isDecodingError(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return [e?.code, e?.cause?.code].some(
    (code) => typeof code === 'string' && /^(Z_|ERR_ZLIB|ERR_BROTLI|ERR__ERROR)/.test(code),
  );
}
