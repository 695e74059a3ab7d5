// Failed API calls on Zapier's error model (decisions 0302, 0305). core's ClassifailyError carries
// everything needed: status, code, message, hint, request id, Retry-After, field errors.
import {
  AuthenticationError,
  ClassifailyError,
  ConflictError,
  formatError,
  RateLimitError,
} from '@classifaily/core';
import type { ZObject } from 'zapier-platform-core';

/** Zapier retries a throttled step after this many seconds when the API names no delay. */
export const DEFAULT_THROTTLE_DELAY_SECONDS = 60;

/** Whole seconds for ThrottledError: at least 1. */
export const delaySeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** A 409 for an Idempotency-Key in use: the API is still working on an earlier, timed-out attempt. */
export const isStillRunning = (error: ClassifailyError) =>
  error instanceof ConflictError && error.code === 'idempotency_key_in_use';

/** Plain words for what a programmer would read as "409 idempotency_key_in_use". */
export const STILL_RUNNING_MESSAGE =
  'Classifaily took longer than usual and is still working on this step. Zapier will run it again shortly; nothing is charged twice.';

/**
 * The z.errors.* error for one of core's errors:
 * 401, or a missing or malformed key → ExpiredAuthError (Zapier asks the user to reconnect);
 * 429, a 5xx with Retry-After, a request still running → ThrottledError with the delay (Zapier
 *   holds the run and runs the step again);
 * other 5xx, connection failures, timeouts → Error saying it is temporary (Autoreplay or the user
 *   can replay it);
 * anything else (400, 403, 404, 422, input refused before sending) → Error naming the field.
 */
export function toZapierError(z: ZObject, error: ClassifailyError): Error {
  if (error instanceof AuthenticationError || error.status === 401)
    return new z.errors.ExpiredAuthError(describeFailure(error));
  const { retryAfterMs } = error;
  if (isStillRunning(error))
    return new z.errors.ThrottledError(STILL_RUNNING_MESSAGE, delaySeconds(retryAfterMs ?? 1000));
  if (error instanceof RateLimitError || (retryAfterMs !== undefined && error.retryable)) {
    const seconds =
      retryAfterMs === undefined ? DEFAULT_THROTTLE_DELAY_SECONDS : delaySeconds(retryAfterMs);
    return new z.errors.ThrottledError(describeFailure(error), seconds);
  }
  if (error.retryable) {
    return new z.errors.Error(
      `Temporary problem, try again later: ${describeFailure(error)}`,
      error.code ?? 'temporarily_unavailable',
      error.status ?? 503,
    );
  }
  return new z.errors.Error(
    describeFailure(error),
    error.code ?? 'request_failed',
    error.status ?? 400,
  );
}

/** core's errors become Zapier's; anything else (a bug, an error already Zapier's) passes as is. */
export function zapierErrorFrom(z: ZObject, error: unknown): unknown {
  return error instanceof ClassifailyError ? toZapierError(z, error) : error;
}

/** The message, the fields it concerns (catalog labels), the hint and the request id: core's formatError. */
export const describeFailure = (error: ClassifailyError): string => formatError(error);
