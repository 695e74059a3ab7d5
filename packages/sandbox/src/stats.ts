// Request counters, so that tests of the adapters can prove how many calls a workflow made
// ("60 items in exactly 3 requests") and that nothing was billed twice.
import { createHash } from 'node:crypto';

export interface IdempotencyStats {
  /** POSTs with an Idempotency-Key handled for the first time (applied, billed). */
  applied: number;
  /** Repeats answered with the stored first response (not applied again, not billed). */
  replayed: number;
  /** Repeats refused with 409 while the first was still running. */
  inUse: number;
  /** A key sent again with a different body (422). */
  reused: number;
}

export interface SandboxStats {
  total: number;
  /** By path as sent (no query), such as `/v1/classify/batch`. */
  byPath: Record<string, number>;
  /** By method and path, such as `POST /v1/schemas`. */
  byRoute: Record<string, number>;
  /** By the spec's operationId, such as `classifyBatch`. */
  byOperation: Record<string, number>;
  byStatus: Record<string, number>;
  /** Items classified (1 per classify, one per successful batch item). */
  itemsClassified: number;
  /**
   * Items classified again: the same text against the same categories or schema, under the same
   * API key, already classified since the last reset (the last 100,000 remembered). What a client
   * that re-sent work under a new Idempotency-Key would have paid twice for.
   */
  itemsClassifiedAgain: number;
  idempotency: IdempotencyStats;
}

/** How many classified items are remembered to tell a repeat (oldest forgotten first). */
const REMEMBERED_ITEMS = 100_000;

export class Stats {
  private data: SandboxStats = Stats.empty();
  private readonly seen = new Set<string>();

  static empty(): SandboxStats {
    // Paths are the caller's strings: counters without a prototype to collide with.
    const counter = () => Object.create(null) as Record<string, number>;
    return {
      total: 0,
      byPath: counter(),
      byRoute: counter(),
      byOperation: counter(),
      byStatus: counter(),
      itemsClassified: 0,
      itemsClassifiedAgain: 0,
      idempotency: { applied: 0, replayed: 0, inUse: 0, reused: 0 },
    };
  }

  /** Counted on arrival, so that a client that has its answer always finds its request counted. */
  request(method: string, path: string, operationId: string | undefined): void {
    const d = this.data;
    d.total += 1;
    d.byPath[path] = (d.byPath[path] ?? 0) + 1;
    const route = `${method} ${path}`;
    d.byRoute[route] = (d.byRoute[route] ?? 0) + 1;
    if (operationId) d.byOperation[operationId] = (d.byOperation[operationId] ?? 0) + 1;
  }

  /** Counted when the response is sent (a reset connection has no status). */
  status(status: number): void {
    this.data.byStatus[status] = (this.data.byStatus[status] ?? 0) + 1;
  }

  /** One classified item; `scope` is the API key, `target` what it was classified against. */
  classified(scope: string, target: unknown, input: string): void {
    this.data.itemsClassified += 1;
    const identity = createHash('sha256')
      .update(JSON.stringify([scope, target, input]))
      .digest('base64');
    if (this.seen.has(identity)) {
      this.data.itemsClassifiedAgain += 1;
      return;
    }
    if (this.seen.size >= REMEMBERED_ITEMS)
      this.seen.delete(this.seen.values().next().value as string);
    this.seen.add(identity);
  }

  /** What became of a POST with an Idempotency-Key. */
  idempotency(outcome: keyof IdempotencyStats): void {
    this.data.idempotency[outcome] += 1;
  }

  snapshot(): SandboxStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = Stats.empty();
    this.seen.clear();
  }
}
