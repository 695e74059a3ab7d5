// Zapier stops an action after 30 seconds (decision 0305). Every request of a step fits in a budget
// that ends well before that: an attempt starts only if its whole timeout fits before the
// deadline, and a wait between attempts only if the attempt after it still fits. What is left over
// when time runs out goes back to Zapier as a ThrottledError, never as a silent timeout.
import { LIMITS } from '@classifaily/core';

/** Zapier's limit for one action (platform-side; zapier-platform-core has no timer of its own). */
export const ZAPIER_ACTION_LIMIT_MS = 30_000;
/** From the start of `perform`: the rest (5 s) is Zapier's own (loading, logging, the output). */
export const STEP_BUDGET_MS = 25_000;
/**
 * One attempt: a slow answer (a batch with explanations) fits, and a retry after a lost one still
 * fits in the budget. Attempts can start until 13 s into the step.
 */
export const ATTEMPT_TIMEOUT_MS = 12_000;
/** The longest wait between attempts; a server asking for more gets a ThrottledError instead. */
export const MAX_RETRY_DELAY_MS = 2_000;
export const MAX_RETRIES = 3;

/** Classify Batch: full requests, and enough at once that 500 lines at 6.5 s each fit (2 rounds). */
export const BATCH_SIZE = LIMITS.batchMaxItems;
export const BATCH_CONCURRENCY = 10;

/** When this step's requests must be over, in `Date.now()` time. */
export const deadlineFrom = (startedAt: number) => startedAt + STEP_BUDGET_MS;
