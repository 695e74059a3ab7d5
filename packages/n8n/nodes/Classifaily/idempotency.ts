import { replayKeys, type ReplayKeys } from '@classifaily/core';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The replay rule's keys for one node run (decision 0017): a classification's key comes from the n8n
 * instance, the workflow, the node and the batch's body, never the execution, so a re-run — Retry
 * On Fail, Retry from the executions list, a run on pinned data — is answered from the API's store
 * instead of billed again. A schema create or delete also takes the execution id: a later run is
 * a new write.
 */
export function nodeReplayKeys(context: IExecuteFunctions): ReplayKeys {
  const node = context.getNode();
  return replayKeys({
    platform: 'n8n',
    workflow: [context.getInstanceId?.() ?? '', context.getWorkflow?.().id ?? ''],
    step: node.id ?? node.name,
    run: context.getExecutionId?.() || undefined,
  });
}
