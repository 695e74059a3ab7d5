// The error directive: Make's error type by HTTP status, and the message Make shows. Which status is
// which kind of error, and the plain-words fallback text, come from core's errorFromResponse, so
// the Make app says exactly what the n8n and Zapier integrations say.
import { errorFromResponse } from '@classifaily/core';
import type { MakeErrorDirective, MakeErrorSpec, MakeErrorType } from '../make-format';
import { iml, imlString } from './iml';

/** Every error status the contract declares, plus the gateway statuses a proxy may add. */
export const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 502, 503, 504];

/** Core's error classes onto Make's error types (Make retries ConnectionError and RateLimitError). */
const MAKE_TYPE_BY_CORE_ERROR: Record<string, MakeErrorType> = {
  AuthenticationError: 'InvalidAccessTokenError',
  PermissionDeniedError: 'InvalidConfigurationError',
  NotFoundError: 'DataError',
  ValidationError: 'DataError',
  ConflictError: 'ConnectionError',
  RateLimitError: 'RateLimitError',
  ServerError: 'ConnectionError',
};

/** " (request req_…)" when the problem names its request id, so users can quote it to support. */
const REQUEST_ID = iml(`if(body.request_id, ' (request ' + body.request_id + ')', '')`);

export function errorSpecFor(status: number): MakeErrorSpec {
  const error = errorFromResponse(status, undefined, undefined);
  const type = MAKE_TYPE_BY_CORE_ERROR[error.name];
  if (!type) throw new Error(`No Make error type for ${error.name}`);
  // A 5xx detail is for operators (core does the same): say it is temporary.
  const message =
    error.name === 'ServerError'
      ? error.message
      : iml(`ifempty(body.detail, ${imlString(error.message)})`);
  return { type, message: `${message} ${error.hint}${REQUEST_ID}` };
}

export function errorDirective(): MakeErrorDirective {
  const directive: MakeErrorDirective = {
    type: 'RuntimeError',
    message: `[${iml('statusCode')}] ${iml('ifempty(body.detail, body.title)')}${REQUEST_ID}`,
  };
  for (const status of ERROR_STATUSES) directive[String(status)] = errorSpecFor(status);
  return directive;
}
