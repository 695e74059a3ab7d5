import { defaultSleep } from '#default-sleep';
import {
  isBatchClassification,
  isClassification,
  isDeletedSchema,
  isMe,
  isSchema,
  isSchemaList,
  type AnswerCheck,
} from './answers';
import { MAX_ANSWER_BYTES } from './answer-size';
import { normalizeApiKey } from './api-key';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from './base-url';
import {
  ClassifailyError,
  ConnectionError,
  ServerError,
  TimeoutError,
  errorFromResponse,
} from './errors';
import { LIMITS } from './generated/limits';
import {
  classifyMany,
  type ClassifyManyOptions,
  type ClassifyManyParams,
  type ManyOutcome,
} from './many';
import {
  checkIdempotencyKey,
  checkOptions,
  CLIENT_OPTIONS,
  MANY_OPTIONS,
  MAX_TIMER_MS,
  REQUEST_OPTIONS,
} from './options';
import { checkAnsweringOrigin, redirectTarget } from './redirects';
import { backoffDelay, MAX_BACKOFF_MS, MIN_RETRY_DELAY_MS, parseRetryAfter } from './retry';
import { utf8Length } from './text';
import { defaultFetch, type FetchLike, type FetchLikeResponse, type Sleep } from './transport';
import type {
  BatchClassification,
  Classification,
  ClassifyBatchRequest,
  ClassifyRequest,
  CreateSchemaRequest,
  DeletedSchema,
  ListSchemasQuery,
  Me,
  Problem,
  Schema,
  SchemaList,
} from './types';
import {
  validateBatchShape,
  validateClassify,
  validateCreateSchema,
  validateSchemaId,
} from './validation';
import { VERSION } from './generated/version';

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
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Reuse a key of your own; by default one is made per logical request. */
  idempotencyKey?: string;
  timeout?: number;
  maxRetries?: number;
}

interface Call<T> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** What a 2xx answer must look like (answers.ts). */
  check: AnswerCheck<T>;
}

