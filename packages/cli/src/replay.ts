// The replay rule as the CLI applies it: a batch's Idempotency-Key comes from its content, so that
// running the same file with the same options again sends the same keys and the API answers from
// what it kept instead of billing the texts again (within its idempotency window; decision 0602).
// The one place the CLI makes keys: when core's replay rule (issue 23) lands, only this changes.
import { stableIdempotencyKeys, type ClassifyBatchRequest } from '@classifaily/core';

/** A key maker for one run of `classifaily evaluate`; equal batches in one run are told apart by order. */
export function replayKeys(): (body: ClassifyBatchRequest) => Promise<string> {
  return stableIdempotencyKeys({ prefix: 'classifaily-cli', scope: ['cli', 'evaluate'] });
}
