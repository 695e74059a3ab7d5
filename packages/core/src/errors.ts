// Typed errors in the style of openai-node: the class is picked from the HTTP status, and each one
// carries the status, the API's machine code, the request id, a plain-words message and a hint that
// says what to do. No error ever holds the API key: everything an error is given is redacted here,
// in its constructor, so no property (enumerable or not), no stack, no cause and no util.inspect
// output can show one.
import { isRetryableStatus } from './retry';
import { redactKnownKeys } from './secrets';
import type { FieldError, Problem } from './types';

export interface ErrorDetails {
  status?: number;
  code?: string;
  requestId?: string;
  hint?: string;
  fieldErrors?: readonly FieldError[];
  cause?: unknown;
  /** How long the server asked us to wait (`Retry-After`), if it said. */
  retryAfterMs?: number;
  /** Overrides the class's default (a 409 is retryable only while the idempotency key is in use). */
  retryable?: boolean;
  /** What the request acted on (a schema ID), for an error that says it is missing. */
  target?: string;
}

export class ClassifailyError extends Error {
  override readonly name: string = 'ClassifailyError';
  readonly status?: number;
  readonly code?: string;
  readonly requestId?: string;
  /** What the user can do about it, in plain words. */
  readonly hint: string;
  /** Whether trying the same request again later may succeed. */
  readonly retryable: boolean;
  /** How long the server asked to wait before trying again (429, 503, 409 in use), if it said. */
  readonly retryAfterMs?: number;
  /** What the request acted on (a schema ID), when the error is about it (a 404). */
  readonly target?: string;
  /** What `retryable` is unless the details say otherwise. */
  static readonly retryableByDefault: boolean = false;

  constructor(message: string, details: ErrorDetails = {}) {
    super(
      redact(message),
      details.cause === undefined ? undefined : { cause: redactedCause(details.cause) },
    );
    this.status = details.status;
    this.code = redactOptional(details.code);
    this.requestId = redactOptional(details.requestId);
    this.hint = redact(details.hint ?? 'If this keeps happening, contact Classifaily support.');
    this.retryAfterMs = details.retryAfterMs;
    if (details.target !== undefined) this.target = redact(details.target);
    this.retryable =
      details.retryable ?? (new.target as typeof ClassifailyError).retryableByDefault;
  }
}

export class AuthenticationError extends ClassifailyError {
  override readonly name = 'AuthenticationError';
}
export class PermissionDeniedError extends ClassifailyError {
  override readonly name = 'PermissionDeniedError';
}
export class NotFoundError extends ClassifailyError {
  override readonly name = 'NotFoundError';
}
/** What the user must correct in what was sent; `fieldErrors` names the fields. */
abstract class InputError extends ClassifailyError {
  readonly fieldErrors: FieldError[];
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details);
    this.fieldErrors = (details.fieldErrors ?? []).map((e) => ({
      field: redact(String(e.field)),
      code: redact(String(e.code)),
      message: redact(String(e.message)),
    }));
  }
}
/** A rule was broken: refused before sending, or by the API (422). */
export class ValidationError extends InputError {
  override readonly name = 'ValidationError';
}
/** The API could not take the request as it was shaped (400, 413, 415 and other 4xx). */
export class BadRequestError extends InputError {
  override readonly name = 'BadRequestError';
}
/** Not sent: the caller stopped the work, or it stopped after an earlier failure. */
export class CancelledError extends ClassifailyError {
  override readonly name = 'CancelledError';
}
export class ConflictError extends ClassifailyError {
  override readonly name = 'ConflictError';
  static override readonly retryableByDefault = true;
}
export class RateLimitError extends ClassifailyError {
  override readonly name = 'RateLimitError';
  static override readonly retryableByDefault = true;
}
export class ServerError extends ClassifailyError {
  override readonly name = 'ServerError';
  static override readonly retryableByDefault = true;
}
export class ConnectionError extends ClassifailyError {
  override readonly name = 'ConnectionError';
  static override readonly retryableByDefault = true;
}
export class TimeoutError extends ClassifailyError {
  override readonly name = 'TimeoutError';
  static override readonly retryableByDefault = true;
}

