// Failed API calls on Zapier's error model (decisions 0302, 0305). core's ClassifailyError carries
// everything needed: status, code, message, hint, request id, Retry-After, field errors.
import {
  AuthenticationError,
  catalog,
  ClassifailyError,
  ConflictError,
  RateLimitError,
  type FieldError,
} from '@classifaily/core';
import type { ZObject } from 'zapier-platform-core';

/** Zapier retries a throttled step after this many seconds when the API names no delay. */
export const DEFAULT_THROTTLE_DELAY_SECONDS = 60;

/** The server's Retry-After on any error that carries one (429, 503, 409 while still running). */
export const retryAfterMsOf = (error: ClassifailyError): number | undefined =>
  (error as { retryAfterMs?: number }).retryAfterMs;

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
  const retryAfterMs = retryAfterMsOf(error);
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

/** The message, the fields it concerns, the hint and the request id, in one line. */
export function describeFailure(error: ClassifailyError): string {
  const parts = [error.message.trim()];
  const fields = fieldLabels((error as { fieldErrors?: readonly FieldError[] }).fieldErrors);
  if (fields.length) parts.push(`Field: ${fields.join(', ')}.`);
  if (error.hint) parts.push(error.hint.trim());
  if (error.requestId) parts.push(`(request ${error.requestId})`);
  return parts.filter((part) => part !== '').join(' ');
}

/** The catalog's label of every field a key can name (first one wins: `name` is the schema's). */
const LABELS = new Map<string, string>();
for (const spec of Object.values(catalog.fields)) {
  if (typeof spec === 'object' && !LABELS.has(spec.key)) LABELS.set(spec.key, spec.label);
}
LABELS.set('input', catalog.fields.input.label);

/** "items[3].input" → "Items line 4: Text"; "categories[0]" → "Categories"; unknown keys as they are. */
function fieldLabels(errors: readonly FieldError[] | undefined): string[] {
  const labels = (errors ?? []).map(({ field }) => {
    const match = /^\/?(\w+)(?:\[(\d+)\])?(?:[./](\w+))?/.exec(field ?? '');
    if (!match) return field;
    const [, root = '', index, child] = match;
    const label = LABELS.get(root) ?? root;
    if (child && index !== undefined)
      return `${label} line ${Number(index) + 1}: ${LABELS.get(child) ?? child}`;
    return label;
  });
  return [...new Set(labels.filter((label): label is string => Boolean(label)))];
}
