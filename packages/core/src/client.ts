import { defaultSleep } from '#default-sleep';
import { AttemptAlarm } from './alarm';
import { isBatchClassification, isClassification, isMe } from './answers';
import { MAX_ANSWER_BYTES } from './answer-size';
import { normalizeApiKey } from './api-key';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from './base-url';
import type { AnswerOf, Call, RequestOptions } from './call';
import { credential } from './catalog';
import * as ops from './catalog/operations';
import {
  ClassifailyError,
  ConnectionError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  errorFromResponse,
  HINTS,
  redact,
} from './errors';
import type { ClientEvent } from './events';
import { classifyMany, type ClassifyManyOptions, type ClassifyManyParams } from './many';
import {
  checkIdempotencyKey,
  checkOptions,
  CLIENT_OPTIONS,
  QUEUE_OPTIONS,
  REQUEST_OPTIONS,
} from './options';
import { outcomeOf } from './policy';
import {
  createBatchQueue,
  type BatchQueue,
  type BatchQueueOptions,
  type ManyOutcome,
} from './queue';
import { checkAnsweringOrigin, redirectTarget } from './redirects';
import { backoffDelay, MAX_BACKOFF_MS, MIN_RETRY_DELAY_MS, parseRetryAfter } from './retry';
import { SchemasResource } from './schemas';
import { utf8Length } from './text';
import {
  defaultFetch,
  readChunks,
  type BodyChunks,
  type FetchLike,
  type FetchLikeResponse,
  type Sleep,
} from './transport';
import type { ClassifyBatchRequest, ClassifyRequest, Me, Problem } from './types';
import { validateBatchShape, validateClassify } from './validation';
import { VERSION } from './generated/version';

export type { RequestOptions } from './call';

/**
 * Per-attempt timeout of a request, in ms: long enough for a batch of 25 with explanations from a
 * language model, whose slowest answers take tens of seconds (decision 0010). Each adapter sets
 * its own budget within its platform's limits (`timeout`, `maxRetries`, `deadline`).
 */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface ClientOptions {
  /** Required unless `auth` is `'transport'`. */
  apiKey?: string;
  /**
   * Who adds `Authorization: Bearer <key>`: the client (`'bearer'`, the default) or the `fetch` it is
   * given (`'transport'`), for platforms whose request helper applies the credential itself
   * (n8n's credential `authenticate`). With `'transport'` the client never sees the key.
   */
  auth?: 'bearer' | 'transport';
  /** Default https://api.classifaily.com. Plain http is refused except for localhost. */
  baseUrl?: string;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** Per-attempt timeout in ms. Default 60 s. */
  timeout?: number;
  /** Silence in the middle of an answer after which the attempt fails, in ms. Default 5 s. */
  bodyTimeout?: number;
  /** Longest single wait between attempts in ms, `Retry-After` included. Default 8 s. */
  maxRetryDelay?: number;
  fetch?: FetchLike;
  /** Default: a Node timer (keeps the process alive while it waits). n8n passes its own. */
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  newIdempotencyKey?: () => string;
  /**
   * When every attempt must be over (ms, in `now()` time): an attempt starts only if its whole
   * timeout fits before it, and a wait between attempts only if the attempt after it still fits.
   * For platforms that stop a step after a fixed time (Zapier's 30 s).
   */
  deadline?: number;
  /** Appended to the User-Agent, e.g. `classifaily-n8n/0.1.0`. */
  userAgent?: string;
  /** What the client does, as it does it (events.ts); never given the key. */
  onEvent?: (event: ClientEvent) => void;
}

/** What a connection test found: the account (`me`), or only that the API accepted the key. */
export type ConnectionTest = { via: 'me'; me: Me; label: string } | { via: 'probe'; label: string };

/** A classification the API must refuse before any work: no input, no categories. */
const CONNECTION_PROBE = {};
/** The probe's answers that mean the key was accepted: the body was judged, so the key was. */
const KEY_ACCEPTED = [400, 422];

