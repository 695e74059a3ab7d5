import {
  AuthenticationError,
  ClassifailyError,
  formatError,
  PermissionDeniedError,
  RateLimitError,
  redact,
} from '@classifaily/core';
import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

// Where to act in n8n, added to core's plain-words hint for the errors a user fixes in n8n itself.
const IN_N8N: Array<[new (...args: never[]) => ClassifailyError, string]> = [
  [
    AuthenticationError,
    // Core's hint already says to reconnect; this says where that is in n8n, without repeating it.
    "In n8n: open this node's Classifaily API credential, paste the key and save.",
  ],
  [
    PermissionDeniedError,
    'In n8n: select a credential whose key may write, or create one with such a key.',
  ],
  [
    RateLimitError,
    "In n8n: lower Concurrency in this node's options, or turn on Retry On Fail in its settings with a wait of a minute.",
  ],
];

/** What the user reads under the message: the fields, what to do (in n8n too), the request id. */
export function describe(error: ClassifailyError): string {
  const advice = IN_N8N.find(([type]) => error instanceof type)?.[1];
  return formatError(error, { message: false, advice });
}

/**
 * Any error from an operation, as the error n8n shows. n8n's own errors pass through unchanged.
 * Core's errors become a NodeApiError when the API answered (it keeps the HTTP status) and a
 * NodeOperationError when it did not (validation before sending, connection, timeout). Core's
 * errors never hold the key (the client never sees it here); messages are redacted once more anyway.
 */
export function toNodeError(
  node: INode,
  error: unknown,
  itemIndex?: number,
): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  if (error instanceof ClassifailyError) {
    const message = redact(error.message);
    const description = redact(describe(error));
    if (error.status !== undefined) {
      const response: JsonObject = { message, status: error.status };
      if (error.code) response.code = error.code;
      if (error.requestId) response.request_id = error.requestId;
      return new NodeApiError(node, response, {
        message,
        description,
        httpCode: String(error.status),
        itemIndex,
      });
    }
    return new NodeOperationError(node, message, { description, itemIndex });
  }
  const plain = error instanceof Error ? error : new Error(String(error));
  return new NodeOperationError(node, plain, { itemIndex });
}

/** The error as one line for an item's `error` field (continue on fail / error output). */
export function errorText(error: NodeApiError | NodeOperationError): string {
  return error.description ? `${error.message} ${error.description}` : error.message;
}