type Outcome<T> = { value: T } | { error: ClassifailyError };

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
  readonly #userAgent: string;

  constructor(options: ClientOptions) {
    checkOptions(options, CLIENT_OPTIONS);
    this.#apiKey = options.auth === 'transport' ? undefined : normalizeApiKey(options.apiKey);
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    this.#origin = new URL(this.baseUrl).origin;
    this.maxRetries = options.maxRetries ?? 2;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetryDelay = options.maxRetryDelay ?? MAX_BACKOFF_MS;
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
    this.#newIdempotencyKey = options.newIdempotencyKey ?? (() => crypto.randomUUID());
    this.#deadline = options.deadline;
    this.#userAgent = [`classifaily-core/${VERSION}`, options.userAgent].filter(Boolean).join(' ');
    this.schemas = new SchemasResource(this);
  }

  /** Classifies one text. */
  async classify(body: ClassifyRequest, options?: RequestOptions): Promise<Classification> {
    validateClassify(body);
    return this.request(
      { method: 'POST', path: '/v1/classify', body, check: isClassification },
      options,
    );
  }

  /** Classifies 1 to 25 texts in one request; each item gets a result or its own error. */
  async classifyBatch(
    body: ClassifyBatchRequest,
    options?: RequestOptions,
  ): Promise<BatchClassification> {
    validateBatchShape(body);
    return this.request(
      { method: 'POST', path: '/v1/classify/batch', body, check: isBatchClassification },
      options,
    );
  }

  /**
   * Classifies any number of texts: batches of ≤25 items and ≤ the API's body size, a bounded
   * number of requests at once, one outcome per item in input order. An item with bad input fails
   * alone, before anything is sent.
   */
  async classifyMany(
    params: ClassifyManyParams,
    options?: ClassifyManyOptions,
  ): Promise<ManyOutcome[]> {
    checkOptions(options, MANY_OPTIONS);
    const keyFor = options?.idempotencyKeys;
    return classifyMany(
      keyFor
        ? // The key is asked for as each batch goes out, so equal batches are counted in order.
          async (body, requestOptions) =>
            this.classifyBatch(body, { ...requestOptions, idempotencyKey: await keyFor(body) })
        : (body, requestOptions) => this.classifyBatch(body, requestOptions),
      params,
      options,
    );
  }

  /** Who the key belongs to: the credential test and the connection label of every platform. */
  me(options?: RequestOptions): Promise<Me> {
    return this.request({ method: 'GET', path: '/v1/me', check: isMe }, options);
  }

  /** Sends one logical request, retrying what is safe to retry with the same idempotency key. */
  async request<T>(call: Call<T>, options: RequestOptions = {}): Promise<T> {
    checkOptions(options, REQUEST_OPTIONS);
    const url = this.buildUrl(call);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...(this.#apiKey === undefined ? {} : { Authorization: `Bearer ${this.#apiKey}` }),
      'User-Agent': this.#userAgent,
    };
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['Content-Type'] = 'application/json';
    }
    if (call.method === 'POST')
      headers['Idempotency-Key'] =
        options.idempotencyKey ??
        checkIdempotencyKey(this.#newIdempotencyKey(), 'newIdempotencyKey');

    const maxRetries = options.maxRetries ?? this.maxRetries;
    const timeout = options.timeout ?? this.timeout;
    // A step deadline (Zapier's 30 s): an attempt starts only if its whole timeout fits before it.
    const fits = (ms: number) => this.#deadline === undefined || this.#now() + ms <= this.#deadline;
    if (!fits(timeout)) throw outOfTime();
    for (let retries = 0; ; retries++) {
      let outcome: Outcome<T>;
      try {
        outcome = await this.attempt(call, url, headers, body, timeout, options);
      } catch (error) {
        if (error instanceof ClassifailyError) outcome = { error };
        else throw error;
      }
      if ('value' in outcome) return outcome.value;

      const { error } = outcome;
      if (!error.retryable || retries >= maxRetries || options.signal?.aborted) throw error;
      const wait = this.retryWait(retries, error.retryAfterMs);
      // A server that asks for a longer wait than we may spend gets its answer passed on at once,
      // so that the platform (Zapier's throttle, n8n's retry) can schedule the wait instead; so
      // does a wait that would leave the deadline no time for another attempt.
      if (wait === undefined || !fits(wait + timeout)) throw error;
      headers['Classifaily-Retry-Count'] = String(retries + 1);
      await this.#sleep(wait, options.signal);
      options.signal?.throwIfAborted();
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
    { signal }: RequestOptions,
  ): Promise<Outcome<T>> {
    const timeoutSignal = AbortSignal.timeout(Math.min(Math.ceil(timeout), MAX_TIMER_MS));
    const combined = signal ? AbortSignal.any([signal, timeoutSignal]) : timeoutSignal;
    const failed = (cause: unknown, answer?: FetchLikeResponse): never => {
      if (signal?.aborted) throw signal.reason; // the caller cancelled: not ours to wrap or retry
      if (timeoutSignal.aborted || isTimeout(cause))
        throw new TimeoutError(
          `Classifaily did not answer within ${timeout < 1000 ? `${Math.ceil(timeout)} ms` : `${Math.round(timeout / 1000)} seconds`}.`,
          {
            code: 'timeout',
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
          hint: answer
            ? 'This is usually temporary: try again.'
            : 'Check the base URL in the connection and your network, then try again.',
        },
      );
    };

    let response: FetchLikeResponse;
    let target = url;
    for (let hops = 0; ; hops++) {
      try {
        response = await this.#fetch(target, {
          method: call.method,
          headers: { ...headers },
          body,
          signal: combined,
          timeout,
          redirect: 'manual',
          maxResponseBytes: MAX_ANSWER_BYTES,
        });
      } catch (cause) {
        // A transport that reads the whole body before it resolves (Zapier's z.request) stops there.
        if ((cause as { code?: unknown } | undefined)?.code === 'answer_too_large')
          return { error: answerTooLarge() };
        return failed(cause);
      }
      if (response.url !== target) checkAnsweringOrigin(response.url, this.#origin);
      const location = response.headers.get('location');
      const next = redirectTarget(
        response.status,
        location,
        target,
        call.method,
        this.#origin,
        hops,
      );
      if (next === undefined) break;
      await response.text().catch(() => undefined); // frees the connection for the next request
      target = next;
    }

    const requestId = response.headers.get('x-request-id') ?? undefined;
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      if ((cause as { code?: unknown } | undefined)?.code === 'answer_too_large')
        return { error: answerTooLarge(response.status, requestId) };
      return failed(cause, response);
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
  }

  private buildUrl(call: Call<unknown>): string {
    const url = new URL(this.baseUrl + call.path);
    for (const [key, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }
}

class SchemasResource {
  readonly #client: ClassifailyClient;
  constructor(client: ClassifailyClient) {
    this.#client = client;
  }

  /** One page, newest first. */
  list(query: ListSchemasQuery = {}, options?: RequestOptions): Promise<SchemaList> {
    return this.#client.request(
      { method: 'GET', path: '/v1/schemas', query, check: isSchemaList },
      options,
    );
  }

  /** Every schema (or the first `max`), following the pagination. */
  async listAll(
    query: { name?: string; max?: number } = {},
    options?: RequestOptions,
  ): Promise<Schema[]> {
    const max = query.max ?? Infinity;
    const all: Schema[] = [];
    let cursor: string | undefined;
    do {
      const limit = Math.min(LIMITS.schemaListMaxLimit, Math.max(1, max - all.length));
      const page = await this.list({ limit, cursor, name: query.name }, options);
      all.push(...page.data);
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
    } while (cursor && all.length < max);
    return all.slice(0, max);
  }

  async get(id: string, options?: RequestOptions): Promise<Schema> {
    validateSchemaId(id);
    return this.#client.request(
      { method: 'GET', path: `/v1/schemas/${id}`, check: isSchema },
      options,
    );
  }

  async create(body: CreateSchemaRequest, options?: RequestOptions): Promise<Schema> {
    validateCreateSchema(body);
    return this.#client.request(
      { method: 'POST', path: '/v1/schemas', body, check: isSchema },
      options,
    );
  }

  async delete(id: string, options?: RequestOptions): Promise<DeletedSchema> {
    validateSchemaId(id);
    return this.#client.request(
      { method: 'DELETE', path: `/v1/schemas/${id}`, check: isDeletedSchema },
      options,
    );
  }
}

/** The request was never sent: the deadline left less than one attempt's timeout. */
function outOfTime(): TimeoutError {
  return new TimeoutError('Not sent: the time allowed for this step ran out first.', {
    code: 'deadline_exceeded',
    hint: 'Nothing was lost: run the step again to send it.',
  });
}

/** A 2xx whose body is not the answer asked for: temporary, like a 5xx (decision 0011). */
function malformedAnswer(status: number, requestId: string | undefined, what: string) {
  return new ServerError(`Classifaily sent an answer that ${what}.`, {
    status,
    requestId,
    code: 'malformed_response',
    hint: 'This is temporary: try again in a moment.',
  });
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
