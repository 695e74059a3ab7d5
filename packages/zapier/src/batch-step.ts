// When Classify Batch may report success, and what it tells Zapier otherwise (decision 0305).
// A step succeeds only when every line is final: classified, or refused for its own input (it then
// carries its own `error`). Lines that could still be classified later make the step fail in the way
// that gets them classified: Zapier runs the whole step again (ThrottledError, or the user's
// replay / Autoreplay after a temporary error), and the lines already classified come back from
// the API's idempotency store, not classified or billed again (replay-stable keys, 0306).
import { AuthenticationError, ClassifailyError, type ManyOutcome } from '@classifaily/core';
import type { ZObject } from 'zapier-platform-core';

import { delaySeconds, describeFailure, isStillRunning, toZapierError } from './errors';

type Failed = Extract<ManyOutcome, { ok: false }>;

/** A failure of the whole request (an HTTP status, a connection, a timeout), not of one line. */
const concernsRequest = (error: ClassifailyError) => error.status !== undefined || error.retryable;
/** The request was never sent: the step's time ran out first (core's deadline). */
const ranOutOfTime = (error: ClassifailyError) => error.code === 'deadline_exceeded';
/** Zapier should wait and run the step again: the API said when, or time ran out. */
const waitAndRerun = (error: ClassifailyError) =>
  error.retryAfterMs !== undefined || isStillRunning(error) || ranOutOfTime(error);

/** Why lines are missing, to follow "… the other N were not". */
function reasonFor(error: ClassifailyError): string {
  if (ranOutOfTime(error)) return "within Zapier's 30 seconds for one step";
  if (isStillRunning(error))
    return 'yet: Classifaily took longer than usual and is still working on them';
  return `yet: ${describeFailure(error)}`;
}

const NOT_CHARGED_AGAIN = 'lines already classified are not charged again';

/** The error to fail the step with, or undefined when every line is final. */
export function batchStepError(z: ZObject, outcomes: readonly ManyOutcome[]): Error | undefined {
  const failed = outcomes.filter((outcome): outcome is Failed => !outcome.ok);
  const requestWide = failed.map((outcome) => outcome.error).filter(concernsRequest);
  if (requestWide.length === 0) return undefined;

  // No run of this step can succeed as it is (revoked key, deleted schema, read-only key): say so.
  const final =
    requestWide.find((error) => error instanceof AuthenticationError) ??
    requestWide.find((error) => !error.retryable);
  if (final) return toZapierError(z, final);

  const done = outcomes.length - failed.length;
  const progress = `${done} of ${outcomes.length} lines were classified; the other ${requestWide.length} were not`;
  const waiting = requestWide.filter(waitAndRerun);
  if (waiting.length) {
    const seconds = delaySeconds(Math.max(...waiting.map((error) => error.retryAfterMs ?? 0)));
    // The reason that made Zapier wait: the server's own words before "time ran out".
    const cause = waiting.find((error) => !ranOutOfTime(error)) ?? waiting[0]!;
    return new z.errors.ThrottledError(
      `${progress} ${reasonFor(cause)}. Zapier runs this step again in ${seconds} s; ${NOT_CHARGED_AGAIN}.`,
      seconds,
    );
  }
  const first = requestWide[0]!;
  return new z.errors.Error(
    `Temporary problem, try again later: ${progress} ${reasonFor(first)}. When the step runs again, ${NOT_CHARGED_AGAIN}.`,
    first.code ?? 'temporarily_unavailable',
    first.status ?? 503,
  );
}
