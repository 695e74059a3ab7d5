// The terminal summary: the same figures as --json, for a person. The answer first (the threshold
// to type into the Review Threshold field), then the tables it comes from.
import { DEFAULT_REVIEW_THRESHOLD, THRESHOLDS, type ThresholdRow } from '@classifaily/core';
import { worstMistakes, type Results } from './results';

/** Wrong answers listed in the terminal (the report lists more). */
const MISTAKES_SHOWN = 5;
/** Past this many categories the confusion matrix is too wide for a terminal: --out has it. */
const MATRIX_MAX_CATEGORIES = 8;

export const percent = (value: number | null): string =>
  value === null ? '–' : `${(value * 100).toFixed(1)}%`;
export const decimal = (value: number | null): string => (value === null ? '–' : value.toFixed(2));

/** How many of `n` texts a share stands for (a share of n is k/n exactly; rounding undoes the float). */
export const countOf = (share: number, n: number): number => Math.round(share * n);

export function apiName({ api }: Pick<Results, 'api'>): string {
  return api.sandbox ? 'the local sandbox (not Classifaily’s model)' : api.baseUrl;
}

/** One sentence on the recommendation, or on why there is none. */
export function verdict(results: Results): string {
  const { evaluation, recommended } = results;
  const { n, targetPrecision } = evaluation;
  if (recommended) {
    const acted = countOf(recommended.coverage, n);
    const others = n - acted;
    return `Set Review Threshold to ${decimal(recommended.threshold)} for at least ${percent(targetPrecision)} precision: ${acted} of the ${n} texts (${percent(recommended.coverage)}) are then acted on automatically and ${percent(recommended.precision)} of those are right; ${others === 0 ? 'none goes' : others === 1 ? 'the other one goes' : `the other ${others} go`} to a person.`;
  }
  const best = bestPrecision(evaluation.thresholds);
  return `No threshold from ${decimal(THRESHOLDS[0]!)} to ${decimal(THRESHOLDS[THRESHOLDS.length - 1]!)} reaches ${percent(targetPrecision)} precision on these texts${best ? ` (the best is ${percent(best.precision)}, at ${decimal(best.threshold)})` : ''}: send every text to a person, lower --target-precision, or evaluate more texts.`;
}

/** Below this many texts, a figure can move a lot with one more text: the summary says so. */
const FEW_TEXTS = 100;

/** A word of caution for a small set, or undefined. */
export function caution({ evaluation }: Pick<Results, 'evaluation'>): string | undefined {
  return evaluation.n < FEW_TEXTS
    ? `These are only ${evaluation.n} texts: one more mistake can move the figures a lot. Label a few hundred for a threshold you can rely on.`
    : undefined;
}

/** The lowest threshold with the highest precision reached, if any text is ever acted on. */
function bestPrecision(rows: readonly ThresholdRow[]): ThresholdRow | undefined {
  return rows.reduce<ThresholdRow | undefined>(
    (best, row) =>
      row.precision !== null && (best === undefined || row.precision > best.precision!)
        ? row
        : best,
    undefined,
  );
}

/** The thresholds a summary shows: every 0.05, the vendor's rule, the recommendation, the last. */
function summaryThresholds(results: Results): ThresholdRow[] {
  const shown = new Set([DEFAULT_REVIEW_THRESHOLD, results.evaluation.recommendedThreshold]);
  return results.evaluation.thresholds.filter(
    (row, index, all) =>
      Math.round(row.threshold * 100) % 5 === 0 ||
      shown.has(row.threshold) ||
      index === all.length - 1,
  );
}

export function thresholdNote(threshold: number, results: Results): string {
  return [
    threshold === DEFAULT_REVIEW_THRESHOLD ? 'the vendor’s rule' : '',
    threshold === results.evaluation.recommendedThreshold ? 'recommended' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function summaryText(results: Results): string {
  const { evaluation, rows, categories, vendorRule } = results;
  const { n } = evaluation;
  const right = rows.filter((row) => row.predicted === row.label).length;
  const out: string[] = [
    `${n} labelled texts from ${results.file} (text from "${results.columns.text}", label from "${results.columns.label}"),`,
    `classified by ${apiName(results)} against ${categories.length} categories${results.schema ? ` (schema ${results.schema})` : ''}: ${categories.join(', ')}.`,
    '',
    `Accuracy: ${percent(evaluation.accuracy)} (${right} of ${n} right)`,
    `At the vendor’s ${decimal(DEFAULT_REVIEW_THRESHOLD)}: ${countOf(vendorRule.coverage, n)} acted on automatically (${percent(vendorRule.coverage)}), ${percent(vendorRule.precision)} of them right.`,
    '',
    wrap(verdict(results), 100),
    ...(caution(results) ? [wrap(caution(results)!, 100)] : []),
    '',
    'Review threshold, share acted on automatically, and how many of those are right:',
    ...table(
      ['threshold', 'acted on', 'right', ''],
      summaryThresholds(results).map((row) => [
        decimal(row.threshold),
        `${percent(row.coverage)} (${countOf(row.coverage, n)})`,
        percent(row.precision),
        thresholdNote(row.threshold, results),
      ]),
    ),
    '',
    'Per category:',
    ...table(
      ['category', 'precision', 'recall', 'F1', 'texts'],
      Object.entries(evaluation.perCategory).map(([category, figures]) => [
        category,
        percent(figures.precision),
        percent(figures.recall),
        decimal(figures.f1),
        String(figures.support),
      ]),
    ),
    '',
  ];
  const matrix = Object.keys(evaluation.confusion);
  if (matrix.length <= MATRIX_MAX_CATEGORIES) {
    out.push(
      'Confusion matrix (a row per label given by a person, a column per label the classifier gave):',
      ...table(
        ['', ...matrix],
        matrix.map((expected) => [
          expected,
          ...matrix.map((given) => String(evaluation.confusion[expected]![given])),
        ]),
      ),
      '',
    );
  } else {
    out.push(
      `The confusion matrix (${matrix.length} × ${matrix.length}) is in --json and in the report (--out report.html).`,
      '',
    );
  }
  const mistakes = worstMistakes(rows, MISTAKES_SHOWN);
  out.push(
    mistakes.length === 0
      ? 'No mistakes: every text got the label a person gave it.'
      : `The ${mistakes.length === 1 ? 'most confident mistake' : `${mistakes.length} most confident mistakes`}:`,
  );
  for (const row of mistakes) {
    out.push(
      `  line ${row.line}: ${row.predicted} at ${decimal(row.confidence)}, a person said ${row.label}: ${quote(row.text, 80)}`,
    );
    if (row.explanation) out.push(`    why: ${quote(row.explanation, 120)}`);
  }
  return out.join('\n') + '\n';
}

/** Left-aligned columns, two spaces apart, indented by two. */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const widths = header.map((cell, column) =>
    Math.max([...cell].length, ...rows.map((row) => [...(row[column] ?? '')].length)),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => cell.padEnd(widths[column]! + cell.length - [...cell].length)).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

/** A text on one line, at most `max` characters, in quotes. */
function quote(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return `"${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat}"`;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.join('\n');
}
