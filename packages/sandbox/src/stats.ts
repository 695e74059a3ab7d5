// Request counters, so that tests of the adapters can prove how many calls a workflow made
// ("60 items in exactly 3 requests").
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
}

export class Stats {
  private data: SandboxStats = Stats.empty();

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

  classified(count: number): void {
    this.data.itemsClassified += count;
  }

  snapshot(): SandboxStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = Stats.empty();
  }
}
