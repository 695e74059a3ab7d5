import {
  ClassifailyError,
  failureText,
  outcomeOf,
  redact,
  type OutcomeKind,
} from '@classifaily/core';
import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/**
 * Core's outcome (decision 0016) as n8n's error: a NodeApiError with this HTTP code for what the
 * API decided, a NodeOperationError for what the user fixes in the node or a stopped run.
 */
const NATIVE: Record<OutcomeKind, string | undefined> = {
  reauthenticate: '401',
  permission: '403',
  'not-found': '404',
  throttle: '429',
  temporary: '503',
  'fix-input': undefined,
  cancelled: undefined,
};

/**
 * Any error from an operation, as the error n8n shows. n8n's own errors pass through unchanged; so
 * does what is not core's to judge (a bug), as a NodeOperationError. The description is core's
 * words for n8n (fields, hint, where to act, request id), redacted once more.
 */
export function toNodeError(
  node: INode,
  error: unknown,
  itemIndex?: number,
): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  const outcome = outcomeOf(error);
  if (!(error instanceof ClassifailyError) || !outcome) {
    const plain = error instanceof Error ? error : new Error(String(error));
    return new NodeOperationError(node, plain, { itemIndex });
  }
  const message = redact(error.message);
  const description = redact(failureText(error, 'n8n', { message: false }));
  // The API's own error status where it sent one; else the outcome's (a bad 200 is temporary: 503).
  const status = error.status !== undefined && error.status >= 400 ? error.status : undefined;
  const httpCode = NATIVE[outcome.kind] && String(status ?? NATIVE[outcome.kind]);
  if (!httpCode) return new NodeOperationError(node, message, { description, itemIndex });
  const response: JsonObject = { message, status: Number(httpCode) };
  if (error.code) response.code = error.code;
  if (error.requestId) response.request_id = error.requestId;
  return new NodeApiError(node, response, { message, description, httpCode, itemIndex });
}

/** The error as one line for an item's `error` field (continue on fail / error output). */
export function errorText(error: NodeApiError | NodeOperationError): string {
  return error.description ? `${error.message} ${error.description}` : error.message;
}
