// The replay rule as the CLI applies it: a batch's Idempotency-Key comes from its content, so that
// running the same file with the same options again sends the same keys and the API answers from
// what it kept instead of billing the texts again (within its idempotency window; decision 0602).
// The one place the CLI makes keys, from core's replay rule (decision 0017): the CLI's "workflow" is
// `evaluate`, its step the classification.
import { replayKeys as coreReplayKeys, type ClassifyBatchRequest } from '@classifaily/core';

export interface ReplayKeys {
  /** The key of a batch about to go out (classifyMany's `idempotencyKeys`). */
  keyFor(body: ClassifyBatchRequest): Promise<string>;
  /** A new round: new batches, new keys. */
  nextRound(): void;
}

/** The keys of one run of `classifaily evaluate`; equal batches in one run are told apart by order. */
export function replayKeys(): ReplayKeys {
  const make = coreReplayKeys({
    platform: 'classifaily-cli',
    workflow: ['evaluate'],
    step: 'classify',
  }).classification;
  // This round's keys by batch content, and how many of each were asked for in this attempt.
  let issued = new Map<string, Array<Promise<string>>>();
  let asked = new Map<string, number>();
  return {
    keyFor(body) {
      const content = JSON.stringify(body);
      const nth = asked.get(content) ?? 0;
      asked.set(content, nth + 1);
      const keys = issued.get(content) ?? [];
      issued.set(content, keys);
      return (keys[nth] ??= make(body));
    },
    nextRound: () => {
      issued = new Map();
      asked = new Map();
    },
  };
}
