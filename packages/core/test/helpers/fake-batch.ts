// A batch endpoint in memory for classifyMany and the batch queue: labels each text with itself,
// fails the texts it is told to fail, answers after a number of event-loop turns, and records every
// request and the most requests it ever had in flight at once.
import type { BatchClassification, ClassifyBatchRequest } from '../../src';

export interface FakeBatchOptions {
  /** Texts answered with a per-item `input_too_long` error. */
  failInputs?: ReadonlySet<string>;
  /** Event-loop turns before each answer (called once per request). Default 0. */
  delays?: () => number;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export function fakeBatch({ failInputs = new Set(), delays = () => 0 }: FakeBatchOptions = {}) {
  const calls: ClassifyBatchRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const send = async (body: ClassifyBatchRequest): Promise<BatchClassification> => {
    calls.push(body);
    peak = Math.max(peak, ++inFlight);
    for (let i = delays(); i > 0; i--) await tick();
    inFlight--;
    const results = body.items.map((item, index) =>
      failInputs.has(item.input)
        ? {
            index,
            id: item.id,
            status: 'failed' as const,
            error: { code: 'input_too_long', title: 'x', detail: 'too long' },
          }
        : {
            index,
            id: item.id,
            status: 'completed' as const,
            result: { id: `cls_${index}`, label: item.input, confidence: 0.9 },
          },
    );
    const failed = results.filter((r) => r.status === 'failed').length;
    return {
      id: 'b',
      status: 'completed',
      type: 'batch',
      results,
      summary: { total: results.length, succeeded: results.length - failed, failed },
    };
  };
  return { calls, send, peak: () => peak };
}
