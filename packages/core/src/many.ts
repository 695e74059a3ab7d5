// classifyMany: any number of items, in batches of ≤25 items and ≤ the body limit, bounded concurrency,
// one outcome per item in input order. Nothing is lost: every input item gets exactly one outcome.
import { createBatchQueue, targetError, type SendBatch } from './batch-queue';
import type { ClassifailyError } from './errors';
import type { ClassificationResult, ClassifyBatchRequest } from './types';

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
  /** Items per request, 1..25. Default 25; a batch is cut earlier when its body would pass the API's limit. */
  batchSize?: number;
  signal?: AbortSignal;
  /**
   * Makes each batch's Idempotency-Key from its body (`stableIdempotencyKeys`), for a platform that
   * runs the same work again. Default: the client's own, a random key per batch.
   */
  idempotencyKeys?: (body: ClassifyBatchRequest) => Promise<string>;
}

export type ManyOutcome =
  | { index: number; id?: string; ok: true; result: ClassificationResult }
  | { index: number; id?: string; ok: false; error: ClassifailyError };

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
