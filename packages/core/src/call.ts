// One logical request as the client's resources describe it: the contract's endpoint (taken from
// the catalog, so a path or method the OpenAPI document lacks does not compile), its parameters
// and body, and the check its answer must pass. Apart from client.ts, so that the resources
// (schemas.ts) need no import of the client.
import type { AnswerCheck } from './answers';
import type { ContractEndpoint } from './catalog/types';
import type { paths } from './generated/openapi';

export interface Call<T> {
  endpoint: ContractEndpoint;
  /** Values of the path's `{…}` parameters (percent-encoded into it). */
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** What a 2xx answer must look like (answers.ts). */
  check: AnswerCheck<T>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Reuse a key of your own; by default one is made per logical request. */
  idempotencyKey?: string;
  timeout?: number;
  maxRetries?: number;
  /** When every attempt must be over (ms, in the client's `now()` time); default the client's. */
  deadline?: number;
  /**
   * How long in all this request may wait out rate limits (429 with Retry-After of at most a
   * minute) beyond `maxRetries`, every request of the client holding off together. Default 0.
   */
  rateLimitWait?: number;
}

/** What sends a Call: the client. */
export interface Requester {
  request<T>(call: Call<T>, options?: RequestOptions): Promise<T>;
}

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
/** The 2xx answer the contract defines for an endpoint, from the generated `paths`. */
export type AnswerOf<E extends ContractEndpoint> =
  NonNullable<paths[E['path']][Lowercase<E['method']>]> extends { responses: infer R }
    ? Json<R[Extract<keyof R, 200 | 201>]>
    : never;
