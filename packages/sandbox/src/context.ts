// What every route and hook of one sandbox instance shares.
import type { CompiledSpec } from './spec';
import type { Faults, FaultSpec } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { KeyInfo, KeyRing } from './keys';
import type { RateLimiter } from './rate-limit';
import type { Stats } from './stats';
import type { SchemaStore } from './store';

export interface SandboxContext {
  spec: CompiledSpec;
  keys: KeyRing;
  store: SchemaStore;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  stats: Stats;
  /** Present only in test mode. */
  faults?: Faults;
  latencyMs: number;
  validateResponses: boolean;
  /** Whether /v1 answers a request that names this Host (decision 0114). */
  hostAllowed: (host: string) => boolean;
  /**
   * Answer only what the vendor's getting-started page documents (issue 26): no `GET /v1/me`, no
   * `result.id`, no `scores`; batch and schemas as the contract assumes, without those fields.
   */
  documentedOnly: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    apiKey?: KeyInfo;
    fault?: FaultSpec;
  }
  interface FastifyContextConfig {
    operationId?: string;
  }
}
