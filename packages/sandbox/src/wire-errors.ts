// Answers for what goes wrong below the routes: errors Fastify raises (bad percent-encoding, a body
// it cannot read) and errors Node's HTTP server raises before there is a request at all (headers
// over 16 KiB, a request not sent in time, a request line it cannot parse). Each is problem+json
// with a true code and an X-Request-Id, like every other answer.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError } from 'fastify';
import { LIMITS } from '@classifaily/core';
import { PROBLEM_JSON, ProblemError, problemBody } from './problems';

/** The problem for any error that reaches Fastify's error handler. */
export function toProblem(error: FastifyError | ProblemError): ProblemError {
  if (error instanceof ProblemError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError(
        'unsupported_media_type',
        'Send the body as JSON, with Content-Type: application/json.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError(
        'payload_too_large',
        `The body is larger than ${LIMITS.requestBodyMaxBytes} bytes.`,
      );
    case 'FST_ERR_BAD_URL':
      return new ProblemError(
        'invalid_request',
        'The path is not valid percent-encoding (a "%" must be followed by two hex digits of UTF-8).',
      );
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return new ProblemError('invalid_request', 'The request could not be read.');
  return new ProblemError('internal_error', 'Something failed in the sandbox. Retrying is safe.');
}

/** The problem for an error Node's HTTP server raises on a connection. */
function clientProblem(error: NodeJS.ErrnoException): ProblemError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ProblemError(
        'request_timeout',
        'The request was not sent in time; send the headers and the body without long pauses.',
      );
    case 'HPE_HEADER_OVERFLOW':
      return new ProblemError(
        'headers_too_large',
        'The request line and headers are over 16 KiB; send long values in a JSON body instead.',
      );
    default:
      return new ProblemError('invalid_request', 'The request is not valid HTTP/1.1.');
  }
}

/**
 * Fastify's `clientErrorHandler`: writes the problem on the raw socket (there is no request object
 * yet, or no longer one), then closes it, as Node's own handler does.
 */
export function clientErrorHandler(newRequestId: () => string) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) {
      const requestId = newRequestId();
      const problem = clientProblem(error);
      const body = JSON.stringify(problemBody(problem, requestId));
      socket.write(
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
          `Content-Type: ${PROBLEM_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}
