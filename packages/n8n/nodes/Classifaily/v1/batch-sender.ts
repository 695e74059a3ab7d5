import { RateLimitError, type ClassifailyClient, type SendBatch } from '@classifaily/core';
import { sleep, type IExecuteFunctions } from 'n8n-workflow';

import { stableBatchKeys } from './idempotency';

/** The longest single `Retry-After` the node waits out; a longer one fails the batch at once. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** How long one batch may spend waiting out rate limits in all before its items fail. */
export const RATE_LIMIT_BUDGET_MS = 5 * 60_000;

/**
 * How the node sends one batch, for core's batch queue: with a stable idempotency key (so a
 * re-run never bills a batch twice) and waiting out 429s for as long as the API asks, within a
 * budget. In queue mode every worker shares the key's rate limit, so 429s are a normal state, not a
 * failure: core's client retries twice and then hands the RateLimitError over; here it is waited out
 * again, with the same key, until the budget is spent (decision 0212).
 */
export function batchSender(
  this: IExecuteFunctions,
  client: ClassifailyClient,
  random: () => number = Math.random,
): SendBatch {
  const keyFor = stableBatchKeys(this);
  return async (body, options) => {
    const idempotencyKey = await keyFor(body);
    for (let waited = 0; ;) {
      const attempt = client.classifyBatch(body, { ...options, idempotencyKey });
      const wait = await attempt.then(
        () => undefined,
        (error: unknown) => rateLimitWait(error, random),
      );
      // Answered, or failed for good: hand the attempt over as it settled.
      if (wait === undefined || waited + wait > RATE_LIMIT_BUDGET_MS) return attempt;
      await pause(wait, options.signal);
      if (options.signal?.aborted) throw options.signal.reason;
      waited += wait;
    }
  };
}

/**
 * How long to wait before sending again after this error, or undefined to give up: only a rate
 * limit whose Retry-After (1 s when it gave none) is at most a minute, plus up to 10 % so that the
 * workers that were refused together do not all come back in the same instant.
 */
function rateLimitWait(error: unknown, random: () => number): number | undefined {
  if (!(error instanceof RateLimitError)) return undefined;
  const asked = error.retryAfterMs ?? 1_000;
  if (asked > MAX_RATE_LIMIT_WAIT_MS) return undefined;
  return Math.max(asked, 100) * (1 + random() * 0.1);
}

/** Sleeps in short steps, so that a cancelled run stops waiting within a quarter of a second. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  for (const end = Date.now() + ms; !signal?.aborted && Date.now() < end;)
    await sleep(Math.min(250, end - Date.now()));
}
