// How good a set of classifications is, against the labels a person gave: accuracy, per-category
// precision/recall/F1, the confusion matrix, and the threshold table that tells a user where to put
// their Review Threshold. One module, used by `classifaily evaluate`, the sandbox classifier's
// development-set report and the docs' accuracy examples, so a figure means the same everywhere.
import { DEFAULT_REVIEW_THRESHOLD, needsReview } from './review';

/** One labelled text and what the classifier said of it. */
export interface ScoredExample {
  /** The label a person gave. */
  expected: string;
  /** The label the classifier gave. */
  predicted: string;
  /** The classifier's confidence in `predicted`, in [0, 1]. */
  confidence: number;
}

export interface CategoryFigures {
  /** Of the texts given this label, the share that had it. `null` when no text was given it. */
  precision: number | null;
  /** Of the texts that had this label, the share given it. `null` when no text had it. */
  recall: number | null;
  /** The harmonic mean of the two; `null` when either is `null`, 0 when both are 0. */
  f1: number | null;
  /** How many texts had this label. */
  support: number;
}

export interface ThresholdRow {
  threshold: number;
  /** The share of all texts acted on automatically: confidence ≥ threshold. */
  coverage: number;
  /** The accuracy of that share; `null` where nothing is acted on. */
  precision: number | null;
}

export interface Evaluation {
  n: number;
  /** `null` for an empty set. */
  accuracy: number | null;
  perCategory: Record<string, CategoryFigures>;
  /** `confusion[expected][predicted]`: how many texts with label `expected` were given `predicted`. */
  confusion: Record<string, Record<string, number>>;
  thresholds: ThresholdRow[];
  /** The lowest threshold in the table whose precision meets the target; `null` when none does. */
  recommendedThreshold: number | null;
  targetPrecision: number;
}

export interface EvaluateOptions {
  /**
   * Every category, in the order the user gave them: rows and columns of the confusion matrix, keys
   * of `perCategory`. Labels seen in the examples but not named here are added after them, in the
   * order they first appear.
   */
  categories?: readonly string[];
  /** What precision the recommended threshold must reach. Default 0.95. */
  targetPrecision?: number;
}

export const DEFAULT_TARGET_PRECISION = 0.95;

/**
 * The thresholds a user can choose: 0.50 to 0.99 in steps of 0.01. Counted in hundredths, so that
 * every value is the exact decimal a user types (0.8, not 0.8000000000000003).
 */
export const THRESHOLDS: readonly number[] = Array.from({ length: 50 }, (_, k) => (50 + k) / 100);

export function evaluatePredictions(
  examples: readonly ScoredExample[],
  options: EvaluateOptions = {},
): Evaluation {
  const targetPrecision = options.targetPrecision ?? DEFAULT_TARGET_PRECISION;
  const categories = categoryOrder(examples, options.categories ?? []);
  const confusion = confusionMatrix(examples, categories);
  const n = examples.length;
  const right = examples.filter(isRight).length;
  const thresholds = thresholdTable(examples);
  return {
    n,
    accuracy: n === 0 ? null : right / n,
    perCategory: Object.fromEntries(
      categories.map((category) => [category, categoryFigures(category, categories, confusion)]),
    ),
    confusion,
    thresholds,
    recommendedThreshold: recommendThreshold(thresholds, targetPrecision),
    targetPrecision,
  };
}

/** One row per threshold in `THRESHOLDS` (or those given). Acted on: `!needsReview(confidence, t)`. */
export function thresholdTable(
  examples: readonly ScoredExample[],
  thresholds: readonly number[] = THRESHOLDS,
): ThresholdRow[] {
  return thresholds.map((threshold) => {
    const acted = examples.filter((example) => !needsReview(example.confidence, threshold));
    return {
      threshold,
      coverage: examples.length === 0 ? 0 : acted.length / examples.length,
      precision: acted.length === 0 ? null : acted.filter(isRight).length / acted.length,
    };
  });
}

export function recommendThreshold(
  rows: readonly ThresholdRow[],
  targetPrecision: number = DEFAULT_TARGET_PRECISION,
): number | null {
  const row = rows.find((r) => r.precision !== null && r.precision >= targetPrecision);
  return row ? row.threshold : null;
}

/** The row of the table at a threshold (the vendor's 0.80 by default), computed alone. */
export function atThreshold(
  examples: readonly ScoredExample[],
  threshold: number = DEFAULT_REVIEW_THRESHOLD,
): ThresholdRow {
  return thresholdTable(examples, [threshold])[0]!;
}

function isRight(example: ScoredExample): boolean {
  return example.expected === example.predicted;
}

function categoryOrder(examples: readonly ScoredExample[], given: readonly string[]): string[] {
  const order = new Set(given);
  for (const example of examples) {
    order.add(example.expected);
    order.add(example.predicted);
  }
  return [...order];
}

function confusionMatrix(
  examples: readonly ScoredExample[],
  categories: readonly string[],
): Record<string, Record<string, number>> {
  const matrix: Record<string, Record<string, number>> = {};
  for (const expected of categories) {
    matrix[expected] = Object.fromEntries(categories.map((predicted) => [predicted, 0]));
  }
  for (const { expected, predicted } of examples) matrix[expected]![predicted]! += 1;
  return matrix;
}

function categoryFigures(
  category: string,
  categories: readonly string[],
  confusion: Record<string, Record<string, number>>,
): CategoryFigures {
  const truePositives = confusion[category]![category]!;
  const support = sum(categories.map((predicted) => confusion[category]![predicted]!));
  const given = sum(categories.map((expected) => confusion[expected]![category]!));
  const precision = given === 0 ? null : truePositives / given;
  const recall = support === 0 ? null : truePositives / support;
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
