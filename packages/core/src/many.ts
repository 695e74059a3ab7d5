// classifyMany: any number of items, chunked into batches of ≤25 sent with bounded concurrency,
// one outcome per item in input order. Nothing is lost: every input item gets exactly one outcome.
import {
  AuthenticationError,
  ClassifailyError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from './errors';
import { LIMITS } from './generated/limits';
import type { BatchClassification, ClassificationResult, ClassifyBatchRequest } from './types';
import { checkInput, checkTarget, VALIDATION_HINT } from './validation';

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

type SendBatch = (
  body: ClassifyBatchRequest,
  options: { signal?: AbortSignal },
) => Promise<BatchClassification>;

/** Splits a list into consecutive chunks of at most `size`, keeping order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError('chunk size must be a positive integer');
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs `task` over `inputs` with at most `limit` running at once; resolves when all have settled. */
export async function forEachLimited<T>(
  inputs: readonly T[],
  limit: number,
  task: (input: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) await task(inputs[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), inputs.length) }, worker));
}

/** Errors that would fail every other request the same way: stop sending, fail what is left. */
function failsEveryRequest(error: ClassifailyError): boolean {
  return (
    error instanceof AuthenticationError ||
    error instanceof PermissionDeniedError ||
    error instanceof NotFoundError ||
    (error instanceof ValidationError && error.status !== undefined)
  );
}

export async function classifyMany(
  sendBatch: SendBatch,
  params: ClassifyManyParams,
  options: ClassifyManyOptions = {},
): Promise<ManyOutcome[]> {
  const batchSize = options.batchSize ?? LIMITS.batchMaxItems;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > LIMITS.batchMaxItems)
    throw new RangeError(`batchSize must be between 1 and ${LIMITS.batchMaxItems}`);
  const targetErrors = checkTarget(params.categories, params.schema);
  if (targetErrors.length) {
    throw new ValidationError(targetErrors.map((e) => e.message).join(' '), {
      code: 'validation_failed',
      fieldErrors: targetErrors,
      hint: VALIDATION_HINT,
    });
  }

  const outcomes: ManyOutcome[] = new Array(params.items.length);
  const sendable: { index: number; item: ManyItem }[] = [];
  params.items.forEach((item, index) => {
    const problem = checkInput(item?.input);
    if (problem) {
      const error = new ValidationError(problem.message, {
        code: problem.code,
        fieldErrors: [problem],
        hint: VALIDATION_HINT,
      });
      outcomes[index] = withId({ index, ok: false, error }, item?.id);
    } else {
      sendable.push({ index, item });
    }
  });

  let fatal: ClassifailyError | undefined;
  await forEachLimited(chunk(sendable, batchSize), options.concurrency ?? 4, async (part) => {
    const failAll = (error: ClassifailyError) => {
      for (const { index, item } of part)
        outcomes[index] = withId({ index, ok: false, error }, item.id);
    };
    if (fatal) return failAll(fatal);
    try {
      const response = await sendBatch(
        {
          items: part.map(({ item }) =>
            item.id === undefined ? { input: item.input } : { input: item.input, id: item.id },
          ),
          ...(params.schema ? { schema: params.schema } : { categories: params.categories }),
          ...(params.explain ? { explain: true } : {}),
        },
        { signal: options.signal },
      );
      part.forEach(({ index, item }, position) => {
        const entry =
          response.results.find((r) => r.index === position) ?? response.results[position];
        if (entry?.result && entry.status === 'completed') {
          outcomes[index] = withId({ index, ok: true, result: entry.result }, item.id);
        } else {
          const wire = entry?.error;
          const error = new ValidationError(
            wire?.detail ?? 'Classifaily could not classify this item.',
            {
              code: wire?.code ?? 'item_failed',
              requestId: response.id,
              fieldErrors: wire
                ? [{ field: wire.field ?? 'input', code: wire.code, message: wire.detail }]
                : [],
              hint: VALIDATION_HINT,
            },
          );
          outcomes[index] = withId({ index, ok: false, error }, item.id);
        }
      });
    } catch (error) {
      if (!(error instanceof ClassifailyError)) throw error;
      if (failsEveryRequest(error)) fatal ??= error;
      failAll(error);
    }
  });
  return outcomes;
}

function withId<T extends { index: number }>(
  outcome: T,
  id: string | undefined,
): T & { id?: string } {
  return id === undefined ? outcome : { ...outcome, id };
}
