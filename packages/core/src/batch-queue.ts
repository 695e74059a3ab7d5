// createBatchQueue: classifyMany for items that arrive one at a time. Each item is added with its
// target (categories or schema, and explain); a target's batch goes out as soon as it holds
// `batchSize` items, through one pool of at most `concurrency` requests shared by every target, so
// a caller that prepares items slowly (n8n resolving expressions) overlaps that work with requests.
// `flush()` sends the partial batches. Per target that is exactly ⌈n/batchSize⌉ requests. A batch
// that fails as a whole fails its own items, its target's or everything (errorReach, decision 0004).
import {
  AuthenticationError,
  ClassifailyError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from './errors';
import { LIMITS } from './generated/limits';
import { checkOptions, QUEUE_OPTIONS } from './options';
import { utf8Length } from './text';
import type { BatchClassification, BatchItem, ClassifyBatchRequest } from './types';
import {
  checkInput,
  checkItemId,
  checkTarget,
  MESSAGES,
  validationError,
  VALIDATION_HINT,
} from './validation';
import type { ManyItem, ManyOutcome } from './many';

/** What an item is classified against; items with equal targets share batches. */
export interface BatchTarget {
  categories?: string[];
  schema?: string;
  explain?: boolean;
}

export interface BatchQueueOptions {
  /** Batch requests in flight at once, over all targets. Default 4. */
  concurrency?: number;
  /** Items per request, 1..25. Default 25; a batch is cut earlier when its body would pass the API's limit. */
  batchSize?: number;
  signal?: AbortSignal;
}

export interface BatchQueue {
  /**
   * Queues one item; resolves with its outcome once its batch is answered (`index` = the order of
   * `add` calls). Bad input or a bad target fails the item at once, without a request. Rejects only
   * for what is not a Classifaily error (the caller cancelled, a bug).
   */
  add(item: ManyItem, target: BatchTarget): Promise<ManyOutcome>;
  /** Sends every partial batch; resolves when every item has its outcome. Call it after the last `add`. */
  flush(): Promise<void>;
}

export type SendBatch = (
  body: ClassifyBatchRequest,
  options: { signal?: AbortSignal },
) => Promise<BatchClassification>;

interface Waiting {
  index: number;
  item: ManyItem;
  /** The item as it goes on the wire. */
  wire: BatchItem;
  /** Its exact bytes there (with the comma before it), counted only when a batch nears the limit. */
  bytes?: number;
  resolve: (outcome: ManyOutcome) => void;
  reject: (error: unknown) => void;
}

interface Group {
  /** The request body without its items. */
  body: Omit<ClassifyBatchRequest, 'items'>;
  /**
   * Set when the target itself is refused, here (bad categories) or by the API (a deleted schema,
   * 404; a 422): every item of the group not yet answered fails with it, without a request.
   */
  error?: ClassifailyError;
  buffer: Waiting[];
  /** Bytes of the request body with no items; an upper bound of the buffered items' bytes. */
  emptyBytes: number;
  bufferAtMost: number;
}

type Batch = { group: Group; part: Waiting[] };

/** The error a target with bad categories or schema gets, or undefined if it is fine. */
export function targetError(target: BatchTarget): ValidationError | undefined {
  const errors = checkTarget(target.categories, target.schema);
  return errors.length ? validationError(errors) : undefined;
}

export function createBatchQueue(send: SendBatch, options: BatchQueueOptions = {}): BatchQueue {
  checkOptions(options, QUEUE_OPTIONS);
  const batchSize = options.batchSize ?? LIMITS.batchMaxItems;
  const concurrency = options.concurrency ?? 4;
  const { signal } = options;
  const groups = new Map<string, Group>();
  const ready: Batch[] = [];
  let running = 0;
  let added = 0;
  let unsettled = 0;
  let drained: Array<() => void> = [];
  // The first error that would fail every request the same way (a revoked key): nothing more is sent.
  let fatal: ClassifailyError | undefined;

  const settle = (waiting: Waiting, outcome: ManyOutcome | { reject: unknown }) => {
    if ('reject' in outcome) waiting.reject(outcome.reject);
    else waiting.resolve(outcome);
    if (--unsettled === 0) {
      const callbacks = drained;
      drained = [];
      for (const callback of callbacks) callback();
    }
  };
  const fail = (waiting: Waiting, error: ClassifailyError) =>
    settle(waiting, withId({ index: waiting.index, ok: false as const, error }, waiting.item.id));

  const pump = () => {
    while (ready.length && (fatal || signal?.aborted || running < concurrency)) {
      const batch = ready.shift()!;
      const refused = fatal ?? batch.group.error;
      if (refused) for (const waiting of batch.part) fail(waiting, refused);
      else if (signal?.aborted)
        for (const waiting of batch.part) settle(waiting, { reject: signal.reason });
      else void run(batch);
    }
  };

  const run = async ({ group, part }: Batch) => {
    running++;
    try {
      const response = await send({ items: part.map((w) => w.wire), ...group.body }, { signal });
      // The client checked the answer: one entry per item, in order (answers.ts).
      part.forEach((waiting, position) => {
        const entry = response.results[position];
        if (entry?.result && entry.status === 'completed') {
          settle(
            waiting,
            withId(
              { index: waiting.index, ok: true as const, result: entry.result },
              waiting.item.id,
            ),
          );
          return;
        }
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
        fail(waiting, error);
      });
    } catch (error) {
      if (error instanceof ClassifailyError) {
        const reach = errorReach(error);
        if (reach === 'everything') fatal ??= error;
        if (reach === 'target' && !group.error) {
          group.error = error;
          for (const waiting of group.buffer.splice(0)) fail(waiting, error);
        }
        for (const waiting of part) fail(waiting, error);
      } else {
        for (const waiting of part) settle(waiting, { reject: error });
      }
    } finally {
      running--;
      pump();
    }
  };

  // The same target object is looked up once (classifyMany passes one for every item); a target is
  // read when it is first added, so callers must not change it afterwards.
  let lastTarget: BatchTarget | undefined;
  let lastGroup: Group | undefined;
  const groupOf = (target: BatchTarget): Group => {
    if (target === lastTarget) return lastGroup!;
    const explain = target.explain === true;
    const key = JSON.stringify([target.schema ?? null, target.categories ?? null, explain]);
    let group = groups.get(key);
    if (!group) {
      const body = {
        ...(target.schema ? { schema: target.schema } : { categories: target.categories }),
        ...(explain ? { explain: true } : {}),
      };
      group = {
        body,
        error: targetError(target),
        buffer: [],
        emptyBytes: utf8Length(JSON.stringify({ items: [], ...body })),
        bufferAtMost: 0,
      };
      groups.set(key, group);
    }
    lastTarget = target;
    return (lastGroup = group);
  };

  const dispatch = (group: Group) => {
    ready.push({ group, part: group.buffer });
    group.buffer = [];
    group.bufferAtMost = 0;
  };

  return {
    add(item, target) {
      const index = added++;
      unsettled++;
      return new Promise<ManyOutcome>((resolve, reject) => {
        const wire: BatchItem =
          item?.id === undefined ? { input: item?.input } : { input: item.input, id: item.id };
        const waiting: Waiting = { index, item, wire, resolve, reject };
        const group = groupOf(target);
        if (group.error) return fail(waiting, group.error);
        const problem = checkInput(item?.input) ?? checkItemId(item?.id);
        if (problem) return fail(waiting, validationError([problem], problem.code));
        // Batches are cut by the API's body limit as well as by count (decision 0007). Sizes are
        // counted exactly only when an upper bound says the batch may not fit: short texts never.
        const atMost = atMostBytes(wire);
        if (group.emptyBytes + group.bufferAtMost + atMost > LIMITS.requestBodyMaxBytes) {
          const alone = group.emptyBytes + exactBytes(waiting);
          if (alone > LIMITS.requestBodyMaxBytes) {
            const error = {
              field: 'input',
              code: 'item_too_large',
              message: MESSAGES.itemTooLarge(alone),
            };
            return fail(waiting, validationError([error], error.code));
          }
          const buffered = group.buffer.reduce((sum, w) => sum + exactBytes(w), 0);
          if (alone + buffered > LIMITS.requestBodyMaxBytes) {
            dispatch(group);
            pump();
          }
        }
        group.buffer.push(waiting);
        group.bufferAtMost += atMost;
        if (group.buffer.length === batchSize) {
          dispatch(group);
          pump();
        }
      });
    },
    flush() {
      for (const group of groups.values()) if (group.buffer.length) dispatch(group);
      pump();
      return unsettled === 0 ? Promise.resolve() : new Promise((resolve) => drained.push(resolve));
    },
  };
}

/**
 * How far an error that failed a whole batch reaches (decision 0004). A key that is refused (401)
 * or may not classify (403) would fail every request the same way: nothing more is sent. A deleted
 * schema (404) or a target the API refuses (422) fails the items of that target only. Anything else
 * (a 5xx after its retries, a timeout, a 413) fails that batch alone.
 */
export function errorReach(error: ClassifailyError): 'everything' | 'target' | 'batch' {
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError)
    return 'everything';
  if (error instanceof NotFoundError || (error instanceof ValidationError && error.status === 422))
    return 'target';
  return 'batch';
}

/** An upper bound of an item's bytes on the wire: every UTF-16 unit at its longest JSON spelling. */
function atMostBytes(wire: BatchItem): number {
  return 6 * (wire.input.length + (wire.id?.length ?? 0)) + 32;
}

function exactBytes(waiting: Waiting): number {
  return (waiting.bytes ??= utf8Length(JSON.stringify(waiting.wire)) + 1);
}

function withId<T extends { index: number }>(
  outcome: T,
  id: string | undefined,
): T & { id?: string } {
  return id === undefined ? outcome : { ...outcome, id };
}
