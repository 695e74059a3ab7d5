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

export function createBatchQueue(send: SendBatch, options: BatchQueueOptions = {}): BatchQueue {
  checkOptions(options, QUEUE_OPTIONS);
  const pool = createPool(send, options);
  const batcher = createBatcher(options.batchSize ?? LIMITS.batchMaxItems, (batch) =>
    pool.run(batch),
  );
  let added = 0;
  let unsettled = 0;
  let drained: Array<() => void> = [];
  const settled = () => {
    if (--unsettled > 0) return;
    const callbacks = drained;
    drained = [];
    for (const callback of callbacks) callback();
  };

  return {
    add(item, target) {
      const index = added++;
      unsettled++;
      return new Promise<ManyOutcome>((resolve, reject) => {
        const wire: BatchItem =
          item?.id === undefined ? { input: item?.input } : { input: item.input, id: item.id };
        const waiting: Waiting = {
          index,
          item,
          wire,
          settle(outcome) {
            if ('reject' in outcome) reject(outcome.reject);
            else {
              // Any failed item, sent or refused here, stops the work when asked to.
              if (!outcome.ok && options.stopOnFirstFailure && outcome.error.code !== 'not_sent')
                pool.stop();
              resolve(outcome);
            }
            settled();
          },
        };
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
}
