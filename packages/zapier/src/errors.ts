// Failed API calls on Zapier's error model. core's ClassifailyError carries everything needed
// (status, code, message, hint, request id, Retry-After, field errors); see decision 0302.
import { ClassifailyError, formatError, type FieldError } from '@classifaily/core';
import type { ZObject } from 'zapier-platform-core';

/** What Zapier needs to know about a failed call. Structurally a subset of core's ClassifailyError. */
export interface ApiFailure {
  message: string;
  name?: string;
  hint?: string;
  status?: number;
  code?: string;
  requestId?: string;
  retryAfterMs?: number;
  /** Connection failures and timeouts are; bad input is not. */
  retryable?: boolean;
  fieldErrors?: readonly FieldError[];
}

/** Zapier asks to retry a throttled step after this many seconds when the API names no delay. */
export const DEFAULT_THROTTLE_DELAY_SECONDS = 60;

/**
 * The z.errors.* error for a failure:
 * 401 / a missing or malformed key → ExpiredAuthError (Zapier asks the user to reconnect);
 * 429 → ThrottledError with the server's delay (Zapier holds the run and retries the step);
 * 5xx, connection failures, timeouts → Error saying it is temporary;
 * anything else (400, 403, 404, 409, 422, input refused before sending) → Error naming the field.
 */
export function toZapierError(z: ZObject, failure: ApiFailure): Error {
  const text = describeFailure(failure);
  const { status } = failure;
  if (status === 401 || failure.name === 'AuthenticationError')
    return new z.errors.ExpiredAuthError(text);
  if (status === 429) {
    const seconds =
      failure.retryAfterMs === undefined
        ? DEFAULT_THROTTLE_DELAY_SECONDS
        : Math.max(1, Math.ceil(failure.retryAfterMs / 1000));
    return new z.errors.ThrottledError(text, seconds);
  }
  const temporary = status === undefined ? failure.retryable !== false : status >= 500;
  if (temporary) {
    return new z.errors.Error(
      `Temporary problem, try again later: ${text}`,
      failure.code ?? 'temporarily_unavailable',
      status ?? 503,
    );
  }
  return new z.errors.Error(text, failure.code ?? 'request_failed', status ?? 400);
}

/** core's errors become Zapier's; anything else (a bug, an error already Zapier's) passes as is. */
export function zapierErrorFrom(z: ZObject, error: unknown): unknown {
  return error instanceof ClassifailyError ? toZapierError(z, error) : error;
}

/** The message, the fields it concerns, the hint and the request id, in one line (core's formatError). */
export function describeFailure(failure: ApiFailure): string {
  return formatError(failure);
}
