// RFC 9457 problem details with Classifaily's `code`, and the one place that decides which status a
// failed check gets.
import { problemTypeUrl } from '@classifaily/core';
import type { ErrorObject } from './spec';
import { isMalformedText } from './text-rules';

export const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

export type ProblemCode =
  | 'malformed_json'
  | 'invalid_request'
  | 'validation_failed'
  | 'batch_too_large'
  | 'missing_api_key'
  | 'invalid_api_key'
  | 'revoked_api_key'
  | 'permission_denied'
  | 'not_found'
  | 'schema_not_found'
  | 'idempotency_key_in_use'
  | 'idempotency_key_reused'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal_error'
  | 'service_unavailable'
  | 'method_not_allowed'
  | 'request_timeout'
  | 'headers_too_large';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  request_id: string;
  errors?: FieldError[];
}

const TITLES: Record<ProblemCode, [number, string]> = {
  malformed_json: [400, 'Malformed JSON'],
  invalid_request: [400, 'Invalid request'],
  validation_failed: [422, 'Validation failed'],
  batch_too_large: [422, 'Batch too large'],
  missing_api_key: [401, 'Missing API key'],
  invalid_api_key: [401, 'Invalid API key'],
  revoked_api_key: [401, 'Revoked API key'],
  permission_denied: [403, 'Permission denied'],
  not_found: [404, 'Not found'],
  schema_not_found: [404, 'Schema not found'],
  idempotency_key_in_use: [409, 'Idempotency key in use'],
  idempotency_key_reused: [422, 'Idempotency key reused'],
  payload_too_large: [413, 'Payload too large'],
  unsupported_media_type: [415, 'Unsupported media type'],
  rate_limited: [429, 'Too many requests'],
  internal_error: [500, 'Internal error'],
  service_unavailable: [503, 'Service unavailable'],
  method_not_allowed: [405, 'Method not allowed'],
  request_timeout: [408, 'Request timeout'],
  headers_too_large: [431, 'Request headers too large'],
};

/** An error a route throws to answer with a problem; the error handler turns it into the body. */
export class ProblemError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra response headers, such as Retry-After. */
    readonly headers: Record<string, string> = {},
    status?: number,
  ) {
    super(detail);
    this.status = status ?? TITLES[code][0];
  }
}

export function problemBody(error: ProblemError, requestId: string): Problem {
  return {
    type: problemTypeUrl(error.code),
    title: TITLES[error.code][1],
    status: error.status,
    detail: error.detail,
    code: error.code,
    request_id: requestId,
    ...(error.errors?.length ? { errors: error.errors } : {}),
  };
}

// Keywords that say "this is not the shape the API takes" (400) as opposed to "the shape is right
// but a value breaks a limit" (422). See docs/decisions/0101-validation-status-codes.md.
const LIMIT_KEYWORDS = new Set([
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

/** `/categories/2` → `categories[2]`; a missing or unknown property is named in the path. */
function fieldPath(error: ErrorObject, prefix = ''): string {
  const parts = error.instancePath.split('/').slice(1);
  const extra =
    error.keyword === 'required'
      ? (error.params as { missingProperty: string }).missingProperty
      : error.keyword === 'additionalProperties'
        ? (error.params as { additionalProperty: string }).additionalProperty
        : undefined;
  if (extra !== undefined) parts.push(extra);
  let out = prefix;
  for (const part of parts) {
    const name = part.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(name) ? `[${name}]` : out ? `.${name}` : name;
  }
  return out || '(body)';
}

function message(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return 'is not a field this endpoint accepts';
    case 'required':
      return 'is required';
    case 'uniqueItems':
      return 'must not contain duplicates';
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * Turns validator errors, and the body's text problems (text-rules.ts), into one problem: 400
 * `invalid_request` when any error is about shape, 422 `validation_failed` when every error is a
 * broken limit or an empty text. A text problem replaces the validator's errors on its field ("" is
 * `input_empty`, not `minLength`). `where` names the part of the request.
 */
export function validationProblem(
  errors: ErrorObject[],
  where: 'body' | 'query' | 'path' | 'header',
  textErrors: FieldError[] = [],
): ProblemError {
  // `oneOf`/`anyOf` wrappers and `if` add noise next to the errors that say what is wrong.
  const useful = errors.filter((e) => !['if', 'oneOf', 'anyOf', 'allOf'].includes(e.keyword));
  const textFields = new Set(textErrors.map((e) => e.field));
  const schemaErrors = (useful.length ? useful : errors).filter(
    (e) => !textFields.has(fieldPath(e)),
  );
  const seen = new Set<string>();
  const fieldErrors: FieldError[] = [];
  for (const e of schemaErrors) {
    const field = fieldPath(e);
    const key = `${field}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fieldErrors.push({ field, code: e.keyword, message: message(e) });
  }
  fieldErrors.push(...textErrors);
  // Path, query and header parameters are all-or-nothing shape: their errors are always 400.
  const shape =
    where !== 'body' ||
    schemaErrors.some((e) => !LIMIT_KEYWORDS.has(e.keyword)) ||
    textErrors.some(isMalformedText);
  const fields = fieldErrors.map((f) => `${f.field} ${f.message}`).join('; ');
  const detail =
    where === 'body'
      ? `The request body is not valid: ${fields}.`
      : `The ${where} parameters are not valid: ${fields}.`;
  return new ProblemError(shape ? 'invalid_request' : 'validation_failed', detail, fieldErrors);
}
