// The failure policy: what every error means for the platform running the step, decided once for
// n8n, Zapier and Make (decision 0016). Each error — from the wire or refused before sending — maps
// to one outcome; each adapter turns an outcome into its platform's own error in one small table,
// and reads the words a person sees from advice.ts.
import {
  AuthenticationError,
  BadRequestError,
  CancelledError,
  ClassifailyError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ValidationError,
} from './errors';
import { MIN_RETRY_DELAY_MS } from './retry';

export const OUTCOME_KINDS = [
  'reauthenticate', // the key is refused or missing: fix the connection
  'permission', // the key may not do this: use another key
  'fix-input', // something the user gave is wrong (`field` names it)
  'not-found', // what the step names is gone (`target`: the schema ID)
  'throttle', // run the step again after `delayMs`; nothing is lost
  'temporary', // the API or the network failed after the retries: run it again later
  'cancelled', // the run was stopped, or stopped sending after an earlier failure
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

export interface Outcome {
  kind: OutcomeKind;
  /** fix-input: the field (a catalog key, or the option's name) to correct. */
  field?: string;
  /** not-found: the schema ID that is missing, when the request named one. */
  target?: string;
  /** throttle: how long to wait before running the step again, in ms. */
  delayMs?: number;
}

/** How long a platform waits when the API asked for a pause but said not how long (a 429). */
export const DEFAULT_THROTTLE_DELAY_MS = 60_000;
/** When time ran out before a request was sent, or the API still works on it: come back soon. */
const SOON_MS = 1_000;

/** Codes of errors that concern the connection's settings (where its base URL leads), not a field. */
const CONNECTION_SETTINGS = new Set(['redirect_refused', 'answer_too_large']);

/**
 * The outcome of an error. Undefined only for what is not core's to judge (a bug in the caller):
 * adapters pass that on as it is. An abort of the caller's signal (any `AbortError`) is `cancelled`.
 */
export function outcomeOf(error: unknown): Outcome | undefined {
  if (!(error instanceof ClassifailyError))
    return (error as { name?: unknown } | null)?.name === 'AbortError'
      ? { kind: 'cancelled' }
      : undefined;
  if (error instanceof CancelledError) return { kind: 'cancelled' };
  if (error instanceof AuthenticationError) return { kind: 'reauthenticate' };
  if (error instanceof PermissionDeniedError) return { kind: 'permission' };
  if (error instanceof NotFoundError)
    return error.target === undefined
      ? { kind: 'not-found' }
      : { kind: 'not-found', target: error.target };
  if (error.code === 'deadline_exceeded') return { kind: 'throttle', delayMs: SOON_MS };
  if (error instanceof ConflictError && error.retryable)
    return {
      kind: 'throttle',
      delayMs: Math.max(error.retryAfterMs ?? SOON_MS, MIN_RETRY_DELAY_MS),
    };
  if (error instanceof RateLimitError || (error.retryable && error.retryAfterMs !== undefined))
    return {
      kind: 'throttle',
      delayMs: Math.max(error.retryAfterMs ?? DEFAULT_THROTTLE_DELAY_MS, MIN_RETRY_DELAY_MS),
    };
  if (error.retryable) return { kind: 'temporary' };
  if (error.code !== undefined && CONNECTION_SETTINGS.has(error.code))
    return { kind: 'fix-input', field: 'baseUrl' };
  const field =
    error instanceof ValidationError || error instanceof BadRequestError
      ? error.fieldErrors[0]?.field
      : undefined;
  return field === undefined ? { kind: 'fix-input' } : { kind: 'fix-input', field };
}

/** True for the outcome of a failure that concerns one request as a whole, not one item's input. */
export const isRequestWide = (outcome: Outcome) => outcome.kind !== 'fix-input';
