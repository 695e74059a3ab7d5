// Request counters, so that tests of the adapters can prove how many calls a workflow made
// ("60 items in exactly 3 requests").
export interface SandboxStats {
  total: number;
  /** By method and path as sent, such as `POST /v1/classify/batch`. */
  byPath: Record<string, number>;
  /** By the spec's operationId, such as `classifyBatch`. */
  byOperation: Record<string, number>;
  byStatus: Record<string, number>;
  /** Items classified (1 per classify, one per successful batch item). */
  itemsClassified: number;
}

export class Stats {
  private data: SandboxStats = Stats.empty();

  static empty(): SandboxStats {
    return { total: 0, byPath: {}, byOperation: {}, byStatus: {}, itemsClassified: 0 };
  }

  record(method: string, path: string, operationId: string | undefined, status: number): void {
    const d = this.data;
    d.total += 1;
    const key = `${method} ${path}`;
    d.byPath[key] = (d.byPath[key] ?? 0) + 1;
    if (operationId) d.byOperation[operationId] = (d.byOperation[operationId] ?? 0) + 1;
    d.byStatus[status] = (d.byStatus[status] ?? 0) + 1;
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
