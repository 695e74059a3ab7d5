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
