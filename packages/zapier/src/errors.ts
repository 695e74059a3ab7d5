// Failed API calls on Zapier's error model (decisions 0016, 0302, 0305): core's outcome picks the
// class, core's words (failureText) the message.
import {
  ClassifailyError,
  failureText,
  outcomeOf,
  STILL_RUNNING_MESSAGE,
  type Outcome,
} from '@classifaily/core';
import type { ZObject } from 'zapier-platform-core';

/** Whole seconds for ThrottledError: at least 1. */
export const delaySeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The words a person reads for one of core's errors on Zapier. */
export const describeFailure = (
  error: ClassifailyError,
  options: { lead?: boolean } = {},
): string => failureText(error, 'zapier', options);

/**
 * Core's outcome as Zapier's error: reauthenticate → ExpiredAuthError (Zapier asks to reconnect);
 * throttle → ThrottledError with the delay (Zapier holds the run and runs the step again);
 * anything else → AppError (z.errors.Error) with the API's code and status.
 */
export function toZapierError(z: ZObject, error: ClassifailyError, outcome?: Outcome): Error {
  const { kind, delayMs = 1_000 } = outcome ?? outcomeOf(error)!;
  if (kind === 'reauthenticate') return new z.errors.ExpiredAuthError(describeFailure(error));
  if (kind === 'throttle') {
    // The API still works on an earlier attempt (409), or time ran out while it did.
    const inUse = [error, error.cause].some(
      (e) => (e as { code?: unknown } | undefined)?.code === 'idempotency_key_in_use',
    );
    const message = inUse ? STILL_RUNNING_MESSAGE : describeFailure(error);
    return new z.errors.ThrottledError(message, delaySeconds(delayMs));
  }
  const fallback =
    kind === 'temporary' ? ['temporarily_unavailable', 503] : ['request_failed', 400];
  return new z.errors.Error(
    describeFailure(error),
    error.code ?? (fallback[0] as string),
    error.status ?? (fallback[1] as number),
  );
}

/** core's errors become Zapier's; anything else (a bug, an error already Zapier's) passes as is. */
export function zapierErrorFrom(z: ZObject, error: unknown): unknown {
  return error instanceof ClassifailyError ? toZapierError(z, error) : error;
}
