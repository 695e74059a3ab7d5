// The classifier on its labelled sets (data/). The figures themselves are in the README
// (`pnpm --filter @classifaily/sandbox accuracy`); here, floors just below them that catch a
// regression (the classifier is deterministic, so exact counts do not flake).
import { classify } from '../src';
import { evaluate, type LabelledSet } from '../src/classifier/evaluate';
import labelled from '../data/labelled.json';
import holdout from '../data/holdout.json';
import holdout2 from '../data/holdout-2.json';

const all = (data: LabelledSet) => evaluate(data).rows.find((r) => r.set === 'all')!;

describe('classifier accuracy', () => {
  it('the labelled set (the lexicon was tuned on it): 72/72 today, 64 confident and all right', () => {
    const row = all(labelled);
    expect(row.correct).toBeGreaterThanOrEqual(71);
    expect(row.confident).toBeGreaterThanOrEqual(60);
    expect(row.confidentCorrect).toBe(row.confident);
  });

  it('held-out set 1: 28/36 today (44% before the rewrite), 17 confident and all right', () => {
    const row = all(holdout);
    expect(row.correct).toBeGreaterThanOrEqual(27);
    expect(row.confident).toBeGreaterThanOrEqual(15);
    expect(row.confidentCorrect).toBe(row.confident);
  });

  it('held-out set 2: 51/64 today (61% before the rewrite), 27 of 28 confident right', () => {
    const row = all(holdout2);
    expect(row.correct).toBeGreaterThanOrEqual(50);
    expect(row.confident).toBeGreaterThanOrEqual(25);
    expect(row.confident - row.confidentCorrect).toBeLessThanOrEqual(1);
  });

  it('confidences are in [0, 1], sum to 1 and the label has the highest', () => {
    for (const data of [labelled, holdout, holdout2] as LabelledSet[]) {
      for (const example of data.examples) {
        const categories = data.sets[example.set]!.map((name) => ({ name }));
        const p = classify(example.input, categories);
        const values = Object.values(p.scores);
        for (const v of values) expect(v >= 0 && v <= 1).toBe(true);
        expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
        expect(Math.max(...values)).toBe(p.confidence);
      }
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
    expect(classify('I forgot my password', described).label).toBe('team_b');
  });

  const support = ['billing', 'technical_bug', 'account_access', 'feature_request'].map((name) => ({
    name,
  }));

  it('repairs one-letter typos, but not a substitution that makes another word', () => {
    expect(classify('forgot my pasword again', support).label).toBe('account_access');
    const ecommerce = ['shipping', 'refund', 'cancellation'].map((name) => ({ name }));
    expect(classify('I need a cancelation', ecommerce).label).toBe('cancellation');
    // "change" is one letter from "charge": no billing evidence from it.
    expect(classify('I want to change something', support).confidence).toBeLessThan(0.5);
  });

  it('a negation cancels an intent ("not recommend"), without cancelling a problem ("cannot log in")', () => {
    const sentiment = ['positive', 'neutral', 'negative'].map((name) => ({ name }));
    expect(classify('I recommend it to everyone', sentiment).label).toBe('positive');
    expect(classify('I would not recommend it to anyone', sentiment).label).not.toBe('positive');
    const p = classify('I cannot log in since yesterday', support);
    expect(p.label).toBe('account_access');
  });

  it('a question mark is evidence for a question category', () => {
    const feedback = ['praise', 'complaint', 'question'].map((name) => ({ name }));
    expect(classify('The shop on Sundays too?', feedback).label).toBe('question');
    expect(classify('The shop on Sundays too.', feedback).label).not.toBe('question');
  });

  it('confidence is low when the evidence conflicts or is thin', () => {
    // One billing word against one log-in word.
    expect(classify('invoice password', support).confidence).toBeLessThan(0.8);
    // A single clear word is a lean, not a decision.
    expect(classify('it crashed', support).confidence).toBeLessThan(0.8);
    // Several clear words agree: now it is sure.
    expect(
      classify('the app crashed with an error after the update', support).confidence,
    ).toBeGreaterThanOrEqual(0.8);
  });
});
