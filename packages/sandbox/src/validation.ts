// Checks a request against its operation in the spec (headers, path, query, body), and a response
// against the spec's response for its status.
import type { FastifyRequest } from 'fastify';
import { LIMITS } from '@classifaily/core';
import type { CompiledOperation } from './spec';
import { ProblemError, validationProblem } from './problems';
import { textProblems } from './text-rules';

export function validateRequest(op: CompiledOperation, request: FastifyRequest): void {
  const { header, path, query } = op.params;
  if (header && !header(request.headers)) throw validationProblem(header.errors ?? [], 'header');
  if (path && !path(request.params)) throw validationProblem(path.errors ?? [], 'path');
  const values = request.query as Record<string, unknown>;
  for (const name of op.queryIntegers) {
    const v = values[name];
    if (typeof v === 'string' && /^-?\d{1,15}$/.test(v)) values[name] = Number(v);
  }
  if (query && !query(values)) throw validationProblem(query.errors ?? [], 'query');
  if (query) {
    // A query parameter the operation does not define is a typo the caller wants to hear about.
    const known = new Set(op.queryNames);
    const unknown = Object.keys(request.query as object).filter((k) => !known.has(k));
    if (unknown.length) {
      throw new ProblemError(
        'invalid_request',
        `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
        unknown.map((field) => ({
          field,
          code: 'additionalProperties',
          message: 'is not a parameter this endpoint accepts',
        })),
      );
    }
  }
  if (!op.body) return;
  if (request.body === undefined) {
    if (op.bodyRequired) {
      throw new ProblemError(
        'invalid_request',
        'This endpoint needs a JSON body (Content-Type: application/json).',
        [{ field: '(body)', code: 'required', message: 'is required' }],
      );
    }
    return;
  }
  const items = (request.body as { items?: unknown } | null)?.items;
  if (
    op.operationId === 'classifyBatch' &&
    Array.isArray(items) &&
    items.length > LIMITS.batchMaxItems
  ) {
    throw new ProblemError(
      'batch_too_large',
      `A batch holds at most ${LIMITS.batchMaxItems} items; this one has ${items.length}. Split it into several requests.`,
      [
        {
          field: 'items',
          code: 'maxItems',
          message: `must have at most ${LIMITS.batchMaxItems} items`,
        },
      ],
    );
  }
  const textErrors = textProblems(op.operationId, request.body);
  if (!op.body(request.body) || textErrors.length)
    throw validationProblem(op.body.errors ?? [], 'body', textErrors);
}

/** What is wrong with a response, by the spec, or undefined when it conforms. */
export function responseMismatch(
  op: CompiledOperation,
  status: number,
  body: unknown,
): string | undefined {
  const response = op.responses[String(status)];
  if (!response) return `status ${status} is not a documented response of ${op.operationId}`;
  if (response.body && !response.body(body)) {
    return `${op.operationId} ${status}: ${JSON.stringify(response.body.errors)}`;
  }
  return undefined;
}