/** The longest single `Retry-After` a `rateLimitWait` budget waits out; a longer one fails at once. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** The silence in the middle of an answer after which an attempt fails (decision 0019). */
export const DEFAULT_BODY_TIMEOUT_MS = 5_000;

type Attempted<T> = { value: T } | { error: ClassifailyError };

export class ClassifailyClient {
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly maxRetryDelay: number;
  readonly schemas: SchemasResource;
  // Private by `#` so that the key is not an enumerable property: it never shows in a dump of the client.
  readonly #apiKey: string | undefined;
  readonly #origin: string;
  readonly #fetch: FetchLike;
  readonly #sleep: Sleep;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #newIdempotencyKey: () => string;
  readonly #deadline: number | undefined;
  readonly #bodyTimeout: number;
  readonly #userAgent: string;
  readonly #onEvent: ((event: ClientEvent) => void) | undefined;
  /** Until when every request holds off: the API asked one of them to wait (shared rate limits). */
  #holdUntil = 0;
  /** The URL and path of each operation that has no parameters (see `target`). */
  readonly #targets = new Map<object, { url: string; path: string }>();

  constructor(options: ClientOptions) {
    checkOptions(options, CLIENT_OPTIONS);
    this.#apiKey = options.auth === 'transport' ? undefined : normalizeApiKey(options.apiKey);
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    this.#origin = new URL(this.baseUrl).origin;
    this.maxRetries = options.maxRetries ?? 2;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetryDelay = options.maxRetryDelay ?? MAX_BACKOFF_MS;
    this.#bodyTimeout = options.bodyTimeout ?? DEFAULT_BODY_TIMEOUT_MS;
    this.#fetch = options.fetch ?? defaultFetch;
    const sleep = options.sleep ?? defaultSleep;
    if (!sleep)
      throw new ClassifailyError('This build of Classifaily has no timers of its own.', {
        code: 'invalid_option',
        hint: "Pass the platform's sleep function as the client's `sleep` option.",
      });
    this.#sleep = sleep;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
    // Only a generator of the caller's may make a bad key: a UUID is checked by nobody (a regex
    // per request).
    const newKey = options.newIdempotencyKey;
    this.#newIdempotencyKey = newKey
      ? () => checkIdempotencyKey(newKey.call(this), 'newIdempotencyKey')
      : () => crypto.randomUUID();
    this.#deadline = options.deadline;
    this.#userAgent = [`classifaily-core/${VERSION}`, options.userAgent].filter(Boolean).join(' ');
    this.#onEvent = options.onEvent;
    this.schemas = new SchemasResource(this);
  }

  /** Classifies one text. */
  classify(
    body: ClassifyRequest,
    options?: RequestOptions,
  ): Promise<AnswerOf<typeof ops.classify>> {
    // Not async: the request's own promise is handed on, without another one resolved with it
    // (issue 21: fewer hops between the socket and the answer). Bad input still rejects.
    try {
      validateClassify(body);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.request<AnswerOf<typeof ops.classify>>(
      { endpoint: ops.classify, body, check: isClassification },
      options,
    );
  }

  /** Classifies 1 to 25 texts in one request; each gets a result or its own error. */
  async classifyBatch(body: ClassifyBatchRequest, options?: RequestOptions) {
    validateBatchShape(body);
    return this.#sendBatch(body, options);
  }

  /** A batch request as it is, its body already checked (by classifyBatch, or by the batcher). */
  #sendBatch(body: ClassifyBatchRequest, options?: RequestOptions) {
    return this.request<AnswerOf<typeof ops.classifyBatch>>(
      { endpoint: ops.classifyBatch, body, check: isBatchClassification },
      options,
    );
  }

