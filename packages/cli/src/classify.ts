// The texts still without an answer go through core's classifyMany, one round at a time: a round is
// as many texts as core sends at once (4 requests of 25), so a round costs no more time than the
// pipeline would, and between rounds the answers can be kept and the progress shown. The rounds
// are cut the same way on every run of the same file, so a resumed run sends the same batches
// with the same keys (replay.ts) and the API bills none of them twice.
import { LIMITS, type ClassifailyClient, type ClassifailyError } from '@classifaily/core';
import type { Answer } from './progress-file';
import { replayKeys } from './replay';

/** Requests in flight at once: core's default. */
export const CONCURRENCY = 4;
/** Texts per round: one request per slot. */
export const ROUND_SIZE = LIMITS.batchMaxItems * CONCURRENCY;

export interface Target {
  categories?: string[];
  schema?: string;
  explain: boolean;
}

export interface Failure {
  /** The text's position in the file's rows. */
  index: number;
  error: ClassifailyError;
}

export interface ClassifyOptions {
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
  const idempotencyKeys = replayKeys();
  const pending = texts.flatMap((_, index) => (answers[index] === null ? [index] : []));
  let done = texts.length - pending.length;
  for (let start = 0; start < pending.length; start += ROUND_SIZE) {
    const round = pending.slice(start, start + ROUND_SIZE);
    const outcomes = await client.classifyMany(
      {
        items: round.map((index) => ({ input: texts[index]! })),
        ...(target.schema ? { schema: target.schema } : { categories: target.categories }),
        explain: target.explain,
      },
      { concurrency: CONCURRENCY, idempotencyKeys, signal },
    );
    const failures: Failure[] = [];
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
