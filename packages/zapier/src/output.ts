// What a classification step hands to the next Zap step: core's presentResult, with every
// category's score flattened to its own field (scores__billing) so Filters and Paths can test it.
import type { ClassificationResult, ManyOutcome } from '@classifaily/core';
import { presentResult } from '@classifaily/core';

import { describeFailure } from './errors';
import { scoreKey } from './fields';

export type FlatOutput = Record<string, string | number | boolean>;

export function flattenScores<T extends { scores: Record<string, number> }>(
  output: T,
): Omit<T, 'scores'> & Record<string, number> {
  const { scores, ...rest } = output;
  const flat: Record<string, number> = {};
  for (const [category, score] of Object.entries(scores)) flat[scoreKey(category)] = score;
  return { ...rest, ...flat } as Omit<T, 'scores'> & Record<string, number>;
}

export function classificationOutput(result: ClassificationResult, threshold: number): FlatOutput {
  return flattenScores(presentResult(result, threshold)) as FlatOutput;
}

/** One line item of Classify Batch: the item's result, or its own error. */
export function itemOutput(outcome: ManyOutcome, threshold: number): FlatOutput {
  const head = { index: outcome.index, reference: outcome.id ?? '' };
  if (outcome.ok) return { ...head, ...classificationOutput(outcome.result, threshold) };
  return { ...head, error: describeFailure(outcome.error) };
}
