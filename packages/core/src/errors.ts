// Typed errors in the style of openai-node: the class is picked from the HTTP status, and each one
// carries the status, the API's machine code, the request id, a plain-words message and a hint that
// says what to do. No error ever holds the API key (see redact()).
import { isRetryableStatus } from './retry';
import type { FieldError, Problem } from './types';

export interface ErrorDetails {
  status?: number;
  code?: string;
  requestId?: string;
  hint?: string;
  fieldErrors?: FieldError[];
  cause?: unknown;
  /** Overrides the class's default (a 409 is retryable only while the idempotency key is in use). */
  retryable?: boolean;
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
  /** What `retryable` is unless the details say otherwise. */
  static readonly retryableByDefault: boolean = false;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.hint = details.hint ?? 'If this keeps happening, contact Classifaily support.';
    this.retryable =
      details.retryable ?? (new.target as typeof ClassifailyError).retryableByDefault;
  }

  /** The message, the hint and the request id in one line, for platforms with one text field. */
  get fullMessage(): string {
    const id = this.requestId ? ` (request ${this.requestId})` : '';
    return `${this.message} ${this.hint}${id}`;
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
export class ValidationError extends ClassifailyError {
  override readonly name = 'ValidationError';
  readonly fieldErrors: FieldError[];
  constructor(message: string, details: ErrorDetails = {}) {
    super(message, details);
    this.fieldErrors = details.fieldErrors ?? [];
  }
}
export class ConflictError extends ClassifailyError {
  override readonly name = 'ConflictError';
  static override readonly retryableByDefault = true;
}
export class RateLimitError extends ClassifailyError {
  override readonly name = 'RateLimitError';
  static override readonly retryableByDefault = true;
  /** How long the server asked us to wait, if it said. */
  readonly retryAfterMs?: number;
  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number } = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
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

/** Plain-words messages by status, used when the server sends no usable detail. */
const FALLBACK: Record<string, { message: string; hint: string }> = {
  auth: {
    message: 'Classifaily did not accept the API key.',
    hint: 'Check the API key in your Classifaily connection (copy it again from the Classifaily dashboard) and reconnect.',
  },
  revoked: {
    message: 'This Classifaily API key has been revoked.',
    hint: 'Create a new API key in the Classifaily dashboard and reconnect with it.',
  },
  permission: {
    message: 'This Classifaily API key is not allowed to do this.',
    hint: 'Use a key with write access, or ask the account owner for one.',
  },
  notFound: {
    message: 'Classifaily could not find what was asked for.',
    hint: 'Check the schema ID, or pick the schema again from the list.',
  },
  validation: {
    message: 'Classifaily could not accept the request.',
    hint: 'Check the fields named in the error and try again.',
  },
  conflict: {
    message: 'The same request is still being processed.',
    hint: 'Wait a few seconds and try again.',
  },
  rateLimit: {
    message: 'Too many requests to Classifaily: the rate limit was reached.',
    hint: 'Slow down: process fewer items at once, lower the concurrency, or wait a minute and retry.',
  },
  server: {
    message: 'Classifaily had a temporary problem.',
    hint: 'This is temporary: try again in a few minutes.',
  },
};

/** Builds the typed error for an HTTP error response, from its problem+json body if it has one. */
export function errorFromResponse(
  status: number,
  problem: Partial<Problem> | undefined,
  requestId: string | undefined,
  retryAfterMs?: number,
): ClassifailyError {
  const details: ErrorDetails = {
    status,
    code: problem?.code,
    requestId: problem?.request_id ?? requestId,
    fieldErrors: problem?.errors,
    retryable: isRetryableStatus(status, problem?.code),
  };
  const detail = problem?.detail ? redact(problem.detail) : undefined;
  const kind = errorKind(status, problem?.code);
  const fallback = FALLBACK[kind.fallback]!;
  // A 5xx detail is for operators; the user needs to know it is temporary.
  const message = kind.Class === ServerError ? fallback.message : (detail ?? fallback.message);
  const hint = fallback.hint;
  if (kind.Class === RateLimitError)
    return new RateLimitError(message, { ...details, hint, retryAfterMs });
  if (kind.Class === ValidationError)
    return new ValidationError(describeFieldErrors(message, problem?.errors), { ...details, hint });
  return new kind.Class(message, { ...details, hint });
}

type ErrorClass = new (message: string, details: ErrorDetails) => ClassifailyError;

/** Which class and which plain-words fallback an HTTP error status gets. */
function errorKind(
  status: number,
  code: string | undefined,
): { Class: ErrorClass; fallback: string } {
  if (status === 401)
    return {
      Class: AuthenticationError,
      fallback: code === 'revoked_api_key' ? 'revoked' : 'auth',
    };
  if (status === 403) return { Class: PermissionDeniedError, fallback: 'permission' };
  if (status === 404) return { Class: NotFoundError, fallback: 'notFound' };
  if (status === 409) return { Class: ConflictError, fallback: 'conflict' };
  if (status === 429) return { Class: RateLimitError, fallback: 'rateLimit' };
  if (status >= 500 || status === 408) return { Class: ServerError, fallback: 'server' };
  return { Class: ValidationError, fallback: 'validation' };
}

function describeFieldErrors(message: string, errors: FieldError[] | undefined): string {
  if (!errors?.length) return message;
  const list = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return message.includes(list) ? message : `${message} (${list})`;
}

/** Removes anything shaped like a Classifaily API key or a Bearer credential from a text. */
export function redact(text: string): string {
  return text
    .replace(/cai_(live|test)_[A-Za-z0-9]+/g, 'cai_$1_***')
    .replace(/(Bearer\s+)[^\s"',]+/gi, '$1***');
}
