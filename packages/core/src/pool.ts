// The pool: sends the batcher's batches, at most `concurrency` at once over every target, and
// gives each item exactly one outcome. A batch that fails as a whole fails its own items, its
// target's or everything (`errorReach`, decision 0004); with `stopOnFirstFailure` nothing more is
// sent after the first failed item (n8n without "continue on fail", decision 0208); a cancelled
// signal sends nothing more. A batch's results are placed by their `index` (issue 21, item 7).
import { isResult } from './answers';
import type { RequestOptions } from './call';
import {
  AuthenticationError,
  CancelledError,
  ClassifailyError,
  NotFoundError,
  PermissionDeniedError,
  ServerError,
  ValidationError,
} from './errors';
import { failed, succeeded, type Batch, type Waiting } from './batcher';
import type { BatchClassification, BatchItemResult, ClassifyBatchRequest } from './types';
import { VALIDATION_HINT } from './validation';

export type SendBatch = (
  body: ClassifyBatchRequest,
  options: RequestOptions,
) => Promise<BatchClassification>;

export interface PoolOptions {
  /** Batch requests in flight at once, over all targets. Default 4. */
  concurrency?: number;
  /** Cancels the work: nothing more is sent; unsent items reject with the signal's reason. */
  signal?: AbortSignal;
  /** After the first failed item, send nothing more: unsent items fail with `not_sent`. */
  stopOnFirstFailure?: boolean;
  /** When every request must be over (the client's `now()` time): Zapier's step budget. */
  deadline?: number;
  /** How long each batch may wait out rate limits beyond its retries (ms; the client's option). */
  rateLimitWait?: number;
  /** Each batch's Idempotency-Key from its body, asked as the batch goes out (replay-keys.ts). */
  idempotencyKeys?: (body: ClassifyBatchRequest) => Promise<string | undefined>;
}

/** Not sent, because an earlier item failed and the work stops at the first failure. */
const notSent = () =>
  new CancelledError(
    'Not sent: an earlier item failed, and this step stops at the first failure.',
    {
      code: 'not_sent',
      hint: 'Fix the item that failed first, then run the step again.',
    },
  );

export function createPool(send: SendBatch, options: PoolOptions = {}) {
  const { signal, deadline, rateLimitWait, idempotencyKeys } = options;
  const concurrency = options.concurrency ?? 4;
  const ready: Batch[] = [];
  let running = 0;
  let answered = 0;
  let stopped = false;
  // The first error that would fail every request the same way (a revoked key): nothing more is sent.
  let fatal: ClassifailyError | undefined;
  // Callers of `room()` waiting for fewer than `concurrency` batches to wait for a slot.
  let waitingForRoom: Array<() => void> = [];

  const pump = () => {
    while (ready.length && (fatal || stopped || signal?.aborted || running < concurrency)) {
      const { group, part } = ready.shift()!;
      const refused = fatal ?? group.error ?? (stopped ? notSent() : undefined);
      if (refused) for (const waiting of part) waiting.settle(failed(waiting, refused));
      else if (signal?.aborted)
        for (const waiting of part) waiting.settle({ reject: signal.reason });
      else void run({ group, part });
    }
    if (waitingForRoom.length && ready.length < concurrency) {
      const waiters = waitingForRoom;
      waitingForRoom = [];
      for (const resolve of waiters) resolve();
    }
  };

  const run = async ({ group, part }: Batch) => {
    running++;
    try {
      const body = { items: part.map((w) => w.wire), ...group.body };
      const idempotencyKey = idempotencyKeys ? await idempotencyKeys(body) : undefined;
      const request: RequestOptions = { signal, deadline, rateLimitWait };
      if (idempotencyKey !== undefined) request.idempotencyKey = idempotencyKey;
      place(part, await send(body, request));
    } catch (error) {
      if (!(error instanceof ClassifailyError)) {
        for (const waiting of part) waiting.settle({ reject: error });
        return;
      }
      const reach = errorReach(error);
      if (reach === 'everything') fatal ??= error;
      if (reach === 'target' && !group.error) {
        group.error = error;
        for (const waiting of group.buffer.splice(0)) waiting.settle(failed(waiting, error));
        group.bufferAtMost = 0;
      }
      for (const waiting of part) waiting.settle(failed(waiting, error));
    } finally {
      running--;
      answered++;
      pump();
    }
  };

  return {
    run(batch: Batch) {
      ready.push(batch);
      pump();
    },
    /**
     * Resolves once fewer than `concurrency` batches wait for a slot (at once when so). While that
     * many wait, every slot is busy, so an answer always frees one and this resolves.
     */
    room(): Promise<void> {
      if (ready.length < concurrency) return Promise.resolve();
      return new Promise((resolve) => waitingForRoom.push(resolve));
    },
    /** True while `concurrency` batches or more wait for a slot (`room()` would wait). */
    full: () => ready.length >= concurrency,
    /** Batches answered so far, failed ones included: each freed its slot. */
    answered: () => answered,
    /** Sends nothing more; batches not yet sent fail with `not_sent`. */
    stop() {
      stopped = true;
    },
  };
}

/**
 * Each item's entry, found by its `index` (the position when an entry carries none). An entry that
 * cannot be placed — no index, out of range, a second one for the same item — or that is neither a
 * result nor an item error fails its item alone, as a bad answer: the others keep their results.
 */
function place(part: readonly Waiting[], response: BatchClassification): void {
  const { results } = response;
  // The usual answer has one entry per item, in order: read by position, with no map.
  let inOrder = results.length === part.length;
  for (let position = 0; inOrder && position < results.length; position++)
    inOrder = ((results[position] as { index?: unknown } | null)?.index ?? position) === position;
  const entries = inOrder ? undefined : new Map<number, BatchItemResult | undefined>();
  if (entries)
    results.forEach((entry, position) => {
      const index = (entry as { index?: unknown } | null)?.index ?? position;
      if (typeof index !== 'number') return;
      entries.set(index, entries.has(index) ? undefined : entry);
    });
  part.forEach((waiting, index) => {
    const entry = entries ? entries.get(index) : results[index];
    if (entry?.status === 'completed' && isResult(entry.result))
      return waiting.settle(succeeded(waiting, entry.result!));
    const wire = entry?.status === 'failed' ? entry.error : undefined;
    if (!wire || typeof wire !== 'object')
      return waiting.settle(
        failed(
          waiting,
          new ServerError('Classifaily sent no usable result for this item.', {
            code: 'malformed_response',
            requestId: response.id,
            hint: 'This is temporary: try again in a moment.',
          }),
        ),
      );
    const error = new ValidationError(wire.detail ?? 'Classifaily could not classify this item.', {
      code: wire.code ?? 'item_failed',
      requestId: response.id,
      fieldErrors: [{ field: wire.field ?? 'input', code: wire.code, message: wire.detail }],
      hint: VALIDATION_HINT,
    });
    waiting.settle(failed(waiting, error));
  });
}

/**
 * How far an error that failed a whole batch reaches (decision 0004). A key that is refused (401)
 * or may not classify (403) would fail every request the same way: nothing more is sent. A deleted
 * schema (404) or a target the API refuses (422) fails the items of that target only. Anything else
 * (a 5xx after its retries, a timeout, a 400 or 413) fails that batch alone.
 */
function errorReach(error: ClassifailyError): 'everything' | 'target' | 'batch' {
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError)
    return 'everything';
  if (error instanceof NotFoundError || (error instanceof ValidationError && error.status === 422))
    return 'target';
  return 'batch';
}
