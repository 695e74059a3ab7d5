// createBatchQueue: classifyMany for items that arrive one at a time (n8n resolving expressions),
// a batcher (batcher.ts: count and bytes) in front of a pool (pool.ts: concurrency, a deadline,
// stop on the first failure, rate limits waited out, cancellation). Each item is added with its
// target; `flush()` sends the partial batches. Adapters configure it; they never wrap it.
import {
  createBatcher,
  type BatchTarget,
  type ManyItem,
  type ManyOutcome,
  type Waiting,
} from './batcher';
import { LIMITS } from './generated/limits';
import { checkOptions, QUEUE_OPTIONS } from './options';
import { createPool, type PoolOptions, type SendBatch } from './pool';
import type { BatchItem } from './types';

export type { BatchTarget, ManyItem, ManyOutcome } from './batcher';
export type { SendBatch } from './pool';

export interface BatchQueueOptions extends PoolOptions {
  /** Items per request, 1..25. Default 25; a batch is cut earlier when its body would pass the API's limit. */
  batchSize?: number;
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
  /**
   * Sends nothing more, as after a failed item with `stopOnFirstFailure`: items not yet sent fail
   * with `not_sent` once `flush()` is called; batches in flight keep their answers. For a caller
   * that finds a bad item before adding it (n8n reading items while earlier batches are in flight).
   */
  stop(): void;
  /**
   * Resolves once fewer than `concurrency` full batches wait for a free slot — at once when so. A
   * caller that makes items one at a time awaits it after each `add`: it makes the next round's
   * items while batches are in flight, and stops there instead of running further ahead and
   * holding up the answers and sends that need the event loop (n8n evaluating expressions).
   */
  room(): Promise<void>;
  /**
   * How many batches have been answered so far (failed ones too): each freed a slot and sent the
   * next waiting batch. A caller that makes items one at a time on the event loop lets it turn
   * when this grows, so that the other answers of the round, and the sends they start, go before
   * its next items (decision 0255).
   */
  answered(): number;
}

/** Where a queued item's outcome goes: `add`'s promise, or `addAll`'s list. */
type Done = (waiting: Queued, outcome: ManyOutcome | { reject: unknown }) => void;

/**
 * One queued item. Its `settle` is a method, not a closure per item: `addAll` queues thousands at
 * once, and each closure (with the promise `add` makes) was most of an item's allocations.
 */
class Queued implements Waiting {
  bytes?: number;
  resolve?: (outcome: ManyOutcome) => void;
  reject?: (reason: unknown) => void;
  constructor(
    readonly index: number,
    readonly item: ManyItem,
    readonly wire: BatchItem,
    private readonly done: Done,
    private readonly queue: {
      settling(outcome: ManyOutcome | { reject: unknown }): void;
      settled(): void;
    },
  ) {}

  settle(outcome: ManyOutcome | { reject: unknown }): void {
    this.queue.settling(outcome);
    this.done(this, outcome);
    this.queue.settled();
  }
}

/** `add`'s end of an item: its promise. */
const toPromise: Done = (waiting, outcome) => {
  if ('reject' in outcome) waiting.reject!(outcome.reject);
  else waiting.resolve!(outcome);
};

/** Every item at once, for `classifyMany` (`addAll`); the queue of each `createBatchQueue`. */
const enqueuers = new WeakMap<
  BatchQueue,
  {
    added(): number;
    add(item: ManyItem, target: BatchTarget, done: Done): void;
    /** True when `addAll` must wait: never with `stopOnFirstFailure` (see addAll). */
    full(): boolean;
  }
>();

export function createBatchQueue(send: SendBatch, options: BatchQueueOptions = {}): BatchQueue {
  checkOptions(options, QUEUE_OPTIONS);
  const pool = createPool(send, options);
  const batcher = createBatcher(options.batchSize ?? LIMITS.batchMaxItems, (batch) =>
    pool.run(batch),
  );
  let added = 0;
  let unsettled = 0;
  let drained: Array<() => void> = [];
  const counts = {
    settling(outcome: ManyOutcome | { reject: unknown }) {
      // Any failed item, sent or refused here, stops the work when asked to.
      if (
        !('reject' in outcome) &&
        !outcome.ok &&
        options.stopOnFirstFailure &&
        outcome.error.code !== 'not_sent'
      )
        pool.stop();
    },
    settled() {
      if (--unsettled > 0) return;
      const callbacks = drained;
      drained = [];
      for (const callback of callbacks) callback();
    },
  };
  const enqueue = (item: ManyItem, done: Done): Queued => {
    unsettled++;
    const wire: BatchItem =
      item?.id === undefined ? { input: item?.input } : { input: item.input, id: item.id };
    return new Queued(added++, item, wire, done, counts);
  };

  const queue: BatchQueue = {
    add(item, target) {
      const waiting = enqueue(item, toPromise);
      return new Promise<ManyOutcome>((resolve, reject) => {
        waiting.resolve = resolve;
        waiting.reject = reject;
        batcher.add(waiting, target);
      });
    },
    flush() {
      batcher.flush();
      return unsettled === 0 ? Promise.resolve() : new Promise((resolve) => drained.push(resolve));
    },
    stop() {
      pool.stop();
    },
    room() {
      return pool.room();
    },
    answered() {
      return pool.answered();
    },
  };
  enqueuers.set(queue, {
    added: () => added,
    add: (item, target, done) => batcher.add(enqueue(item, done), target),
    // With stopOnFirstFailure every item is checked before any answer: a bad item anywhere in
    // the list stops every batch not yet sent, as when all items were added at once.
    full: options.stopOnFirstFailure ? () => false : pool.full,
  });
  return queue;
}

/**
 * Queues every item with one target and sends the partial batches: resolves with every outcome in
 * the order given (as `Promise.all` over `add` would, rejecting with the first rejection), without
 * a promise per item. Items are checked and cut into batches only while fewer than `concurrency`
 * batches wait for a slot (decision 0024): the first requests go out without waiting for the
 * whole list to be checked, and a slot that frees sends a batch already made, the next one being
 * made while the slots wait for their answers. With `stopOnFirstFailure` every item is added at
 * once, so that a bad item anywhere stops what was not yet sent.
 */
export function addAll(
  queue: BatchQueue,
  items: readonly ManyItem[],
  target: BatchTarget,
): Promise<ManyOutcome[]> {
  const enqueuer = enqueuers.get(queue)!;
  const outcomes = new Array<ManyOutcome>(items.length);
  return new Promise((resolve, reject) => {
    let left = items.length;
    let rejected = false;
    // Positions, not the queue's indexes: a queue may have had items before these.
    const first = enqueuer.added();
    const done: Done = (waiting, outcome) => {
      if ('reject' in outcome) {
        if (!rejected) reject(outcome.reject);
        rejected = true;
        return;
      }
      outcomes[waiting.index - first] = outcome;
      if (--left === 0 && !rejected) resolve(outcomes);
    };
    if (left === 0) return resolve(outcomes);
    let next = 0;
    const feed = () => {
      while (next < items.length) {
        enqueuer.add(items[next++]!, target, done);
        if (enqueuer.full()) return void queue.room().then(feed);
      }
      void queue.flush();
    };
    feed();
  });
}
