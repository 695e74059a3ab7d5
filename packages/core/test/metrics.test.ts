// The figures below were worked out by hand from this fixed answer set (see each comment), not by
// running the module: a change that shifts any of them is a change in what the figures mean.
import {
  atThreshold,
  evaluatePredictions,
  recommendThreshold,
  THRESHOLDS,
  thresholdTable,
  type ScoredExample,
} from '../src/metrics';

// 8 texts over 3 categories; 5 right (rows marked ✓).
const ANSWERS: ScoredExample[] = [
  { expected: 'billing', predicted: 'billing', confidence: 0.95 }, // ✓
  { expected: 'billing', predicted: 'billing', confidence: 0.85 }, // ✓
  { expected: 'billing', predicted: 'bug', confidence: 0.6 },
  { expected: 'bug', predicted: 'bug', confidence: 0.9 }, // ✓
  { expected: 'bug', predicted: 'billing', confidence: 0.82 },
  { expected: 'bug', predicted: 'bug', confidence: 0.55 }, // ✓
  { expected: 'other', predicted: 'other', confidence: 0.99 }, // ✓
  { expected: 'other', predicted: 'bug', confidence: 0.7 },
];
const CATEGORIES = ['billing', 'bug', 'other'];

describe('evaluatePredictions on a fixed answer set', () => {
  const report = evaluatePredictions(ANSWERS, { categories: CATEGORIES });

  it('counts and accuracy: 5 of 8 right', () => {
    expect(report.n).toBe(8);
    expect(report.accuracy).toBe(0.625);
  });

  it('confusion[expected][predicted]', () => {
    expect(report.confusion).toEqual({
      billing: { billing: 2, bug: 1, other: 0 },
      bug: { billing: 1, bug: 2, other: 0 },
      other: { billing: 0, bug: 1, other: 1 },
    });
  });

  it('per category: precision over the column, recall over the row', () => {
    // billing: 2 right of 3 given billing, 2 of 3 that were billing.
    expect(report.perCategory.billing).toEqual({
      precision: 2 / 3,
      recall: 2 / 3,
      f1: expect.closeTo(2 / 3, 12),
      support: 3,
    });
    // bug: 2 right of 4 given bug (one billing, one other went there), 2 of 3 bugs: F1 = 4/7.
    expect(report.perCategory.bug!.precision).toBe(0.5);
    expect(report.perCategory.bug!.recall).toBe(2 / 3);
    expect(report.perCategory.bug!.f1).toBeCloseTo(4 / 7, 12);
    expect(report.perCategory.bug!.support).toBe(3);
    // other: 1 of 1 given other, 1 of 2 others: F1 = 2/3.
    expect(report.perCategory.other!.precision).toBe(1);
    expect(report.perCategory.other!.recall).toBe(0.5);
    expect(report.perCategory.other!.f1).toBeCloseTo(2 / 3, 12);
  });

  it('keys follow the order the user gave', () => {
    expect(Object.keys(report.perCategory)).toEqual(CATEGORIES);
    const reversed = evaluatePredictions(ANSWERS, { categories: [...CATEGORIES].reverse() });
    expect(Object.keys(reversed.perCategory)).toEqual(['other', 'bug', 'billing']);
  });

  it('a threshold row per hundredth from 0.50 to 0.99', () => {
    expect(report.thresholds).toHaveLength(50);
    expect(report.thresholds[0]!.threshold).toBe(0.5);
    expect(report.thresholds[30]!.threshold).toBe(0.8);
    expect(report.thresholds[49]!.threshold).toBe(0.99);
  });

  it.each([
    // threshold, acted on (of 8), right among them
    [0.5, 8, 5],
    [0.55, 8, 5], // 0.55 ≥ 0.55: acted on
    [0.56, 7, 4],
    [0.6, 7, 4],
    [0.61, 6, 4],
    [0.7, 6, 4],
    [0.71, 5, 4],
    [0.8, 5, 4],
    [0.82, 5, 4],
    [0.83, 4, 4],
    [0.96, 1, 1],
    [0.99, 1, 1],
  ])('at %s: %s acted on, %s right', (threshold, acted, right) => {
    const row = report.thresholds.find((r) => r.threshold === threshold)!;
    expect(row.coverage).toBe(acted / 8);
    expect(row.precision).toBe(right / acted);
  });

  it('recommends the lowest threshold that meets the target', () => {
    expect(report.targetPrecision).toBe(0.95);
    expect(report.recommendedThreshold).toBe(0.83);
    expect(evaluatePredictions(ANSWERS, { targetPrecision: 0.8 }).recommendedThreshold).toBe(0.71);
    expect(evaluatePredictions(ANSWERS, { targetPrecision: 0.6 }).recommendedThreshold).toBe(0.5);
  });

  it('the vendor rule alone: 5 of 8 acted on at 0.80, 4 of them right', () => {
    expect(atThreshold(ANSWERS)).toEqual({ threshold: 0.8, coverage: 0.625, precision: 0.8 });
  });
});

describe('edges', () => {
  it('an empty set: no accuracy, nothing acted on, precision null, no recommendation', () => {
    const report = evaluatePredictions([], { categories: ['a', 'b'] });
    expect(report.n).toBe(0);
    expect(report.accuracy).toBeNull();
    expect(report.thresholds.every((r) => r.coverage === 0 && r.precision === null)).toBe(true);
    expect(report.recommendedThreshold).toBeNull();
    expect(report.perCategory.a).toEqual({ precision: null, recall: null, f1: null, support: 0 });
  });

  it('precision is null where coverage is 0, and no threshold reaches a target nothing meets', () => {
    const rows = thresholdTable([{ expected: 'a', predicted: 'b', confidence: 0.7 }]);
    expect(rows.find((r) => r.threshold === 0.7)).toEqual({
      threshold: 0.7,
      coverage: 1,
      precision: 0,
    });
    expect(rows.find((r) => r.threshold === 0.71)).toEqual({
      threshold: 0.71,
      coverage: 0,
      precision: null,
    });
    expect(recommendThreshold(rows, 0.5)).toBeNull();
  });

  it('a category never given and never right: precision null, recall 0, F1 null', () => {
    const report = evaluatePredictions([{ expected: 'a', predicted: 'b', confidence: 0.9 }], {
      categories: ['a', 'b'],
    });
    expect(report.perCategory.a).toEqual({ precision: null, recall: 0, f1: null, support: 1 });
    // b was given once, wrongly: precision 0, and no text had b.
    expect(report.perCategory.b).toEqual({ precision: 0, recall: null, f1: null, support: 0 });
  });

  it('a category given but always wrong, and one always missed: F1 is 0 when both are 0', () => {
    const report = evaluatePredictions(
      [
        { expected: 'a', predicted: 'b', confidence: 0.9 },
        { expected: 'b', predicted: 'a', confidence: 0.9 },
      ],
      { categories: ['a', 'b'] },
    );
    expect(report.perCategory.a).toEqual({ precision: 0, recall: 0, f1: 0, support: 1 });
  });

  it('labels outside the given categories are added after them', () => {
    const report = evaluatePredictions([{ expected: 'x', predicted: 'a', confidence: 0.9 }], {
      categories: ['a'],
    });
    expect(Object.keys(report.confusion)).toEqual(['a', 'x']);
  });

  it('the thresholds are the exact decimals a user types', () => {
    expect(THRESHOLDS.map(String)).toContain('0.8');
    expect(THRESHOLDS.map(String)).toContain('0.57');
    expect(THRESHOLDS.every((t) => String(t).length <= 4)).toBe(true);
  });
});
