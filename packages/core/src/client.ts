import { normalizeApiKey } from './api-key';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from './base-url';
import {
  ClassifailyError,
  ConnectionError,
  ServerError,
  TimeoutError,
  errorFromResponse,
  redact,
} from './errors';
import { LIMITS } from './generated/limits';
import { backoffDelay, MAX_BACKOFF_MS, parseRetryAfter } from './retry';
import {
  classifyMany,
  type ClassifyManyOptions,
  type ClassifyManyParams,
  type ManyOutcome,
} from './many';
import { defaultSleep } from '#default-sleep';
import type { FetchLike, FetchLikeResponse, Sleep } from './transport';
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
import { VERSION } from './version';

/** Per-attempt timeout of a request, in ms (the Make app's base uses the same). */
export const DEFAULT_TIMEOUT_MS = 30_000;

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
  /** Per-attempt timeout in ms. Default 30 s. */
  timeout?: number;
  /** Longest single wait between attempts in ms, `Retry-After` included. Default 8 s. */
  maxRetryDelay?: number;
  fetch?: FetchLike;
  /** Default: a Node timer (keeps the process alive while it waits). n8n passes its own. */
  sleep?: Sleep;
  random?: () => number;
  now?: () => number;
  newIdempotencyKey?: () => string;
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

interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

export class ClassifailyClient {
  readonly baseUrl: string;
  readonly maxRetries: number;
  readonly timeout: number;
  readonly maxRetryDelay: number;
  readonly schemas: SchemasResource;
  // Private by `#` so that the key is not an enumerable property: it never shows in a dump of the client.
  readonly #apiKey: string | undefined;
  readonly #fetch: FetchLike;
  readonly #sleep: Sleep;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #newIdempotencyKey: () => string;
  readonly #userAgent: string;

  constructor(options: ClientOptions) {
    this.#apiKey = options.auth === 'transport' ? undefined : normalizeApiKey(options.apiKey);
    this.baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    this.maxRetries = options.maxRetries ?? 2;
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
    this.maxRetryDelay = options.maxRetryDelay ?? MAX_BACKOFF_MS;
    this.#fetch = options.fetch ?? ((url, init) => fetch(url, init));
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
    this.#userAgent = [`classifaily-core/${VERSION}`, options.userAgent].filter(Boolean).join(' ');
    this.schemas = new SchemasResource(this);
  }

  /** Classifies one text. */
  async classify(body: ClassifyRequest, options?: RequestOptions): Promise<Classification> {
    validateClassify(body);
    return this.request<Classification>({ method: 'POST', path: '/v1/classify', body }, options);
  }

  /** Classifies 1 to 25 texts in one request; each item gets a result or its own error. */
  async classifyBatch(
    body: ClassifyBatchRequest,
    options?: RequestOptions,
  ): Promise<BatchClassification> {
    validateBatchShape(body);
    return this.request<BatchClassification>(
      { method: 'POST', path: '/v1/classify/batch', body },
      options,
    );
  }

  /**
   * Classifies any number of texts: chunks of ≤25, a bounded number of requests at once, one outcome
   * per item in input order. An item with bad input fails alone, before anything is sent.
   */
  async classifyMany(
    params: ClassifyManyParams,
    options?: ClassifyManyOptions,
  ): Promise<ManyOutcome[]> {
    return classifyMany(
      (body, requestOptions) => this.classifyBatch(body, requestOptions),
      params,
      options,
    );
  }

  /** Who the key belongs to: the credential test and the connection label of every platform. */
  me(options?: RequestOptions): Promise<Me> {
    return this.request<Me>({ method: 'GET', path: '/v1/me' }, options);
  }

