// When Classify Batch may report success, and what it tells Zapier otherwise (decision 0305).
// A step succeeds only when every line is final: classified, or refused for its own input (it then
// carries its own `error`). Lines that could still be classified later make the step fail in the way
// that gets them classified: Zapier runs the whole step again (ThrottledError, or the user's replay /
// Autoreplay after a temporary error), and the lines already classified come back from the API's
// idempotency store, not billed again (the replay rule, 0017).
import { outcomeOf, type ClassifailyError, type ManyOutcome } from '@classifaily/core';
import type { ZObject } from 'zapier-platform-core';

import { delaySeconds, describeFailure, toZapierError } from './errors';

/** A text as a sentence that another follows: one full stop, never two ("minutes.. When"). */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** A failure of the whole request (an HTTP status, a connection, a timeout, time), not of one line. */
const concernsRequest = (error: ClassifailyError) => error.status !== undefined || error.retryable;
const ranOutOfTime = (error: ClassifailyError) => error.code === 'deadline_exceeded';
const NOT_CHARGED_AGAIN = 'lines already classified are not charged again';

/** The API still works on the request (409), or time ran out while it did. */
const stillRunning = (error: ClassifailyError) =>
  [error, error.cause].some(
    (e) => (e as { code?: unknown } | undefined)?.code === 'idempotency_key_in_use',
  );

/** Why lines are missing, to follow "… the other N were not". */
const reasonFor = (error: ClassifailyError) =>
  stillRunning(error)
    ? 'yet: Classifaily took longer than usual and is still working on them'
    : ranOutOfTime(error)
      ? "within Zapier's 30 seconds for one step"
      : `yet: ${describeFailure(error, { lead: false })}`;

/** The error to fail the step with, or undefined when every line is final. */
export function batchStepError(z: ZObject, outcomes: readonly ManyOutcome[]): Error | undefined {
  const failed = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
  const requestWide = failed
    .filter(concernsRequest)
    .map((error) => ({ error, ...outcomeOf(error)! }));
  if (requestWide.length === 0) return undefined;

  // No run of this step can succeed as it is (revoked key, deleted schema, read-only key): say so.
  const final = requestWide.find((o) => o.kind !== 'throttle' && o.kind !== 'temporary');
  if (final) return toZapierError(z, final.error, final);

  const done = outcomes.length - failed.length;
  const progress = `${done} of ${outcomes.length} lines were classified; the other ${requestWide.length} were not`;
  const waiting = requestWide.filter((o) => o.kind === 'throttle');
  if (waiting.length) {
    const seconds = delaySeconds(Math.max(...waiting.map((o) => o.delayMs ?? 0)));
    // The reason that made Zapier wait: the server's own words before "time ran out".
    const cause =
      waiting.find((o) => stillRunning(o.error)) ??
      waiting.find((o) => !ranOutOfTime(o.error)) ??
      waiting[0]!;
    return new z.errors.ThrottledError(
      `${sentence(`${progress} ${reasonFor(cause.error)}`)} Zapier runs this step again in ${seconds} s; ${NOT_CHARGED_AGAIN}.`,
      seconds,
    );
  }
  const first = requestWide[0]!.error;
  return new z.errors.Error(
    `Temporary problem, try again later: ${sentence(`${progress} ${reasonFor(first)}`)} When the step runs again, ${NOT_CHARGED_AGAIN}.`,
    first.code ?? 'temporarily_unavailable',
    first.status ?? 503,
  );
}
