// Failed API calls on Zapier's error model (decisions 0016, 0302, 0305): core's outcome picks the
// class, core's words (failureText) the message.
import {
  ClassifailyError,
  delaySeconds,
  failureText,
  isStillRunning,
  outcomeOf,
  STILL_RUNNING_MESSAGE,
} from '@classifaily/core';
import type { ZObject } from 'zapier-platform-core';

/**
 * Core's outcome as Zapier's error: reauthenticate → ExpiredAuthError (Zapier asks to reconnect);
 * throttle → ThrottledError with the delay (Zapier holds the run and runs the step again);
 * anything else → AppError (z.errors.Error) with the API's code and status. `said`: words of
 * the whole step (core's batchShortfall) instead of the error's own.
 */
export function toZapierError(
  z: ZObject,
  error: ClassifailyError,
  outcome = outcomeOf(error)!,
  said?: string,
): Error {
  const { kind, delayMs = 1_000 } = outcome;
  const message = said ?? failureText(error, 'zapier');
  if (kind === 'reauthenticate') return new z.errors.ExpiredAuthError(message);
  if (kind === 'throttle') {
    const words = said ?? (isStillRunning(error) ? STILL_RUNNING_MESSAGE : message);
    return new z.errors.ThrottledError(words, delaySeconds(delayMs));
  }
  const temporary = kind === 'temporary';
  return new z.errors.Error(
    message,
    error.code ?? (temporary ? 'temporarily_unavailable' : 'request_failed'),
    error.status ?? (temporary ? 503 : 400),
  );
}

/** core's errors become Zapier's; anything else (a bug, an error already Zapier's) passes as is. */
export function zapierErrorFrom(z: ZObject, error: unknown): unknown {
  return error instanceof ClassifailyError ? toZapierError(z, error) : error;
}
