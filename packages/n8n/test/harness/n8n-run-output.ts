// What `n8n execute --rawOutput` printed, as run data per node and output.

export interface ItemJson {
  [key: string]: unknown;
}

interface NodeRun {
  /** Items per output: `outputs[0]` is the first (main) output. */
  outputs: Array<Array<{ json: ItemJson; pairedItem?: unknown }>>;
  /** The node's error as n8n recorded it: its class and, for a NodeApiError, the HTTP code. */
  error?: { message: string; description?: string; name?: string; httpCode?: string };
  executionTimeMs?: number;
}

export interface ExecutionResult {
  /** n8n finished the workflow without a workflow-level error. */
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  runData: Record<string, NodeRun[]>;
  error?: { message: string; description?: string; node?: string };
  lastNodeExecuted?: string;
  stdout: string;
  stderr: string;
}

/** The last pretty-printed top-level JSON object in n8n's stdout that looks like an execution. */
export function lastExecutionJson(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split('\n');
  for (let start = lines.length - 1; start >= 0; start--) {
    if (lines[start] !== '{') continue;
    const end = lines.indexOf('}', start);
    if (end < 0) continue;
    try {
      const value = JSON.parse(lines.slice(start, end + 1).join('\n')) as Record<string, unknown>;
      if (value && typeof value === 'object' && 'data' in value) return value;
    } catch {
      // Not a complete object (e.g. a nested line that is exactly "{"): keep looking further up.
    }
  }
  return undefined;
}

type RawRun = {
  data?: {
    main?: Array<Array<{ json: ItemJson; pairedItem?: unknown }> | null>;
  };
  error?: { message: string; description?: string; name?: string; httpCode?: string };
  executionTime?: number;
};

export function toResult(
  raw: Record<string, unknown>,
): Omit<ExecutionResult, 'exitCode' | 'wallMs' | 'stdout' | 'stderr'> {
  const resultData = ((raw.data as Record<string, unknown>)?.resultData ?? {}) as {
    runData?: Record<string, RawRun[]>;
    error?: { message: string; description?: string; node?: { name?: string } };
    lastNodeExecuted?: string;
  };
  const runData: Record<string, NodeRun[]> = {};
  for (const [nodeName, runs] of Object.entries(resultData.runData ?? {})) {
    runData[nodeName] = runs.map((r) => ({
      outputs: (r.data?.main ?? []).map((items) => items ?? []),
      error: r.error
        ? {
            message: r.error.message,
            description: r.error.description,
            name: r.error.name,
            httpCode: r.error.httpCode,
          }
        : undefined,
      executionTimeMs: r.executionTime,
    }));
  }
  const error = resultData.error
    ? {
        message: resultData.error.message,
        description: resultData.error.description,
        node: resultData.error.node?.name,
      }
    : undefined;
  return { ok: !error, runData, error, lastNodeExecuted: resultData.lastNodeExecuted };
}

/** The JSON of the items a node put on one output (first run by default). */
export function outputJson(
  result: ExecutionResult,
  nodeName: string,
  output = 0,
  runIndex = 0,
): ItemJson[] {
  const runs = result.runData[nodeName];
  if (!runs) {
    throw new Error(
      `node "${nodeName}" did not run; ran: ${Object.keys(result.runData).join(', ') || 'nothing'}${result.error ? `; workflow error: ${result.error.message}` : ''}`,
    );
  }
  return (runs[runIndex]?.outputs[output] ?? []).map((item) => item.json);
}
