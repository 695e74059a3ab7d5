// The classifier on its labelled sets (data/). The figures themselves are in the README
// (`pnpm --filter @classifaily/sandbox accuracy`); here, floors that catch a regression.
import { classify } from '../src';
import { evaluate } from '../src/classifier/evaluate';
import labelled from '../data/labelled.json';
import holdout from '../data/holdout.json';

const all = (report: ReturnType<typeof evaluate>) => report.rows.find((r) => r.set === 'all')!;

describe('classifier accuracy', () => {
  it('the labelled set (written alongside the lexicon) stays at ≥ 90%', () => {
    expect(all(evaluate(labelled)).accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('the held-out set beats chance (~30% over 3-4 categories) and confident answers are right', () => {
    const row = all(evaluate(holdout));
    expect(row.accuracy).toBeGreaterThanOrEqual(0.4);
    expect(row.confidentCorrect).toBe(row.confident);
  });

  it('confidences are in [0, 1], sum to 1 and the label has the highest', () => {
    for (const example of [...labelled.examples, ...holdout.examples]) {
      const categories = (labelled.sets as Record<string, string[]>)[example.set]!.map((name) => ({
        name,
      }));
      const p = classify(example.input, categories);
      const values = Object.values(p.scores);
      for (const v of values) expect(v >= 0 && v <= 1).toBe(true);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
      expect(Math.max(...values)).toBe(p.confidence);
    }
  });

  it('splits category names in any casing and uses descriptions', () => {
    const categories = [
      { name: 'accountAccess' },
      { name: 'billing-issue' },
      { name: 'Feature Request' },
    ];
    expect(classify('my password reset failed', categories).label).toBe('accountAccess');
    expect(classify('please add dark mode', categories).label).toBe('Feature Request');
    const described = [
      { name: 'team_a', description: 'Anything about invoices and payments' },
      { name: 'team_b', description: 'Anything about passwords and logging in' },
    ];
    expect(classify('where is my invoice', described).label).toBe('team_a');
  });
});
