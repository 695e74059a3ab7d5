// The figures the issue defines, computed the plainest way from (label a person gave, the API's
// answer) pairs: the check a test holds the command's --json against. Written apart from core's
// metrics module on purpose; nothing is shared with it.
export interface Pair {
  expected: string;
  predicted: string;
  confidence: number;
}

export function oracle(pairs: readonly Pair[], categories: readonly string[], target: number) {
  const n = pairs.length;
  const count = (test: (p: Pair) => boolean) => pairs.filter(test).length;
  const confusion: Record<string, Record<string, number>> = {};
  for (const a of categories) {
    confusion[a] = {};
    for (const b of categories)
      confusion[a]![b] = count((p) => p.expected === a && p.predicted === b);
  }
  const perCategory: Record<
    string,
    { precision: number | null; recall: number | null; f1: number | null; support: number }
  > = {};
  for (const c of categories) {
    const right = count((p) => p.expected === c && p.predicted === c);
    const given = count((p) => p.predicted === c);
    const support = count((p) => p.expected === c);
    const precision = given ? right / given : null;
    const recall = support ? right / support : null;
    let f1: number | null = null;
    if (precision !== null && recall !== null)
      f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perCategory[c] = { precision, recall, f1, support };
  }
  const thresholds = [];
  for (let hundredths = 50; hundredths <= 99; hundredths++) {
    const threshold = hundredths / 100;
    const acted = pairs.filter((p) => p.confidence >= threshold);
    const right = acted.filter((p) => p.expected === p.predicted).length;
    thresholds.push({
      threshold,
      coverage: acted.length / n,
      precision: acted.length ? right / acted.length : null,
    });
  }
  const recommended = thresholds.find((row) => row.precision !== null && row.precision >= target);
  return {
    n,
    accuracy: count((p) => p.expected === p.predicted) / n,
    perCategory,
    confusion,
    thresholds,
    recommendedThreshold: recommended ? recommended.threshold : null,
  };
}

/** Every number of `expected`, compared to 12 decimal places. */
export function closeTo(expected: unknown): unknown {
  if (typeof expected === 'number') return expect.closeTo(expected, 12);
  if (Array.isArray(expected)) return expected.map(closeTo);
  if (expected && typeof expected === 'object')
    return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, closeTo(v)]));
  return expected;
}
