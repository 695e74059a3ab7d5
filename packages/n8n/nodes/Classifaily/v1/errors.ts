import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

/**
 * Any error from an operation, as the error n8n shows. Errors that already are n8n's pass through
 * unchanged (a NodeApiError keeps its HTTP status). Phase 2 maps @classifaily/core's typed errors
 * here: message and an actionable description, never the API key.
 */
export function toNodeError(
  node: INode,
  error: unknown,
  itemIndex: number,
): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  return new NodeOperationError(node, error as Error, { itemIndex });
}
