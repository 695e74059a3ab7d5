// One run's results as every output reads them (the terminal summary, --json, the HTML report):
// the figures from core's metrics module, and each row with its answer for the worst mistakes.
import {
  atThreshold,
  DEFAULT_REVIEW_THRESHOLD,
  evaluatePredictions,
  type Evaluation,
  type ThresholdRow,
} from '@classifaily/core';
import type { LabelledRow } from './input';
import type { Answer } from './progress-file';

export interface EvaluatedRow extends LabelledRow {
  predicted: string;
  confidence: number;
  explanation?: string;
}

export interface Results {
  /** The file as the user named it. */
  file: string;
  columns: { text: string; label: string };
  categories: string[];
  /** The saved schema the texts were classified against, if any. */
  schema?: string;
  /** Who answered: the API's base URL, or the local sandbox. */
  api: { sandbox: boolean; baseUrl: string };
  rows: EvaluatedRow[];
  evaluation: Evaluation;
  /** The vendor's rule (0.80), and the recommended threshold's row when there is one. */
  vendorRule: ThresholdRow;
  recommended?: ThresholdRow;
}

export function resultsOf(
  input: Omit<Results, 'rows' | 'evaluation' | 'vendorRule' | 'recommended'>,
  labelled: readonly LabelledRow[],
  answers: ReadonlyArray<Answer | null>,
  targetPrecision: number,
): Results {
  const rows = labelled.map((row, index) => {
    const answer = answers[index];
    if (!answer) throw new Error(`row ${index} has no answer`);
    return {
      ...row,
      predicted: answer.label,
      confidence: answer.confidence,
      ...(answer.explanation === undefined ? {} : { explanation: answer.explanation }),
    };
  });
  const examples = rows.map((row) => ({
    expected: row.label,
    predicted: row.predicted,
    confidence: row.confidence,
  }));
  const evaluation = evaluatePredictions(examples, {
    categories: input.categories,
    targetPrecision,
  });
  const recommended = evaluation.thresholds.find(
    (row) => row.threshold === evaluation.recommendedThreshold,
  );
  return {
    ...input,
    rows,
    evaluation,
    vendorRule: atThreshold(examples, DEFAULT_REVIEW_THRESHOLD),
    ...(recommended ? { recommended } : {}),
  };
}

/** The wrong answers a workflow would most likely have acted on: the most confident first. */
export function worstMistakes(rows: readonly EvaluatedRow[], count: number): EvaluatedRow[] {
  return rows
    .filter((row) => row.predicted !== row.label)
    .sort((a, b) => b.confidence - a.confidence || a.line - b.line)
    .slice(0, count);
}

/** `--json`: exactly the figures the issue names, nothing else. */
export function jsonOf({ evaluation }: Results) {
  const { n, accuracy, perCategory, confusion, thresholds, recommendedThreshold } = evaluation;
  return { n, accuracy, perCategory, confusion, thresholds, recommendedThreshold };
}
