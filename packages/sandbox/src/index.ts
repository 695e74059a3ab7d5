// @classifaily/sandbox: a local Classifaily-compatible API server.
//
//   const sandbox = await startSandbox({ faults: true });
//   // sandbox.url, sandbox.apiKey ... then
//   await sandbox.close();
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from './context';
import { Faults, faultProblem, type FaultSpec } from './faults';
import { hostAllowList } from './host-names';
import { IdempotencyStore } from './idempotency';
import {
  DEFAULT_READ_ONLY_KEY,
  DEFAULT_REVOKED_KEY,
  DEFAULT_TEST_KEY,
  KeyRing,
  defaultKeys,
  type ApiKeyConfig,
} from './keys';
import { RateLimiter } from './rate-limit';
import { buildApp, resetState, type Timeouts } from './server';
import { closeWithin, DEFAULT_SHUTDOWN_GRACE_MS } from './shutdown';
import { compileSpec, type CompiledSpec } from './spec';
import { Stats, type SandboxStats } from './stats';
import { SchemaStore } from './store';

export interface SandboxOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Host names /v1 answers besides the loopback names and `host` (a name users reach it by on a
   * network). Any other Host gets 403: a DNS-rebound web page cannot use the test key.
   */
  allowedHosts?: string[];
  /** A SQLite file for schemas; in memory when absent. */
  db?: string;
  /** Test mode: fault injection and the /__sandbox control endpoints. Default false. */
  faults?: boolean;
  /** Seed of the generator behind `fraction` faults. */
  faultSeed?: number;
  /**
   * Every /v1 request is answered this many ms after it arrived, the sandbox's own work done within
   * that time, as a real API's response time (benchmarks, timeouts). Default 0.
   */
  latencyMs?: number;
  /** Requests per key per window. Default 600. */
  rateLimit?: number;
  /** Default 60 000 ms. */
  rateLimitWindowMs?: number;
  /** Keys accepted; default: the sandbox test key, a revoked key and a read-only key. */
  keys?: ApiKeyConfig[];
  /**
   * Answer only what the vendor's getting-started page documents: `GET /v1/me` is 404, results
   * carry no `id` and no `scores`, the default keys are `cai_live_` ones. Default false.
   */
  documentedOnly?: boolean;
  /** Check every response against the spec (a mismatch becomes a 500). Default true. */
  validateResponses?: boolean;
  /** Fastify request logs (never the Authorization header). Default false. */
  logger?: boolean;
  /** How long a client may take to send a request; see the README. */
  timeouts?: Timeouts;
  /** How long an idempotent answer is kept for a replay. Default 24 h. */
  idempotencyTtlMs?: number;
  /** At most this many bytes of kept idempotent answers, oldest dropped first. Default 32 MiB. */
  idempotencyMaxBytes?: number;
  /** An idempotent answer is kept at least this long, over the caps if need be. Default 10 min. */
  idempotencyFloorMs?: number;
  /** Past this, a new Idempotency-Key is refused (503) rather than an answer within the floor forgotten. Default 256 MiB. */
  idempotencyHardMaxBytes?: number;
  /** The clock of rate-limit windows and idempotency windows (tests). Default Date.now. */
  now?: () => number;
  /**
   * On close, how long answers in flight may take before their connections are cut (idle
   * connections are closed at once). Default 5,000 ms.
   */
  shutdownGraceMs?: number;
}

export interface Sandbox {
  url: string;
  port: number;
  /** A working test key. */
  apiKey: string;
  /** A key that answers 401 `revoked_api_key`. */
  revokedKey: string;
  /** A key that may read but answers 403 `permission_denied` on writes. */
  readOnlyKey: string;
  app: FastifyInstance;
  stats(): SandboxStats;
  /** Requests holding an Idempotency-Key whose first attempt is still running. */
  idempotencyInFlight(): number;
  /** Replaces the active faults (test mode only). */
  setFaults(faults: FaultSpec | FaultSpec[]): void;
  clearFaults(): void;
  /** Forgets counters, faults, rate-limit windows, idempotency keys; schemas with `{ schemas: true }`. */
  reset(options?: { schemas?: boolean }): void;
  close(): Promise<void>;
}

let compiled: CompiledSpec | undefined;

export function createContext(options: SandboxOptions = {}): SandboxContext {
  compiled ??= compileSpec();
  const store = new SchemaStore(options.db);
  return {
    spec: compiled,
    keys: new KeyRing(options.keys ?? defaultKeys(options.documentedOnly)),
    store,
    limiter: new RateLimiter(
      options.rateLimit ?? 600,
      options.rateLimitWindowMs ?? 60_000,
      options.now,
    ),
    idempotency: new IdempotencyStore({
      ttlMs: options.idempotencyTtlMs,
      maxBytes: options.idempotencyMaxBytes,
      floorMs: options.idempotencyFloorMs,
      hardMaxBytes: options.idempotencyHardMaxBytes,
      db: options.db ? store.db : undefined,
      now: options.now,
    }),
    stats: new Stats(),
    faults: options.faults ? new Faults(options.faultSeed) : undefined,
    latencyMs: options.latencyMs ?? 0,
    validateResponses: options.validateResponses ?? true,
    hostAllowed: hostAllowList(options.host ?? '127.0.0.1', options.allowedHosts),
    documentedOnly: options.documentedOnly ?? false,
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const ctx = createContext(options);
  const app = buildApp(ctx, { logger: options.logger, timeouts: options.timeouts });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    ctx.idempotency.close();
    ctx.store.close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  const keys = options.keys ?? defaultKeys(options.documentedOnly);
  const usable = keys.find((k) => !k.revoked && !k.readOnly);
  const needFaults = () => {
    if (!ctx.faults)
      throw new Error('fault injection is off: start the sandbox with { faults: true }');
    return ctx.faults;
  };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    apiKey: usable?.key ?? DEFAULT_TEST_KEY,
    revokedKey: keys.find((k) => k.revoked)?.key ?? DEFAULT_REVOKED_KEY,
    readOnlyKey: keys.find((k) => k.readOnly)?.key ?? DEFAULT_READ_ONLY_KEY,
    app,
    stats: () => ctx.stats.snapshot(),
    idempotencyInFlight: () => ctx.idempotency.running(),
    setFaults(faults) {
      const list = Array.isArray(faults) ? faults : [faults];
      for (const f of list) {
        const problem = faultProblem(f);
        if (problem) throw new Error(`invalid fault: ${problem}`);
      }
      needFaults().set(list);
    },
    clearFaults: () => needFaults().clear(),
    reset: (opts) => resetState(ctx, opts),
    async close() {
      await closeWithin(app, options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS);
      ctx.idempotency.close();
      ctx.store.close();
    },
  };
}

export { classify, type CategorySpec, type Prediction } from './classifier/classifier';
export {
  DEFAULT_TEST_KEY,
  DEFAULT_REVOKED_KEY,
  DEFAULT_READ_ONLY_KEY,
  type ApiKeyConfig,
} from './keys';
export type { FaultSpec, FaultKind } from './faults';
export type { SandboxStats } from './stats';
export { compileSpec, loadSpec, specPath, type CompiledSpec } from './spec';
export type { Timeouts } from './server';
