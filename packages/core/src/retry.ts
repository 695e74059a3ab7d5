// The whole retry policy, after openai-node: which failures to retry and how long to wait.

const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_BACKOFF_MS = 8_000;
/**
 * The shortest wait before a retry, whatever `Retry-After` says: a `0`, a negative value or a date
 * already past would otherwise retry at once, in a tight loop against a server that asked for a
 * pause (decision 0002). It is the first step of the client's own backoff.
 */
export const MIN_RETRY_DELAY_MS = INITIAL_RETRY_DELAY_MS;

/** Statuses worth another try; 409 only while the idempotency key is in use by the first attempt. */
export function isRetryableStatus(status: number, code: string | undefined): boolean {
  if (status === 409) return code === 'idempotency_key_in_use';
  return status === 408 || status === 429 || status >= 500;
}

/**
 * `Retry-After` as milliseconds: delta-seconds (digits only, RFC 9110) or an HTTP date (which always
 * names a day or month, so "1.5" or "-1" is not read as a date). Undefined when absent or unreadable;
 * a date in the past is 0. The caller applies MIN_RETRY_DELAY_MS.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[A-Za-z]/.test(text)) return undefined;
  // asctime ("Sun Nov  6 08:49:37 1994") names no zone; HTTP dates are always GMT.
  const date = Date.parse(/(GMT|UTC|[+-]\d{4})$/.test(text) ? text : `${text} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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