  /** Sends one logical request, retrying what is safe to retry with the same idempotency key. */
  async request<T>(call: Call, options: RequestOptions = {}): Promise<T> {
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
      headers['Idempotency-Key'] = options.idempotencyKey ?? this.#newIdempotencyKey();

    const maxRetries = options.maxRetries ?? this.maxRetries;
    const timeout = options.timeout ?? this.timeout;
    for (let retries = 0; ; retries++) {
      let outcome: { value: T } | { error: ClassifailyError; retryAfterMs?: number };
      try {
        const response = await this.send(url, call.method, headers, body, timeout, options.signal);
        outcome = await this.readResponse<T>(response);
      } catch (error) {
        if (error instanceof ClassifailyError) outcome = { error };
        else throw error;
      }
      if ('value' in outcome) return outcome.value;

      const { error } = outcome;
      if (!error.retryable || retries >= maxRetries || options.signal?.aborted) throw error;
      const wait = this.retryWait(retries, outcome.retryAfterMs);
      // A server that asks for a longer wait than we may spend gets its answer passed on at once,
      // so that the platform (Zapier's throttle, n8n's retry) can schedule the wait instead.
      if (wait === undefined) throw error;
      headers['Classifaily-Retry-Count'] = String(retries + 1);
      await this.#sleep(wait, options.signal);
      options.signal?.throwIfAborted();
    }
  }

  private retryWait(retries: number, retryAfterMs: number | undefined): number | undefined {
    if (retryAfterMs !== undefined)
      return retryAfterMs <= this.maxRetryDelay ? retryAfterMs : undefined;
    return backoffDelay(retries, this.#random, this.maxRetryDelay);
  }

  private async send(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeout: number,
    signal: AbortSignal | undefined,
  ): Promise<FetchLikeResponse> {
    const timeoutSignal = AbortSignal.timeout(timeout);
    const combined = signal ? AbortSignal.any([signal, timeoutSignal]) : timeoutSignal;
    try {
      return await this.#fetch(url, {
        method,
        headers: { ...headers },
        body,
        signal: combined,
        timeout,
      });
    } catch (cause) {
      if (signal?.aborted) throw cause; // the caller cancelled: not ours to wrap or retry
      if (timeoutSignal.aborted || isTimeout(cause)) {
        throw new TimeoutError(
          `Classifaily did not answer within ${Math.round(timeout / 1000)} seconds.`,
          {
            code: 'timeout',
            hint: 'This is usually temporary: try again. If it keeps happening, send fewer or shorter texts at once.',
          },
        );
      }
      throw new ConnectionError(
        `Could not reach Classifaily at ${this.baseUrl}${describeCause(cause)}.`,
        {
          code: 'connection_error',
          cause: redactedCause(cause),
          hint: 'Check the base URL in the connection and your network, then try again.',
        },
      );
    }
  }

  private async readResponse<T>(
    response: FetchLikeResponse,
  ): Promise<{ value: T } | { error: ClassifailyError; retryAfterMs?: number }> {
    const requestId = response.headers.get('x-request-id') ?? undefined;
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      return {
        error: new ConnectionError(
          'The connection to Classifaily broke while the answer was arriving.',
          {
            status: response.status,
            requestId,
            code: 'connection_error',
            cause: redactedCause(cause),
            hint: 'This is usually temporary: try again.',
          },
        ),
      };
    }
    if (response.status >= 200 && response.status < 300) {
      try {
        return { value: JSON.parse(text) as T };
      } catch {
        return {
          error: new ServerError('Classifaily sent an answer that could not be read.', {
            status: response.status,
            requestId,
            code: 'malformed_response',
            hint: 'This is temporary: try again in a moment.',
          }),
        };
      }
    }
    const problem = parseProblem(text);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.#now());
    return {
      error: errorFromResponse(response.status, problem, requestId, retryAfterMs),
      retryAfterMs,
    };
  }

  private buildUrl(call: Call): string {
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
    return this.#client.request<SchemaList>({ method: 'GET', path: '/v1/schemas', query }, options);
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
    return this.#client.request<Schema>({ method: 'GET', path: `/v1/schemas/${id}` }, options);
  }

  async create(body: CreateSchemaRequest, options?: RequestOptions): Promise<Schema> {
    validateCreateSchema(body);
    return this.#client.request<Schema>({ method: 'POST', path: '/v1/schemas', body }, options);
  }

  async delete(id: string, options?: RequestOptions): Promise<DeletedSchema> {
    validateSchemaId(id);
    return this.#client.request<DeletedSchema>(
      { method: 'DELETE', path: `/v1/schemas/${id}` },
      options,
    );
  }
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

function redactedCause(cause: unknown): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new Error(redact(message));
}
