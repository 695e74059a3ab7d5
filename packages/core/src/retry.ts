// The whole retry policy, after openai-node: which failures to retry and how long to wait.

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_BACKOFF_MS = 8_000;

/** Statuses worth another try; 409 only while the idempotency key is in use by the first attempt. */
export function isRetryableStatus(status: number, code: string | undefined): boolean {
  if (status === 409) return code === 'idempotency_key_in_use';
  return status === 408 || status === 429 || status >= 500;
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff: 0.5 s × 2ⁿ, capped, minus up to 25 % jitter so that clients spread out. */
export function backoffDelay(
  retriesSoFar: number,
  random: () => number,
  cap = MAX_BACKOFF_MS,
): number {
  const delay = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** retriesSoFar, cap);
  return delay * (1 - random() * 0.25);
}
