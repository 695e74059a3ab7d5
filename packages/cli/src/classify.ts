// The texts still without an answer go through core's classifyMany, one round at a time: a round is
// as many texts as core sends at once (4 requests of 25), so a round costs no more time than the
// pipeline would, and between rounds the answers can be kept and the progress shown. The rounds
// are cut the same way on every run of the same file, so a resumed run sends the same batches
// with the same keys (replay.ts) and the API bills none of them twice.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  LIMITS,
  RateLimitError,
  type ClassifailyClient,
  type ClassifailyError,
} from '@classifaily/core';
import type { Answer } from './progress-file';
import { replayKeys } from './replay';

/** Requests in flight at once: core's default. */
const CONCURRENCY = 4;
/** Texts per round: one request per slot. */
const ROUND_SIZE = LIMITS.batchMaxItems * CONCURRENCY;
/**
 * A round the API still throttles after core's own retries is sent again after the wait it asks
 * for (at most a minute, a second when it does not say), this many times in a row: a long
 * evaluation slows down to the key's rate limit instead of failing (decision 0602).
 */
const THROTTLED_ROUND_WAITS = 5;
const MAX_THROTTLE_WAIT_MS = 60_000;

interface Target {
  categories?: string[];
  schema?: string;
  explain: boolean;
}

export interface Failure {
  /** The text's position in the file's rows. */
  index: number;
  error: ClassifailyError;
}

interface ClassifyOptions {
  /** Called after each round, with how many texts have their answer. */
  onRound?: (done: number) => void;
  /** Called before waiting out a rate limit, with the wait in ms. */
  onThrottle?: (waitMs: number) => void;
  signal?: AbortSignal;
}

/**
 * Fills `answers` (null: not yet classified) for every text, round by round. Stops after the first
 * round in which a text failed (a broken key or an API that is down would fail every later round
 * the same way) and returns that round's failures; the answers received stay in `answers`.
 */
export async function classifyPending(
  client: ClassifailyClient,
  texts: readonly string[],
  target: Target,
  answers: Array<Answer | null>,
  { onRound, onThrottle, signal }: ClassifyOptions = {},
): Promise<Failure[]> {
  const keys = replayKeys();
  const pending = texts.flatMap((_, index) => (answers[index] === null ? [index] : []));
  let done = texts.length - pending.length;
  for (let start = 0; start < pending.length; start += ROUND_SIZE) {
    let round = pending.slice(start, start + ROUND_SIZE);
    let failures: Failure[] = [];
    keys.nextRound();
    for (let waits = 0; ; waits++) {
      const outcomes = await client.classifyMany(
        {
          items: round.map((index) => ({ input: texts[index]! })),
          ...(target.schema ? { schema: target.schema } : { categories: target.categories }),
          explain: target.explain,
        },
        { concurrency: CONCURRENCY, idempotencyKeys: keys.keyFor, signal },
      );
      failures = [];
      outcomes.forEach((outcome, position) => {
        const index = round[position]!;
        if (!outcome.ok) return void failures.push({ index, error: outcome.error });
        const { label, confidence, explanation } = outcome.result;
        answers[index] =
          explanation === undefined ? { label, confidence } : { label, confidence, explanation };
        done += 1;
      });
      const throttled =
        failures.length > 0 && failures.every(({ error }) => error instanceof RateLimitError);
      if (!throttled || waits === THROTTLED_ROUND_WAITS) break;
      const asked = Math.max(...failures.map(({ error }) => error.retryAfterMs ?? 1000));
      const wait = Math.min(asked, MAX_THROTTLE_WAIT_MS);
      onThrottle?.(wait);
      await sleep(wait, undefined, { signal });
      // The throttled batches again, as they were, under the keys they had: the same requests.
      keys.again();
      round = failures.map(({ index }) => index);
    }
    onRound?.(done);
    if (failures.length) return failures;
  }
  return [];
}
