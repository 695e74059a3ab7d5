// The batcher: items in, batches out. Items with equal targets (categories or schema, and explain)
// share batches; a target's batch is handed on as soon as it holds `batchSize` items or would pass
// the API's body limit (decision 0007), and `flush` hands on the partial ones. Per target that is
// exactly ⌈n/batchSize⌉ batches. It sends nothing itself: the pool (pool.ts) does.
import type { ClassifailyError } from './errors';
import { LIMITS } from './generated/limits';
import { utf8Length } from './text';
import type { BatchItem, ClassifyBatchRequest, ClassificationResult } from './types';
import { checkInput, checkItemId, checkTarget, MESSAGES, validationError } from './validation';

export interface ManyItem {
  input: string;
  /** Your own reference; echoed on the outcome. */
  id?: string;
}

export type ManyOutcome =
  | { index: number; id?: string; ok: true; result: ClassificationResult }
  | { index: number; id?: string; ok: false; error: ClassifailyError };

/** What an item is classified against; items with equal targets share batches. */
export interface BatchTarget {
  categories?: string[];
  schema?: string;
  explain?: boolean;
}

/** One queued item until its outcome is known. */
export interface Waiting {
  index: number;
  item: ManyItem;
  /** The item as it goes on the wire. */
  wire: BatchItem;
  /** Its exact bytes there (with the comma before it), counted only when a batch nears the limit. */
  bytes?: number;
  settle(outcome: ManyOutcome | { reject: unknown }): void;
}

export interface Group {
  /** The request body without its items. */
  body: Omit<ClassifyBatchRequest, 'items'>;
  /**
   * Set when the target itself is refused, here (bad categories) or by the API (a deleted schema,
   * 404; a 422): every item of the group not yet sent fails with it, without a request.
   */
  error?: ClassifailyError;
  buffer: Waiting[];
  /** Bytes of the request body with no items; an upper bound of the buffered items' bytes. */
  emptyBytes: number;
  bufferAtMost: number;
}

export interface Batch {
  group: Group;
  part: Waiting[];
}

/** The error a target with bad categories or schema gets, or undefined if it is fine. */
export function targetError(target: BatchTarget) {
  const errors = checkTarget(target.categories, target.schema);
  return errors.length ? validationError(errors) : undefined;
}

/** The failed outcome of a queued item. */
// Outcomes are built whole, with or without `id`, not copied to add it (a copy per item was the
// largest single cost of placing a batch's results).
export const failed = (waiting: Waiting, error: ClassifailyError): ManyOutcome => {
  const { index, item } = waiting;
  return item.id === undefined
    ? { index, ok: false, error }
    : { index, ok: false, error, id: item.id };
};

export const succeeded = (waiting: Waiting, result: ClassificationResult): ManyOutcome => {
  const { index, item } = waiting;
  return item.id === undefined
    ? { index, ok: true, result }
    : { index, ok: true, result, id: item.id };
};

export function createBatcher(batchSize: number, dispatch: (batch: Batch) => void) {
  const groups = new Map<string, Group>();
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
      const error = targetError(target);
      const emptyBytes = utf8Length(JSON.stringify({ items: [], ...body }));
      group = { body, error, buffer: [], emptyBytes, bufferAtMost: 0 };
      groups.set(key, group);
    }
    lastTarget = target;
    return (lastGroup = group);
  };
  const cut = (group: Group) => {
    const part = group.buffer;
    group.buffer = [];
    group.bufferAtMost = 0;
    dispatch({ group, part });
  };

  return {
    /** Buffers an item, or fails it at once for its own input or its target. */
    add(waiting: Waiting, target: BatchTarget): void {
      const group = groupOf(target);
      if (group.error) return waiting.settle(failed(waiting, group.error));
      const problem = checkInput(waiting.item?.input) ?? checkItemId(waiting.item?.id);
      if (problem) return waiting.settle(failed(waiting, validationError([problem], problem.code)));
      // Sizes are counted exactly only when an upper bound says the batch may not fit: short
      // texts never are.
      const atMost = atMostBytes(waiting.wire);
      if (group.emptyBytes + group.bufferAtMost + atMost > LIMITS.requestBodyMaxBytes) {
        const alone = group.emptyBytes + exactBytes(waiting);
        if (alone > LIMITS.requestBodyMaxBytes) {
          const error = {
            field: 'input',
            code: 'item_too_large',
            message: MESSAGES.itemTooLarge(alone),
          };
          return waiting.settle(failed(waiting, validationError([error], error.code)));
        }
        const buffered = group.buffer.reduce((sum, w) => sum + exactBytes(w), 0);
        if (alone + buffered > LIMITS.requestBodyMaxBytes) cut(group);
      }
      group.buffer.push(waiting);
      group.bufferAtMost += atMost;
      if (group.buffer.length === batchSize) cut(group);
    },
    /** Hands on every partial batch. */
    flush(): void {
      for (const group of groups.values()) if (group.buffer.length) cut(group);
    },
  };
}

/** An upper bound of an item's bytes on the wire: every UTF-16 unit at its longest JSON spelling. */
function atMostBytes(wire: BatchItem): number {
  return 6 * (wire.input.length + (wire.id?.length ?? 0)) + 32;
}

function exactBytes(waiting: Waiting): number {
  return (waiting.bytes ??= utf8Length(JSON.stringify(waiting.wire)) + 1);
}
