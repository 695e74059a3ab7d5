// Failed API calls on Zapier's error model. Phase 1 reads the failure from a raw z.request response
// (problem+json); phase 2 passes core's ClassifailyError, which carries the same fields.
import type { HttpResponse, ZObject } from 'zapier-platform-core';

/** What Zapier needs to know about a failed call. Structurally a subset of core's ClassifailyError. */
export interface ApiFailure {
  message: string;
  hint?: string;
  status?: number;
  code?: string;
  requestId?: string;
  retryAfterMs?: number;
}

/** Zapier asks to retry a throttled step after this many seconds when the API names no delay. */
export const DEFAULT_THROTTLE_DELAY_SECONDS = 60;

/**
 * The z.errors.* error for a failure:
 * 401 → ExpiredAuthError (Zapier marks the connection as needing a reconnect);
 * 429 → ThrottledError with the server's delay (Zapier holds the run and retries the step);
 * 5xx / no status (connection, timeout) → Error saying it is temporary;
 * anything else (400, 403, 404, 409, 422) → Error naming the problem, code and status.
 */
export function toZapierError(z: ZObject, failure: ApiFailure): Error {
  const text = describe(failure);
  const { status } = failure;
  if (status === 401) return new z.errors.ExpiredAuthError(text);
  if (status === 429) {
    const seconds =
      failure.retryAfterMs === undefined
        ? DEFAULT_THROTTLE_DELAY_SECONDS
        : Math.max(1, Math.ceil(failure.retryAfterMs / 1000));
    return new z.errors.ThrottledError(text, seconds);
  }
  if (status === undefined || status >= 500) {
    return new z.errors.Error(
      `Temporary problem, try again later: ${text}`,
      failure.code ?? 'temporarily_unavailable',
      status ?? 503,
    );
  }
  return new z.errors.Error(text, failure.code ?? 'request_failed', status);
}

function describe(failure: ApiFailure): string {
  const parts = [failure.message.trim()];
  if (failure.hint) parts.push(failure.hint.trim());
  if (failure.requestId) parts.push(`(request ${failure.requestId})`);
  return parts.filter((part) => part !== '').join(' ');
}

/** Phase 1: the failure behind a non-2xx response, read from its problem+json body. */
export function failureFromResponse(response: HttpResponse): ApiFailure {
  const problem = isRecord(response.data) ? response.data : {};
  const detail = stringField(problem, 'detail') ?? stringField(problem, 'title');
  const retryAfter = response.getHeader('retry-after');
  return {
    status: response.status,
    message: detail ?? `Classifaily answered with HTTP ${response.status}.`,
    code: stringField(problem, 'code'),
    requestId:
      stringField(problem, 'request_id') ?? response.getHeader('x-request-id') ?? undefined,
    retryAfterMs: parseRetryAfterMs(retryAfter),
  };
}

function parseRetryAfterMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
