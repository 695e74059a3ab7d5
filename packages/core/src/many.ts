// classifyMany: any number of items through one batch queue, one outcome per item in input order.
// Nothing is lost: every input item gets exactly one outcome.
import { targetError, type ManyItem, type ManyOutcome } from './batcher';
import { addAll, type BatchQueue, type BatchQueueOptions } from './queue';

export interface ClassifyManyParams {
  items: readonly ManyItem[];
  categories?: string[];
  schema?: string;
  explain?: boolean;
}

/** The queue's options: batch size, concurrency, signal, a deadline, idempotency keys… */
export type ClassifyManyOptions = BatchQueueOptions;

export async function classifyMany(
  queue: BatchQueue,
  params: ClassifyManyParams,
): Promise<ManyOutcome[]> {
  // A bad target refuses the whole call, before anything is sent.
  const refused = targetError(params);
  if (refused) throw refused;
  const target = { categories: params.categories, schema: params.schema, explain: params.explain };
  return addAll(queue, params.items, target);
}
