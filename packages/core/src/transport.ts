/**
 * The one thing the client needs from a platform: a `fetch`-shaped function. Core's default is
 * global `fetch` (defaultFetch below); n8n and Zapier wrap their own request helpers in it so that
 * their logging, proxies and auth middleware apply. It must resolve for every HTTP status (errors
 * are the client's job) and reject only when no response arrived.
 */
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
   * The most bytes of decoded body the client reads. A transport that can stop reading there should,
   * rejecting `text()` with an error whose `code` is `'answer_too_large'`; the client also refuses a
   * longer text afterwards (decision 0009).
   */
  maxResponseBytes?: number;
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

/** Global `fetch` as a FetchLike: redirects left to the client, the body read no further than allowed. */
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
    text: () => readAtMost(response, init.maxResponseBytes ?? Infinity),
  };
};

/** The body as text, refusing (and no longer reading) one larger than `max` bytes once decoded. */
async function readAtMost(response: Response, max: number): Promise<string> {
  const length = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  const plain = !encoding || encoding === 'identity';
  // The common case: the server said how long the body is and it is not compressed.
  if (plain && length !== null && /^\d+$/.test(length)) {
    if (Number(length) <= max) return response.text();
    await response.body?.cancel().catch(() => undefined);
    throw answerTooLarge(max);
  }
  // Unknown or compressed length: count decoded bytes as they arrive.
  const reader = response.body?.getReader();
  if (!reader) return '';
  return readChunksAtMost({ next: () => reader.read(), stop: () => reader.cancel() }, max);
}

/**
 * A body arriving a chunk at a time: a web stream's reader (`read` as `next`, `cancel` as `stop`),
 * or a Node stream's async iterator (n8n's transport, `stop` destroying the stream).
 */
export interface BodyChunks {
  next(): Promise<{ done?: boolean; value?: Uint8Array }>;
  /** Stops reading and lets the connection go. */
  stop(): unknown;
}

/**
 * The text of a body given in chunks, refusing it once more than `max` decoded bytes have arrived:
 * reading stops there (the rest is never buffered) and the rejection's `code` is
 * `'answer_too_large'`, which the client turns into its own error (decision 0009).
 */
export async function readChunksAtMost(chunks: BodyChunks, max: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await chunks.next();
    if (done || value === undefined) break;
    total += value.byteLength;
    if (total > max) {
      await Promise.resolve(chunks.stop()).catch(() => undefined);
      throw answerTooLarge(max);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function answerTooLarge(max: number): Error {
  return Object.assign(new Error(`The answer is larger than ${max} bytes.`), {
    code: 'answer_too_large',
  });
}
