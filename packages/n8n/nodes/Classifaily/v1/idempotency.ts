import { stableIdempotencyKeys, type ClassifyBatchRequest } from '@classifaily/core';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Idempotency keys for the batches of one node run that n8n reproduces when it runs the same work
 * again (Retry On Fail re-runs the node with the same input in the same execution): the same
 * batch gets the same key, so Classifaily answers it from its store instead of billing it twice.
 *
 * Core's stableIdempotencyKeys derives them from what stays the same — here the n8n instance,
 * workflow, execution and node — and the batch's content (two equal batches in one run are two
 * pieces of work). Without an execution id there is nothing stable to derive from, and the client
 * makes a random key per request as before (decision 0211).
 */
export function stableBatchKeys(
  context: IExecuteFunctions,
): (body: ClassifyBatchRequest) => Promise<string | undefined> {
  const executionId = context.getExecutionId?.();
  if (!executionId) return async () => undefined;
  return stableIdempotencyKeys({
    prefix: `n8n-${executionId}`,
    scope: [
      'classifaily-n8n',
      context.getInstanceId?.() ?? '',
      context.getWorkflow?.().id ?? '',
      executionId,
      context.getNode().id ?? context.getNode().name,
    ],
  });
}
