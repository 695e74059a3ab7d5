// Accuracy of the classifier on a labelled set (data/labelled.json): used by the accuracy test and
// by scripts/accuracy.mjs, which prints the figures for the README.
import { classify } from './classifier';

export interface LabelledSet {
  sets: Record<string, string[]>;
  examples: Array<{ set: string; label: string; input: string }>;
}

export interface AccuracyRow {
  set: string;
  total: number;
  correct: number;
  accuracy: number;
  /** Predictions at or above the 0.80 review threshold, and how many of those were right. */
  confident: number;
  confidentCorrect: number;
}

export function evaluate(data: LabelledSet): {
  rows: AccuracyRow[];
  misses: Array<{ set: string; input: string; expected: string; got: string; confidence: number }>;
} {
  const rows = new Map<string, AccuracyRow>();
  const misses = [];
  const all: AccuracyRow = {
    set: 'all',
    total: 0,
    correct: 0,
    accuracy: 0,
    confident: 0,
    confidentCorrect: 0,
  };
  for (const example of data.examples) {
    const categories = (data.sets[example.set] ?? []).map((name) => ({ name }));
    const prediction = classify(example.input, categories, false);
    const row = rows.get(example.set) ?? {
      set: example.set,
      total: 0,
      correct: 0,
      accuracy: 0,
      confident: 0,
      confidentCorrect: 0,
    };
    rows.set(example.set, row);
    const right = prediction.label === example.label;
    const confident = prediction.confidence >= 0.8;
    for (const r of [row, all]) {
      r.total += 1;
      r.correct += right ? 1 : 0;
      r.confident += confident ? 1 : 0;
      r.confidentCorrect += confident && right ? 1 : 0;
    }
    if (!right) {
      misses.push({
        set: example.set,
        input: example.input,
        expected: example.label,
        got: prediction.label,
        confidence: prediction.confidence,
      });
    }
  }
  const list = [...rows.values(), all];
  for (const r of list) r.accuracy = r.total ? r.correct / r.total : 0;
  return { rows: list, misses };
}
