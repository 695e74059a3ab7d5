// classifyMany: any number of items, chunked into batches of ≤25 sent with bounded concurrency,
// one outcome per item in input order. Nothing is lost: every input item gets exactly one outcome.
import { createBatchQueue, targetError, type SendBatch } from './batch-queue';
import type { ClassifailyError } from './errors';
import type { ClassificationResult } from './types';

export interface ManyItem {
  input: string;
  /** Your own reference; echoed on the outcome. */
  id?: string;
}

export interface ClassifyManyParams {
  items: readonly ManyItem[];
  categories?: string[];
  schema?: string;
  explain?: boolean;
}

export interface ClassifyManyOptions {
  /** Batch requests in flight at once. Default 4. */
  concurrency?: number;
  /** Items per request, 1..25. Default 25. */
  batchSize?: number;
  signal?: AbortSignal;
}

export type ManyOutcome =
  | { index: number; id?: string; ok: true; result: ClassificationResult }
  | { index: number; id?: string; ok: false; error: ClassifailyError };

/** Splits a list into consecutive chunks of at most `size`, keeping order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError('chunk size must be a positive integer');
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export async function classifyMany(
  sendBatch: SendBatch,
  params: ClassifyManyParams,
  options: ClassifyManyOptions = {},
): Promise<ManyOutcome[]> {
  const queue = createBatchQueue(sendBatch, options);
  // A bad target refuses the whole call, before anything is sent.
  const refused = targetError(params);
  if (refused) throw refused;
  const target = { categories: params.categories, schema: params.schema, explain: params.explain };
  const outcomes = Promise.all(params.items.map((item) => queue.add(item, target)));
  void queue.flush();
  return outcomes;
}
