// What a classification step hands to the rest of the workflow, shaped the same on every platform.
import { needsReview, DEFAULT_REVIEW_THRESHOLD } from '../review';
import type { Classification, ClassificationResult } from '../types';
import { schemaCategories } from './fields';
import type { OutputFieldSpec } from './types';

/** The fields of one classified item, as every adapter outputs them. */
export interface ClassificationOutput {
  /**
   * The classification's id: the result's own (`result.id`), else the answer's top-level `id` (the
   * one the vendor documents). Left out when the answer has neither (a batch item of an API without
   * `result.id`): never invented.
   */
  id?: string;
  label: string;
  confidence: number;
  explanation?: string;
  needs_review: boolean;
  /** Every category's confidence, only when the API sends them (an assumption): never zeros. */
  scores?: Record<string, number>;
}

/** One item of a batch step: its position and reference, and its result or why it failed. */
export type ClassifiedItemOutput = { index: number; reference?: string } & (
  ClassificationOutput | { error: string }
);

/**
 * The position a person sees for the item at the API's `index` (from 0): positions count from 1 on
 * every platform, as people count and as Make numbers bundles (decision 0416).
 */
export const positionOf = (index: number) => index + 1;

/**
 * One result as every adapter outputs it. `answerId` is the top-level `id` of a single
 * classification's answer, used when the result carries no id of its own.
 */
export function presentResult(
  result: ClassificationResult,
  threshold: number = DEFAULT_REVIEW_THRESHOLD,
  answerId?: string,
): ClassificationOutput {
  const id = result.id ?? answerId;
  return {
    ...(id ? { id } : {}),
    label: result.label,
    confidence: result.confidence,
    ...(result.explanation ? { explanation: result.explanation } : {}),
    needs_review: needsReview(result.confidence, threshold),
    ...(result.scores ? { scores: result.scores } : {}),
  };
}

/** A single classification's answer as every adapter outputs it (its id read where it is). */
export const presentClassification = (
  answer: Classification,
  threshold: number = DEFAULT_REVIEW_THRESHOLD,
): ClassificationOutput => presentResult(answer.result, threshold, answer.id);

export const classificationOutputFields: readonly OutputFieldSpec[] = [
  {
    key: 'id',
    label: 'Classification ID',
    type: 'string',
    help: "The classification's ID (cls_…), to quote to support.",
  },
  { key: 'label', label: 'Label', type: 'string', help: 'The chosen category.' },
  {
    key: 'confidence',
    label: 'Confidence',
    type: 'number',
    help: 'How sure the classifier is, from 0 to 1.',
  },
  {
    key: 'explanation',
    label: 'Explanation',
    type: 'string',
    help: 'One or two sentences on why (only when Explain is on).',
  },
  {
    key: 'needs_review',
    label: 'Needs Review',
    type: 'boolean',
    help: 'True when the confidence is below the review threshold: send the item to a person.',
  },
  {
    key: 'scores',
    label: 'Scores',
    type: 'object',
    help: "Every category's confidence, by category name. Only when the Classifaily API sends them: its documentation does not promise scores, so this field may be missing. To route on scores, also handle the case without them, or route on Label, Confidence or Needs Review, which always come.",
    needs: 'scores',
  },
];

export const itemOutputFields: readonly OutputFieldSpec[] = [
  {
    key: 'index',
    label: 'Position',
    type: 'number',
    help: "The item's position in the list: 1 for the first item.",
  },
  {
    key: 'reference',
    label: 'Reference',
    type: 'string',
    help: 'The reference you gave the item.',
  },
  ...classificationOutputFields,
  {
    key: 'error',
    label: 'Error',
    type: 'string',
    help: 'Why this item could not be classified (the other items are not affected).',
  },
];

export const schemaOutputFields: readonly OutputFieldSpec[] = [
  { key: 'id', label: 'Schema ID', type: 'string', help: "The schema's ID (sch_…)." },
  { key: 'name', label: 'Name', type: 'string', help: "The schema's name." },
  {
    key: 'categories',
    label: 'Categories',
    type: 'array',
    help: 'The categories, each with a name and an optional description.',
    children: schemaCategories.children,
  },
  {
    key: 'created_at',
    label: 'Created At',
    type: 'string',
    help: 'When the schema was saved (ISO 8601).',
    format: 'date-time',
  },
];
