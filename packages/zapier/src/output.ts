// What a classification step hands to the next Zap step: core's presentResult, with every
// category's score flattened to its own field by core (scores__billing) so Filters and Paths can
// test it; Zapier's own sha256 keeps the keys of look-alike names apart.
import { createHash } from 'node:crypto';

import {
  failureText,
  flatScores,
  positionOf,
  presentResult,
  type ClassificationResult,
  type ManyOutcome,
} from '@classifaily/core';

export type FlatOutput = Record<string, string | number | boolean>;

export const scores = flatScores((text) => createHash('sha256').update(text).digest('hex'));

/** `answerId`: a single classification's top-level id, for a result that carries none. */
export const classificationOutput = (
  result: ClassificationResult,
  threshold: number,
  answerId?: string,
) => scores.flatten({ ...presentResult(result, threshold, answerId) }) as FlatOutput;

/** One line item of Classify Batch: its position and reference, then its result or its error. */
export function itemOutput(outcome: ManyOutcome, threshold: number): FlatOutput {
  const head = { position: positionOf(outcome.index), reference: outcome.id ?? '' };
  if (outcome.ok) return { ...head, ...classificationOutput(outcome.result, threshold) };
  return { ...head, error: failureText(outcome.error, 'zapier') };
}