  /**
   * A queue for items that arrive one at a time (queue.ts): batches of ≤25 items and ≤ the API's
   * body size, a bounded number of requests at once, and the queue's options (stop on the first
   * failure, a deadline, rate limits waited out, cancellation). Adapters configure it; they never
   * wrap it.
   */
  batchQueue(options: BatchQueueOptions = {}): BatchQueue {
    // The queue's batches are sent without classifyBatch's check of the body: the batcher has
    // already checked each item and each target, and cut batches of at most 25 items.
    return createBatchQueue(
      (body, requestOptions) => this.#sendBatch(body, requestOptions),
      options,
    );
  }

  /**
   * Classifies any number of texts through one batch queue: one outcome per item in input order.
   * An item with bad input fails alone, before anything is sent.
   */
  async classifyMany(
    params: ClassifyManyParams,
    options?: ClassifyManyOptions,
  ): Promise<ManyOutcome[]> {
    checkOptions(options, QUEUE_OPTIONS);
    return classifyMany(this.batchQueue(options), params);
  }

  /** Who the key belongs to (an assumed endpoint: `testConnection` does without it). */
  me(options?: RequestOptions) {
    return this.request<AnswerOf<typeof ops.me>>({ endpoint: ops.me, check: isMe }, options);
  }

  /**
   * The connection test of every platform (decision 0036): `GET /v1/me`; where the API has no such
   * path (404), a classification the API must refuse before doing any work, an empty body: 401 is
   * a wrong key (thrown, as every 401), 400 or 422 a key the API accepted. Nothing is classified or
   * billed. Any other answer is thrown as it is (a wrong base URL is a 404 here too).
   */
  async testConnection(options?: RequestOptions): Promise<ConnectionTest> {
    try {
      const me = await this.me(options);
      return { via: 'me', me, label: credential.connectionLabel(me) };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    try {
      await this.request(
        { endpoint: ops.classify, body: CONNECTION_PROBE, check: isClassification },
        options,
      );
    } catch (error) {
      if (!(error instanceof ClassifailyError && KEY_ACCEPTED.includes(error.status ?? 0)))
        throw error;
    }
    return { via: 'probe', label: credential.label };
  }

  /** Sends one logical request, retrying what is safe to retry with the same idempotency key. */
  async request<T>(call: Call<T>, options: RequestOptions = {}): Promise<T> {
    checkOptions(options, REQUEST_OPTIONS);
    const { url, path } = this.target(call);
    const { method } = call.endpoint;
    const headers: Record<string, string> =
      this.#apiKey === undefined
        ? { Accept: 'application/json', 'User-Agent': this.#userAgent }
        : {
            Accept: 'application/json',
            Authorization: `Bearer ${this.#apiKey}`,
            'User-Agent': this.#userAgent,
          };
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['Content-Type'] = 'application/json';
    }
    if (method === 'POST')
      headers['Idempotency-Key'] = options.idempotencyKey ?? this.#newIdempotencyKey();

    const { signal } = options;
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const timeout = options.timeout ?? this.timeout;
    const deadline = options.deadline ?? this.#deadline;
    const rateLimitBudget = options.rateLimitWait ?? 0;
    // Events are built only for a listener: without one, a request allocates none of them.
    const listening = this.#onEvent !== undefined;
    const emit = (event: ClientEvent) => this.emit(event);
    // A step deadline (Zapier's 30 s): an attempt starts only if its whole timeout fits before it.
    const fits = (ms: number) => deadline === undefined || this.#now() + ms <= deadline;
    const giveUp = (error: ClassifailyError, reason: string, attempt: number): never => {
      emit({ type: 'give_up', method, path, attempt, reason, outcome: outcomeOf(error)!.kind });
      throw error;
    };
    let waitedOnLimits = 0;
    let waited = false;
    for (let attempt = 1, retries = 0; ; attempt++) {
      // Another request of this client was asked to wait: hold off with it (its own wait done).
      const held = this.#holdUntil - this.#now();
      if (held > 0 && !waited && fits(held + timeout)) await this.#sleep(held, signal);
      if (!fits(timeout)) giveUp(outOfTime(), 'deadline', attempt);
      const started = this.#now();
      if (listening) emit({ type: 'request', method, path, attempt });
      let outcome: Attempted<T>;
      try {
        outcome = await this.attempt(call, url, headers, body, timeout, signal);
      } catch (error) {
        if (error instanceof ClassifailyError) outcome = { error };
        else throw error;
      }
      const error = 'error' in outcome ? outcome.error : undefined;
      if (listening && (error?.status !== undefined || !error))
        emit({
          type: 'response',
          method,
          path,
          attempt,
          status: error?.status ?? 200,
          ms: this.#now() - started,
          ...(error?.requestId ? { requestId: error.requestId } : {}),
        });
      if (!error) return (outcome as { value: T }).value;
      // A 404 on a schema's own path is that schema missing, whatever code the API gave.
      if (error instanceof NotFoundError && call.params?.schema_id)
        Object.assign(error, { target: call.params.schema_id, hint: HINTS.schemaNotFound });
      // A 403 in the operation's own words: what this key may not do is what the user asked.
      if (error instanceof PermissionDeniedError && 'denied' in call.endpoint)
        Object.assign(error, { message: call.endpoint.denied });
      if (!error.retryable || signal?.aborted) giveUp(error, 'not retryable', attempt);

      // A rate limit within the request's budget is waited out without counting as a retry
      // (decision 0018): in n8n's queue mode, workers sharing a key meet 429s as a normal state.
      const asked = error.retryAfterMs;
      const limitWait = Math.max(asked ?? 1_000, MIN_RETRY_DELAY_MS);
      const limited =
        error instanceof RateLimitError &&
        limitWait <= MAX_RATE_LIMIT_WAIT_MS &&
        waitedOnLimits + limitWait <= rateLimitBudget;
      const wait = limited
        ? limitWait * (1 + this.#random() * 0.1)
        : this.retryWait(retries, asked);
      // A server that asks for a longer wait than we may spend gets its answer passed on at once,
      // so that the platform (Zapier's throttle, n8n's retry) can schedule the wait instead.
      if (wait === undefined) giveUp(error, 'wait too long', attempt);
      if (!limited && retries >= maxRetries) giveUp(error, 'retries exhausted', attempt);
      // No room for the wait and another attempt: time ran out, which the platform should re-run.
      if (!fits(wait! + timeout)) giveUp(outOfTime(error), 'deadline', attempt);
      if (limited) waitedOnLimits += wait!;
      else retries++;
      const reason = error.code ?? error.name;
      if (asked !== undefined) {
        this.#holdUntil = Math.max(this.#holdUntil, this.#now() + wait!);
        emit({ type: 'throttle', method, path, delayMs: wait! });
      }
      emit({ type: 'retry', method, path, attempt: attempt + 1, reason, delayMs: wait! });
      headers['Classifaily-Retry-Count'] = String(attempt);
      await this.#sleep(wait!, signal);
      signal?.throwIfAborted();
      waited = true;
    }
  }

  private emit(event: ClientEvent): void {
    if (!this.#onEvent) return;
    // The texts an event takes from an answer (its request id, a failure's code) are redacted too.
    const texts = event as { requestId?: string; reason?: string };
    if (texts.requestId !== undefined) texts.requestId = redact(texts.requestId);
    if (texts.reason !== undefined) texts.reason = redact(texts.reason);
    try {
      this.#onEvent(event);
    } catch {
      // A listener's failure is not the request's.
    }
  }

  /** The wait before the next attempt: the server's Retry-After (at least a small minimum) or backoff. */
  private retryWait(retries: number, retryAfterMs: number | undefined): number | undefined {
    if (retryAfterMs === undefined) return backoffDelay(retries, this.#random, this.maxRetryDelay);
    const wait = Math.max(retryAfterMs, MIN_RETRY_DELAY_MS);
    return wait <= this.maxRetryDelay ? wait : undefined;
  }

  /** One attempt: send (following a same-origin redirect), read at most MAX_ANSWER_BYTES, judge. */
  private async attempt<T>(
    call: Call<T>,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<Attempted<T>> {
    // One signal for the attempt, aborted by its timeout, by the caller's signal, or when the reader
    // gives a body up (stalled, too large: the transport lets the connection go instead of keeping
    // it for an answer that will never end). Composed by hand: AbortSignal.any and an uncancelled
    // AbortSignal.timeout cost more than a small request's own work (decisions 0031, 0023): one
    // alarm for both the timeout and the body's silence aborts the controller (0025), and the
    // caller's signal is listened to only when there is one.
    const request = new AbortController();
    const alarm = new AttemptAlarm(timeout, this.#bodyTimeout, request);
    const onCancel = signal && (() => request.abort(signal.reason));
    if (signal?.aborted) onCancel!();
    else signal?.addEventListener('abort', onCancel!, { once: true });
    const failed = (cause: unknown, answer?: FetchLikeResponse): never => {
      if (signal?.aborted) throw signal.reason; // the caller cancelled: not ours to wrap or retry
      const code = (cause as { code?: unknown } | undefined)?.code;
      if (alarm.timedOut || isTimeout(cause) || code === 'body_timeout')
        throw new TimeoutError(
          code === 'body_timeout'
            ? 'Classifaily stopped sending its answer halfway.'
            : `Classifaily did not answer within ${timeout < 1000 ? `${Math.ceil(timeout)} ms` : `${Math.round(timeout / 1000)} seconds`}.`,
          {
            status: answer?.status,
            requestId: answer?.headers.get('x-request-id') ?? undefined,
            code: code === 'body_timeout' ? 'body_timeout' : 'timeout',
            cause: code === 'body_timeout' ? cause : undefined,
            hint: 'This is usually temporary: try again. If it keeps happening, send fewer or shorter texts at once.',
          },
        );
      const requestId = answer?.headers.get('x-request-id') ?? undefined;
      throw new ConnectionError(
        answer
          ? 'The connection to Classifaily broke while the answer was arriving.'
          : `Could not reach Classifaily at ${this.baseUrl}${describeCause(cause)}.`,
        {
          status: answer?.status,
          requestId,
          code: 'connection_error',
          cause,
          hint: answer ? 'This is usually temporary: try again.' : HINTS.unreachable,
        },
      );
    };
    // The request and its answer, in this function (no `send` of its own to await: one hop fewer).
    try {
      // A body given up stops its request first, so that its connection is closed, not pooled.
      const readBody = (chunks: BodyChunks) =>
        readChunks(
          {
            next: () => chunks.next(),
            stop: () => {
              request.abort();
              return chunks.stop();
            },
          },
          { maxBytes: MAX_ANSWER_BYTES, idleMs: this.#bodyTimeout, watch: alarm },
        );

      let response: FetchLikeResponse;
      let target = url;
      const { method } = call.endpoint;
      for (let hops = 0; ; hops++) {
        try {
          response = await this.#fetch(target, {
            method,
            headers: { ...headers },
            body,
            signal: request.signal,
            timeout,
            redirect: 'manual',
            maxResponseBytes: MAX_ANSWER_BYTES,
            readBody,
          });
        } catch (cause) {
          // A transport that reads the whole body before it resolves stops there.
          const refused = refusedBody(cause);
          return refused ? { error: refused } : failed(cause);
        }
        if (response.url !== target) checkAnsweringOrigin(response.url, this.#origin);
        const location = response.headers.get('location');
        const next = redirectTarget(response.status, location, target, method, this.#origin, hops);
        if (next === undefined) break;
        await response.text().catch(() => undefined); // frees the connection for the next request
        target = next;
      }

      const requestId = response.headers.get('x-request-id') ?? undefined;
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        const refused = refusedBody(cause, response.status, requestId);
        return refused ? { error: refused } : failed(cause, response);
      }
      if (text.length > MAX_ANSWER_BYTES / 3 && utf8Length(text) > MAX_ANSWER_BYTES)
        return { error: answerTooLarge(response.status, requestId) };

      if (response.status >= 200 && response.status < 300) {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return { error: malformedAnswer(response.status, requestId, 'could not be read') };
        }
        return call.check(value, call.body)
          ? { value }
          : { error: malformedAnswer(response.status, requestId, 'is not a Classifaily answer') };
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.#now());
      return {
        error: errorFromResponse(response.status, parseProblem(text), requestId, retryAfterMs),
      };
    } finally {
      alarm.cancel();
      if (onCancel) signal!.removeEventListener('abort', onCancel);
    }
  }

  /**
   * The URL of a call and its path (for events). An operation with no path parameters and no query
   * (classify, batch, me) has the same one on every request: worked out once per client.
   */
  private target(call: Call<unknown>): { url: string; path: string } {
    const fixed = call.params === undefined && call.query === undefined;
    if (fixed) {
      const known = this.#targets.get(call.endpoint);
      if (known) return known;
    }
    const url = this.buildUrl(call);
    const found = { url, path: new URL(url).pathname };
    if (fixed) this.#targets.set(call.endpoint, found);
    return found;
  }

  private buildUrl(call: Call<unknown>): string {
    const path = call.endpoint.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
      encodeURIComponent(call.params?.[name] ?? ''),
    );
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}

/**
 * Time ran out: the deadline left no room for an attempt (or, after `cause`, for another one).
 * Nothing is lost: run again, the request is sent anew or answered from the API's store.
 */
function outOfTime(cause?: ClassifailyError): TimeoutError {
  return new TimeoutError(
    cause
      ? `Not finished: the time allowed for this step ran out after "${cause.message}"`
      : 'Not sent: the time allowed for this step ran out first.',
    {
      code: 'deadline_exceeded',
      cause,
      requestId: cause?.requestId,
      hint: 'Nothing was lost: run the step again to send it.',
    },
  );
}

/** A 2xx whose body is not the answer asked for: temporary, like a 5xx (decision 0011); Make's `valid` says the same. */
export function malformedAnswer(
  status?: number,
  requestId?: string,
  what = 'is not a Classifaily answer',
) {
  return new ServerError(`Classifaily sent an answer that ${what}.`, {
    status,
    requestId,
    code: 'malformed_response',
    hint: 'This is temporary: try again in a moment.',
  });
}

/**
 * A body the transport or the client's reader gave up as an answer, not as a broken connection:
 * past the size limit, or one no decoder can read (invalid gzip, issue 21 item 8). Else undefined.
 */
function refusedBody(cause: unknown, status?: number, requestId?: string) {
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === 'answer_too_large') return answerTooLarge(status, requestId);
  if (code === 'undecodable_body')
    return malformedAnswer(status, requestId, 'could not be decoded');
  return undefined;
}

function answerTooLarge(status?: number, requestId?: string) {
  const mb = Math.round(MAX_ANSWER_BYTES / 1_000_000);
  return new ServerError(
    `The answer to this request was larger than any Classifaily answer can be (${mb} MB); it was not read.`,
    {
      status,
      requestId,
      code: 'answer_too_large',
      retryable: false,
      hint: 'Check that the base URL of your connection points at Classifaily itself, not at another server or a proxy page.',
    },
  );
}

function parseProblem(text: string): Partial<Problem> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Partial<Problem>) : undefined;
  } catch {
    return undefined;
  }
}

function isTimeout(cause: unknown): boolean {
  const e = cause as { name?: string; code?: string } | undefined;
  return (
    e?.name === 'TimeoutError' ||
    e?.code === 'ETIMEDOUT' ||
    e?.code === 'ESOCKETTIMEDOUT' ||
    e?.code === 'ECONNABORTED' ||
    e?.code === 'UND_ERR_HEADERS_TIMEOUT'
  );
}

function describeCause(cause: unknown): string {
  const e = cause as { code?: string; cause?: { code?: string } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? ` (${code})` : '';
}
