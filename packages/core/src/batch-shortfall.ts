// When a batch step may report success, and what it says otherwise (decision 0305). A step succeeds
// only when every item is final: classified, or refused for its own input (it then carries its own
// error). Items that could still be classified later make the step fail in the way that gets them
// classified: the platform runs the whole step again (a throttle, or the user's replay after a
// temporary failure), and the items already classified come back from the API's idempotency store,
// not billed again (the replay rule, decision 0017). Today Zapier's Classify Batch judges its step so.
import { failureText } from './advice';
import type { ClassifailyError } from './errors';
import { outcomeOf, type Outcome } from './policy';
import type { ManyOutcome } from './queue';

/** Whole seconds for a platform that counts a wait in seconds: at least 1. */
export const delaySeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** The API still works on the request (409 in use), or time ran out while it did. */
export const isStillRunning = (error: ClassifailyError) =>
  [error, error.cause].some(
    (e) => (e as { code?: unknown } | undefined)?.code === 'idempotency_key_in_use',
  );

/**
 * Why the step fails: the error and its outcome for the platform's own error; `message` when lines
 * are missing that a later run gets (throttle: after the longest wait; temporary), else the
 * outcome's own words apply (no run can succeed as it is).
 */
export interface Shortfall {
  error: ClassifailyError;
  outcome: Outcome;
  message?: string;
}

/** A text as a sentence that another follows: one full stop, never two ("minutes.. When"). */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
/** A failure of the whole request (an HTTP status, a connection, a timeout, time), not of one line. */
const concernsRequest = (error: ClassifailyError) => error.status !== undefined || error.retryable;
const ranOutOfTime = (error: ClassifailyError) => error.code === 'deadline_exceeded';
const NOT_CHARGED_AGAIN = 'lines already classified are not charged again';

/** Why lines are missing, to follow "… the other N were not". */
const reasonFor = (error: ClassifailyError) =>
  isStillRunning(error)
    ? 'yet: Classifaily took longer than usual and is still working on them'
    : ranOutOfTime(error)
      ? "within Zapier's 30 seconds for one step"
      : `yet: ${failureText(error, 'zapier', { lead: false })}`;

/** Why a Zapier batch step fails, or undefined when every line is final. */
export function batchShortfall(outcomes: readonly ManyOutcome[]): Shortfall | undefined {
  const failed = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error]));
  const requestWide = failed
    .filter(concernsRequest)
    .map((error) => ({ error, ...outcomeOf(error)! }));
  if (requestWide.length === 0) return undefined;

  // No run of this step can succeed as it is (revoked key, deleted schema, read-only key): say so.
  const final = requestWide.find((o) => o.kind !== 'throttle' && o.kind !== 'temporary');
  if (final) {
    const { error, ...outcome } = final;
    return { error, outcome };
  }

  const done = outcomes.length - failed.length;
  const progress = `${done} of ${outcomes.length} lines were classified; the other ${requestWide.length} were not`;
  const waiting = requestWide.filter((o) => o.kind === 'throttle');
  if (waiting.length) {
    const delayMs = Math.max(...waiting.map((o) => o.delayMs ?? 0));
    // The reason that made the platform wait: the server's own words before "time ran out".
    const cause =
      waiting.find((o) => isStillRunning(o.error)) ??
      waiting.find((o) => !ranOutOfTime(o.error)) ??
      waiting[0]!;
    const message = `${sentence(`${progress} ${reasonFor(cause.error)}`)} Zapier runs this step again in ${delaySeconds(delayMs)} s; ${NOT_CHARGED_AGAIN}.`;
    return { error: cause.error, outcome: { kind: 'throttle', delayMs }, message };
  }
  const first = requestWide[0]!.error;
  const message = `Temporary problem, try again later: ${sentence(`${progress} ${reasonFor(first)}`)} When the step runs again, ${NOT_CHARGED_AGAIN}.`;
  return { error: first, outcome: { kind: 'temporary' }, message };
}
