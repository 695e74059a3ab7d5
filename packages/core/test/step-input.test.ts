// A step's inputs read leniently by the catalog's keys (step-input.ts), and the batch verdict and
// flat score fields (batch-shortfall.ts, flat-output.ts) that Zapier's app derives its steps from.
import { createHash } from 'node:crypto';

import {
  AuthenticationError,
  batchItemsOf,
  batchShortfall,
  booleanOf,
  type ClassifailyError,
  classifyOptionsOf,
  ConflictError,
  flatScores,
  RateLimitError,
  schemaRequestOf,
  ServerError,
  targetOf,
  textOf,
  thresholdOf,
  TimeoutError,
  ValidationError,
  type ManyOutcome,
} from '../src';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return [(error as ValidationError).code, (error as ValidationError).message];
  }
  throw new Error('not refused');
};

describe('step inputs', () => {
  it('read texts and switches as a user typed or mapped them', () => {
    expect([textOf(undefined), textOf(null), textOf(3), textOf('a')]).toEqual(['', '', '3', 'a']);
    expect(['true', ' Yes ', '1', 'on', true].map(booleanOf)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['false', 'no', '', undefined, 0, false].map(booleanOf).some(Boolean)).toBe(false);
  });

  it('take the review threshold within 0..1, its default when empty', () => {
    expect(thresholdOf({})).toBe(0.8);
    expect(thresholdOf({ reviewThreshold: ' ' })).toBe(0.8);
    expect(thresholdOf({ reviewThreshold: '0.5' })).toBe(0.5);
    expect(codeOf(() => thresholdOf({ reviewThreshold: 'high' }))).toEqual([
      'validation_failed',
      'Review Threshold must be a number from 0 to 1 (got "high").',
    ]);
  });

  it('send the list or the schema Categories From names, and Explain only when on', () => {
    expect(targetOf({ categories: 'a, b' })).toEqual({ categories: ['a', 'b'] });
    expect(targetOf({ categories: ['a', 'b'], schema: 'sch_1' })).toEqual({
      categories: ['a', 'b'],
    });
    expect(targetOf({ categorySource: 'schema', schema: ' sch_1 ', categories: 'a' })).toEqual({
      schema: 'sch_1',
    });
    expect(targetOf({})).toEqual({});
    expect(classifyOptionsOf({ categories: 'a,b', explain: 'yes' })).toEqual({
      categories: ['a', 'b'],
      explain: true,
    });
    expect(classifyOptionsOf({ categories: 'a,b', explain: 'no' })).toEqual({
      categories: ['a', 'b'],
    });
  });

  it('read Items lines, refusing a list of plain texts, no line, or no text at all', () => {
    expect(batchItemsOf([{ input: 'a', id: 't-1' }, { input: 2 }])).toEqual([
      { input: 'a', id: 't-1' },
      { input: '2' },
    ]);
    expect(codeOf(() => batchItemsOf(['a', 'b']))).toEqual([
      'item_not_a_line',
      'Line 1 of Items is a plain value, not a line with a Text to Classify. Map your texts into the Text to Classify field of Items, one text per line.',
    ]);
    expect(codeOf(() => batchItemsOf(undefined))[0]).toBe('batch_empty');
    expect(codeOf(() => batchItemsOf([{ input: ' ' }, { id: 'x' }]))[1]).toMatch(
      /^All 2 lines of Items have an empty Text to Classify/,
    );
    expect(codeOf(() => batchItemsOf([{}]))[1]).toMatch(/^The line of Items has an empty/);
  });

  it('build a schema from trimmed lines, leaving out an empty description', () => {
    const input = {
      name: ' Triage ',
      categories: [
        { category: ' billing ', description: ' ' },
        { category: 'bug', description: 'x' },
      ],
    };
    expect(schemaRequestOf(input, 'category')).toEqual({
      name: 'Triage',
      categories: [{ name: 'billing' }, { name: 'bug', description: 'x' }],
    });
    expect(schemaRequestOf({ categories: [null, { name: 'a' }] })).toEqual({
      name: '',
      categories: [{ name: '' }, { name: 'a' }],
    });
  });
});