/** What to do, by error; advice.ts words some of them again for a platform (HINTS_ON). */
export const HINTS = {
  auth: 'Check the API key in your Classifaily connection (copy it again from the Classifaily dashboard) and reconnect.',
  revoked: 'Create a new API key in the Classifaily dashboard and reconnect with it.',
  permission: 'Use a key that may do this (not a read-only one), or ask the account owner for one.',
  schemaNotFound: 'Check the schema ID, or pick the schema again from the list.',
  notFound: 'If this keeps happening, contact Classifaily support.',
  validation: 'Check the fields named in the error and try again.',
  conflict: 'Wait a few seconds and try again.',
  rateLimit:
    'Slow down: process fewer items at once, lower the concurrency, or wait a minute and retry.',
  server: 'This is temporary: try again in a few minutes.',
  unreachable: 'Check the base URL in the connection and your network, then try again.',
} as const;

/**
 * The typed error for an HTTP error response, from its problem+json body if it has one: a plain
 * switch on the status, as openai-node's `APIError.generate`. The server's `detail` is the message
 * when there is one, except for 5xx, whose detail is for operators: the user needs to know it is
 * temporary.
 */
export function errorFromResponse(
  status: number,
  problem: Partial<Problem> | undefined,
  requestId: string | undefined,
  retryAfterMs?: number,
): ClassifailyError {
  const details: ErrorDetails = {
    status,
    code: typeof problem?.code === 'string' ? problem.code : undefined,
    requestId: typeof problem?.request_id === 'string' ? problem.request_id : requestId,
    fieldErrors: Array.isArray(problem?.errors) ? problem.errors : undefined,
    retryable: isRetryableStatus(status, problem?.code),
    retryAfterMs,
  };
  const detail = typeof problem?.detail === 'string' && problem.detail ? problem.detail : undefined;
  const said = (fallback: string) => detail ?? fallback;
  switch (status) {
    case 401:
      return problem?.code === 'revoked_api_key'
        ? new AuthenticationError(said('This Classifaily API key has been revoked.'), {
            ...details,
            hint: HINTS.revoked,
          })
        : new AuthenticationError(said('Classifaily did not accept the API key.'), {
            ...details,
            hint: HINTS.auth,
          });
    case 403:
      return new PermissionDeniedError(
        said('This Classifaily API key is not allowed to do this.'),
        { ...details, hint: HINTS.permission },
      );
    case 404:
      // Only a schema that is missing is the user's to check; any other 404 is not theirs.
      return new NotFoundError(said('Classifaily could not find what was asked for.'), {
        ...details,
        hint: problem?.code === 'schema_not_found' ? HINTS.schemaNotFound : HINTS.notFound,
      });
    case 409:
      return new ConflictError(said('The same request is still being processed.'), {
        ...details,
        hint: HINTS.conflict,
      });
    case 429:
      return new RateLimitError(
        said('Too many requests to Classifaily: the rate limit was reached.'),
        { ...details, hint: HINTS.rateLimit },
      );
    case 408:
      return new ServerError('Classifaily had a temporary problem.', {
        ...details,
        hint: HINTS.server,
      });
    default:
      if (status >= 500)
        return new ServerError('Classifaily had a temporary problem.', {
          ...details,
          hint: HINTS.server,
        });
      return new (status === 422 ? ValidationError : BadRequestError)(
        withFieldErrors(said('Classifaily could not accept the request.'), details.fieldErrors),
        { ...details, hint: HINTS.validation },
      );
  }
}

/**
 * The message, then each field error it does not already say ("categories[1]: listed twice"). The
 * server's detail usually words every field error already: a person must not read them twice.
 */
function withFieldErrors(message: string, errors: readonly FieldError[] | undefined): string {
  const unsaid = (errors ?? []).filter((e) => !message.includes(e.message));
  if (!unsaid.length) return message;
  return `${message} (${unsaid.map((e) => `${e.field}: ${e.message}`).join('; ')})`;
}

/**
 * Removes every form of a configured key (secrets.ts), then anything shaped like a Classifaily API
 * key or a Bearer credential, from a text.
 */
export function redact(text: string): string {
  return redactKnownKeys(text)
    .replace(/cai_(live|test)_[A-Za-z0-9]+/g, 'cai_$1_***')
    .replace(/(Bearer\s+)[^\s"',]+/gi, '$1***');
}

function redactOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : redact(String(text));
}

/**
 * A cause safe to keep: our own errors as they are (already redacted), anything else as a new
 * Error with its message redacted and its network code (ECONNRESET…) kept, and nothing else of it.
 */
function redactedCause(cause: unknown): unknown {
  if (cause instanceof ClassifailyError) return cause;
  const e = cause as { message?: unknown; code?: unknown; cause?: { code?: unknown } } | undefined;
  const copy = new Error(redact(String(e?.message ?? cause)));
  const code = typeof e?.code === 'string' ? e.code : e?.cause?.code;
  return typeof code === 'string' ? Object.assign(copy, { code: redact(code) }) : copy;
}
