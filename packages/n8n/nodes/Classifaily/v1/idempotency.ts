import type { ClassifyBatchRequest } from '@classifaily/core';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Idempotency keys for the batches of one node run that n8n reproduces when it runs the same work
 * again (Retry On Fail re-runs the node with the same input in the same execution): the same
 * batch gets the same key, so Classifaily answers it from its store instead of billing it twice.
 *
 * A key is derived from what stays the same: the n8n instance, workflow, execution and node, the
 * batch's content, and how many identical batches this run sent before it (two equal batches in
 * one run are two pieces of work). Different content never shares a key, so a re-run whose items
 * changed is billed as new work, not refused. Without an execution id there is nothing stable to
 * derive from, and the client makes a random key per request as before (decision 0211).
 */
export function stableBatchKeys(
  context: IExecuteFunctions,
): (body: ClassifyBatchRequest) => Promise<string | undefined> {
  const executionId = context.getExecutionId?.();
  if (!executionId) return async () => undefined;
  const scope = [
    'classifaily-n8n',
    context.getInstanceId?.() ?? '',
    context.getWorkflow?.().id ?? '',
    executionId,
    context.getNode().id ?? context.getNode().name,
  ];
  const sent = new Map<string, number>();
  return async (body) => {
    const content = JSON.stringify(body);
    // Counted at once, in the order the batches are sent, before anything is awaited.
    const ordinal = sent.get(content) ?? 0;
    sent.set(content, ordinal + 1);
    const digest = await sha256Hex(JSON.stringify([...scope, ordinal, content]));
    return `n8n-${executionId}-${digest.slice(0, 48)}`;
  };
}

async function sha256Hex(text: string): Promise<string> {
  // Web Crypto: a global of every Node that n8n runs on, no import needed.
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