describe('batchShortfall', () => {
  const done = (index: number): ManyOutcome => ({
    index,
    ok: true,
    result: { label: 'a', confidence: 1 },
  });
  const failed = (index: number, error: ClassifailyError): ManyOutcome => ({
    index,
    ok: false,
    error,
  });

  it('passes a step whose every line is final: classified, or refused for its own input', () => {
    const own = new ValidationError('The text to classify is empty.', { fieldErrors: [] });
    expect(batchShortfall([done(0), failed(1, own)])).toBeUndefined();
  });

  it('fails for good when no run can succeed as it is', () => {
    const revoked = new AuthenticationError('Revoked.', { status: 401 });
    const shortfall = batchShortfall([
      done(0),
      failed(1, new ServerError('x', { status: 503 })),
      failed(2, revoked),
    ]);
    expect(shortfall).toEqual({
      error: revoked,
      outcome: { kind: 'reauthenticate' },
    });
  });

  it('asks to run again after the longest wait, naming the server before the clock', () => {
    const limited = new RateLimitError('Slow down.', { status: 429, retryAfterMs: 7_500 });
    const late = new TimeoutError('Not sent.', { code: 'deadline_exceeded' });
    const shortfall = batchShortfall([done(0), failed(1, late), failed(2, limited)]);
    expect(shortfall).toMatchObject({
      error: limited,
      outcome: { kind: 'throttle', delayMs: 7_500 },
    });
    expect(shortfall && 'message' in shortfall && shortfall.message).toMatch(
      /^1 of 3 lines were classified; the other 2 were not yet: Slow down\. .* Zapier runs this step again in 8 s; lines already classified are not charged again\.$/,
    );
    const busy = new ConflictError('Busy.', { status: 409, code: 'idempotency_key_in_use' });
    expect(batchShortfall([failed(0, late), failed(1, busy)])).toMatchObject({
      outcome: { kind: 'throttle' },
      error: busy,
      message: expect.stringContaining('still working on them'),
    });
    expect(batchShortfall([failed(0, late)])).toMatchObject({
      message: expect.stringContaining("within Zapier's 30 seconds for one step."),
    });
  });

  it('calls a failure after the retries temporary', () => {
    const down = new ServerError('Classifaily had a temporary problem.', { status: 503 });
    expect(batchShortfall([done(0), failed(1, down)])).toMatchObject({
      outcome: { kind: 'temporary' },
      error: down,
      message: expect.stringMatching(
        /^Temporary problem, try again later: 1 of 2 lines were classified; the other 1 were not yet: Classifaily had a temporary problem\..* When the step runs again, lines already classified are not charged again\.$/,
      ),
    });
  });
});

describe('flatScores', () => {
  const scores = flatScores((text) => createHash('sha256').update(text).digest('hex'));

  it('gives every category a safe key, and a look-alike a hash of its exact name', () => {
    const keys = scores.keys(['billing', 'Billing & Payments', 'Billing', '😀']);
    expect(keys.get('billing')).toBe('scores__billing');
    expect(keys.get('Billing & Payments')).toBe('scores__billing_payments');
    expect(keys.get('Billing')).toMatch(/^scores__billing_[0-9a-f]{6}$/);
    expect(keys.get('😀')).toMatch(/^scores__category_[0-9a-f]{6}$/);
  });

  it('flattens scores into those keys, leaves an output without numbers as it is', () => {
    expect(scores.flatten({ label: 'a', scores: { a: 0.9, 'b c': 0.1 } })).toEqual({
      label: 'a',
      scores__a: 0.9,
      scores__b_c: 0.1,
    });
    expect(scores.flatten({ label: 'a' })).toEqual({ label: 'a' });
    expect(scores.flatten({ scores: { a: 'x' } })).toEqual({ scores: { a: 'x' } });
  });

  it('labels each field after its category', () => {
    expect(scores.fields(['Billing & Payments'], 'results[]')).toEqual([
      {
        key: 'results[]scores__billing_payments',
        label: 'Scores: Billing & Payments',
        type: 'number',
      },
    ]);
  });
});
