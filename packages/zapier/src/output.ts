// What a classification step hands to the next Zap step: core's presentResult, with every
// category's score flattened to its own field (scores__billing) so Filters and Paths can test it.
// Category names are the user's own ("Billing & Payments"); field keys must be safe identifiers,
// so each name gets a key made of [a-z0-9_] (the name itself when it already is one).
import { createHash } from 'node:crypto';

import {
  positionOf,
  presentResult,
  type ClassificationResult,
  type ManyOutcome,
} from '@classifaily/core';
import type { PlainOutputField } from 'zapier-platform-core';

import { describeFailure } from './errors';

export type FlatOutput = Record<string, string | number | boolean>;

const SCORE_PREFIX = 'scores__';

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents, once NFKD has split them off
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/**
 * The score field key of each category of one list, `scores__<safe name>`. A name that is already
 * a safe key keeps it; another name whose safe form is empty or shared with another category of the
 * list gets a short hash of the exact name, so keys stay unique and do not depend on list order.
 */
export function scoreKeys(categories: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const name of categories) counts.set(slug(name), (counts.get(slug(name)) ?? 0) + 1);
  const keys = new Map<string, string>();
  for (const name of categories) {
    const safe = slug(name);
    const unique = safe === name || (safe !== '' && counts.get(safe) === 1);
    const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
    keys.set(name, `${SCORE_PREFIX}${unique ? safe : `${safe || 'category'}_${hash}`}`);
  }
  return keys;
}

/** One output field per category score, labelled "Scores: <category>". */
export function scoreOutputFields(
  categories: readonly string[],
  scoresLabel: string,
  prefix = '',
): PlainOutputField[] {
  return [...scoreKeys(categories)].map(([category, key]) => ({
    key: `${prefix}${key}`,
    label: `${scoresLabel}: ${category}`,
    type: 'number',
  }));
}

/**
 * `{scores: {billing: 0.9}}` → `{scores__billing: 0.9}`, keys as scoreKeys gives them. An output
 * without scores (the API need not send them) gets no score fields, never zeros.
 */
export function flattenScores<T extends { scores?: Record<string, number> }>(
  output: T,
): Omit<T, 'scores'> & Record<string, number> {
  const { scores = {}, ...rest } = output;
  const keys = scoreKeys(Object.keys(scores));
  const flat: Record<string, number> = {};
  for (const [category, score] of Object.entries(scores)) flat[keys.get(category)!] = score;
  return { ...rest, ...flat } as Omit<T, 'scores'> & Record<string, number>;
}

const hasScores = (
  sample: Record<string, unknown>,
): sample is Record<string, unknown> & { scores: Record<string, number> } =>
  typeof sample.scores === 'object' &&
  sample.scores !== null &&
  Object.values(sample.scores).every((value) => typeof value === 'number');

/** A catalog sample as this app outputs it: its `scores` (if any) flattened. */
export function sampleOutput(sample: Record<string, unknown>): Record<string, unknown> {
  return hasScores(sample) ? flattenScores(sample) : sample;
}

/** `answerId`: a single classification's top-level id, for a result that carries none. */
export function classificationOutput(
  result: ClassificationResult,
  threshold: number,
  answerId?: string,
): FlatOutput {
  return flattenScores(presentResult(result, threshold, answerId)) as FlatOutput;
}

/** One line item of Classify Batch: its position and reference, then its result or its error. */
export function itemOutput(outcome: ManyOutcome, threshold: number): FlatOutput {
  const head = { position: positionOf(outcome.index), reference: outcome.id ?? '' };
  if (outcome.ok) return { ...head, ...classificationOutput(outcome.result, threshold) };
  return { ...head, error: describeFailure(outcome.error) };
}
