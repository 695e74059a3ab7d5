// The texts still without an answer go through core's classifyMany, one round at a time: a round is
// as many texts as core sends at once (4 requests of 25), so a round costs no more time than the
// pipeline would, and between rounds the answers can be kept and the progress shown. The rounds
// are cut the same way on every run of the same file, so a resumed run sends the same batches
// with the same keys (replay.ts) and the API bills none of them twice.
import { catalog, LIMITS, type ClassifailyClient, type ClassifailyError } from '@classifaily/core';
import type { Answer } from './progress-file';
import { replayKeys } from './replay';

/** Requests in flight at once: core's default. */
const CONCURRENCY = 4;
/** Texts per round: one request per slot. */
const ROUND_SIZE = LIMITS.batchMaxItems * CONCURRENCY;
/**
 * How long in all each batch may wait out the API's rate limit, beyond core's retries: core's
 * default for a step (the catalog's Wait Out Rate Limits), so that a long evaluation slows down to
 * the key's rate limit instead of failing, and core decides each wait (decision 0606).
 */
const RATE_LIMIT_WAIT_MS = catalog.fields.rateLimitWait.default * 1000;

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
  { onRound, signal }: ClassifyOptions = {},
): Promise<Failure[]> {
  const keys = replayKeys();
  const pending = texts.flatMap((_, index) => (answers[index] === null ? [index] : []));
  let done = texts.length - pending.length;
  for (let start = 0; start < pending.length; start += ROUND_SIZE) {
    const round = pending.slice(start, start + ROUND_SIZE);
    const failures: Failure[] = [];
    keys.nextRound();
    const outcomes = await client.classifyMany(
      {
        items: round.map((index) => ({ input: texts[index]! })),
        ...(target.schema ? { schema: target.schema } : { categories: target.categories }),
        explain: target.explain,
      },
      {
        concurrency: CONCURRENCY,
        idempotencyKeys: keys.keyFor,
        rateLimitWait: RATE_LIMIT_WAIT_MS,
        signal,
      },
    );
    outcomes.forEach((outcome, position) => {
      const index = round[position]!;
      if (!outcome.ok) return void failures.push({ index, error: outcome.error });
      const { label, confidence, explanation } = outcome.result;
      answers[index] =
        explanation === undefined ? { label, confidence } : { label, confidence, explanation };
      done += 1;
    });
    onRound?.(done);
    if (failures.length) return failures;
  }
  return [];
}
