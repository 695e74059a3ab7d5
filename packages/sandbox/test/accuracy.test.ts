// The classifier on its labelled sets (data/). The figures themselves are in the README
// (`pnpm --filter @classifaily/sandbox accuracy`); here, floors just below them that catch a
// regression (the classifier is deterministic, so exact counts do not flake).
import { classify } from '../src';
import { evaluate, type LabelledSet } from '../src/classifier/evaluate';
import labelled from '../data/labelled.json';
import holdout from '../data/holdout.json';
import holdout2 from '../data/holdout-2.json';
import devSet from '../data/dev-set.json';
import heldout22 from '../data/heldout-22.json';
import heldout35 from '../data/heldout-35.json';
import heldout36 from '../data/heldout-36.json';
import heldout39 from '../data/heldout-39.json';
import heldout40 from '../data/heldout-40.json';
import heldout41 from '../data/heldout-41.json';

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

  describe("issue 22's sets (bench/quality.mjs prints the full figures)", () => {
    interface Set22 {
      sets: Record<string, Array<string | { name: string; description?: string }>>;
      examples: Array<{ set: string; label: string; input: string; ambiguous?: boolean }>;
    }
    // Both category orders, as the issue measures: a tie won by list order does not count.
    function figures(data: Set22) {
      let top1 = 0;
      let clear = 0;
      let clearSure = 0;
      let runs = 0;
      let wrongSure = 0;
      let ambiguous = 0;
      let ambiguousUnsure = 0;
      for (const e of data.examples) {
        const categories = data.sets[e.set]!.map((c) => (typeof c === 'string' ? { name: c } : c));
        let both = true;
        for (const order of [categories, [...categories].reverse()]) {
          const p = classify(e.input, order, false);
          const right = p.label === e.label;
          both &&= right;
          runs++;
          if (!right && p.confidence >= 0.8) wrongSure++;
          if (e.ambiguous) {
            ambiguous++;
            if (p.confidence < 0.8) ambiguousUnsure++;
          } else {
            clear++;
            if (right && p.confidence >= 0.8) clearSure++;
          }
        }
        if (both) top1++;
      }
      return {
        top1: top1 / data.examples.length,
        clearSure: clearSure / clear,
        wrongSure: wrongSure / runs,
        ambiguousUnsure: ambiguousUnsure / ambiguous,
      };
    }

    interface Floor {
      top1: number;
      clearSure: number;
      wrongSure: number;
      ambiguousUnsure: number;
    }
    /** Issue 22's goals, for the set we cannot see. */
    const GOALS: Floor = { top1: 0.8, clearSure: 0.6, wrongSure: 0.03, ambiguousUnsure: 0.6 };
    function expectAtLeast(data: Set22, floor: Floor) {
      const f = figures(data);
      expect(f.top1).toBeGreaterThanOrEqual(floor.top1);
      expect(f.clearSure).toBeGreaterThanOrEqual(floor.clearSure);
      expect(f.wrongSure).toBeLessThanOrEqual(floor.wrongSure);
      expect(f.ambiguousUnsure).toBeGreaterThanOrEqual(floor.ambiguousUnsure);
    }

    // Never tuned on; heldout-35/36 by writers who never saw the classifier (decisions 0157, 0158).
    it.each([
      ['heldout-22', heldout22],
      ['heldout-35', heldout35],
      ['heldout-36', heldout36],
    ])('%s (never tuned on) meets the issue goals', (_name, data) => {
      expectAtLeast(data as Set22, GOALS);
    });

    // Measured once after decision 0158, never tuned on: floors at their first figures (as counts
    // over texts, clear answers, answers and ambiguous answers), which miss a goal on two files
    // (heldout-39 clear right 58.6 %, heldout-41 ambiguous 59.4 %; decision 0158).
    it.each([
      ['heldout-39', heldout39, [131 / 160, 150 / 256, 2 / 320, 44 / 64]],
      ['heldout-40', heldout40, [136 / 160, 162 / 256, 4 / 320, 42 / 64]],
      ['heldout-41', heldout41, [137 / 160, 166 / 256, 6 / 320, 38 / 64]],
    ] as const)('%s (measured once) stays at its first figures', (_name, data, floor) => {
      const [top1, clearSure, wrongSure, ambiguousUnsure] = floor;
      expectAtLeast(data as Set22, { top1, clearSure, wrongSure, ambiguousUnsure });
    });

    it('the development set stays where it was tuned to', () => {
      const f = figures(devSet as Set22);
      expect(f.top1).toBeGreaterThanOrEqual(0.85);
      expect(f.clearSure).toBeGreaterThanOrEqual(0.55);
      expect(f.wrongSure).toBeLessThanOrEqual(0.03);
    });
  });

  it('a negated name is the complement of its base, not its twin', () => {
    const spam = ['spam', 'not_spam'].map((name) => ({ name }));
    expect(classify('WIN a FREE prize now!!! click http://x.biz', spam).label).toBe('spam');
    const legit = classify('Could we move the meeting to Thursday?', spam);
    expect(legit.label).toBe('not_spam');
    // No evidence either way: a lean to the complement, never a confident one.
    expect(legit.confidence).toBeLessThan(0.8);
    expect(legit.explanation).toContain('nothing in it points to "spam"');
    const toxic = ['toxic', 'non-toxic'].map((name) => ({ name }));
    expect(classify('you are a stupid idiot', toxic).label).toBe('toxic');
    expect(classify('thanks for the help with my order', toxic).label).toBe('non-toxic');
  });

  it('a negation reaches the words of a name: "not urgent" is not urgent evidence', () => {
    const urgency = ['urgent', 'normal', 'low'].map((name) => ({ name }));
    expect(classify('This is not urgent, whenever you have time.', urgency).label).toBe('low');
    expect(classify('This is urgent, the site is down!', urgency).label).toBe('urgent');
    expect(classify('Not a billing question: the upload button does nothing.', support).label).toBe(
      'technical_bug',
    );
  });

  it('language names get a language detector, and one or two words stay unsure', () => {
    const languages = ['english', 'spanish', 'french', 'german'].map((name) => ({ name }));
    const p = classify('Je voudrais changer mon adresse de livraison, merci.', languages);
    expect(p.label).toBe('french');
    expect(p.confidence).toBeGreaterThanOrEqual(0.8);
    expect(p.explanation).toContain('French');
    expect(classify('Ich habe mein Passwort vergessen.', languages).label).toBe('german');
    expect(classify('OK', languages).confidence).toBeLessThan(0.8);
    // ISO 639-1 codes name languages too.
    expect(
      classify('¿Dónde está mi pedido? Lo necesito pronto.', [{ name: 'en' }, { name: 'es' }])
        .label,
    ).toBe('es');
  });

  it('polarity names get graded polarity, with negation', () => {
    const sentiment = ['positive', 'negative', 'neutral'].map((name) => ({ name }));
    expect(classify('Absolutely wonderful, I love it!', sentiment).label).toBe('positive');
    expect(classify('I am not happy with this at all.', sentiment).label).toBe('negative');
    expect(classify('Not bad, actually.', sentiment).label).toBe('positive');
    const flat = classify('The parcel is on the table.', sentiment);
    expect(flat.label).toBe('neutral');
    expect(flat.confidence).toBeLessThan(0.8);
    // Praise and blame together: mixed, which is neutral's, and not confident.
    expect(classify('Great food, terrible service.', sentiment).confidence).toBeLessThan(0.8);
  });

  it('a tie says the evidence was even, and is never confident', () => {
    const p = classify('invoice password', support);
    expect(p.confidence).toBeLessThan(0.8);
    const hr = ['payroll', 'leave_request'].map((name) => ({ name }));
    const even = classify('salary vacation', hr);
    expect(even.scores.payroll).toBeCloseTo(even.scores.leave_request!, 3);
    expect(even.explanation).toContain('The evidence was even');
  });

  it('a text with no evidence for any category is never ≥ 0.80, whatever the names', () => {
    const sets = [
      ['spam', 'not_spam'],
      ['urgent', 'normal', 'low'],
      ['positive', 'negative', 'neutral'],
      ['english', 'french'],
      ['hot_lead', 'cold_lead', 'not_a_lead'],
      ['alpha', 'beta'],
    ];
    for (const names of sets)
      for (const text of ['zzz qqq', '12345', 'x'])
        expect(
          classify(
            text,
            names.map((name) => ({ name })),
          ).confidence,
        ).toBeLessThan(0.8);
  });

  it('a category no concept knows draws on WordNet: narrower terms and synonyms; one word is one piece of evidence', () => {
    const property = ['mortgage', 'rental'].map((name) => ({ name }));
    // "sublet" is a narrower term of "rental" (lease) in WordNet; "collateral" only a weak link
    // (a word of mortgage's definition and broader terms). It is also nearer "mortgage" than
    // "rental" in the word vectors, but a word that counted as a category's term adds no
    // nearness for it (decision 0156): one word leans, it does not make the answer sure.
    expect(classify('Can my friend sublet the room while I am away?', property).label).toBe(
      'rental',
    );
    const weak = classify('What collateral would you accept?', property);
    expect(weak.label).toBe('mortgage');
    expect(weak.confidence).toBeLessThan(0.8);
    expect(weak.explanation).toContain('collateral');
  });

  it('one word counts once for a category, not as its WordNet term and again as nearness and agreement', () => {
    const claims = ['vehicle_accident', 'property_damage', 'medical_expense', 'theft'].map(
      (name) => ({ name }),
    );
    // "thieves" is theft's WordNet word and nearest its vector: before 0156 it counted three
    // times and made this mixed text (a break-in that damaged a door) theft at 0.805.
    const mixed = classify(
      'Thieves smashed the back door to get in, and the frame needs replacing.',
      claims,
    );
    expect(mixed.confidence).toBeLessThan(0.8);
  });

  it('answers do not depend on earlier requests: a WordNet pointer to an adverb does not turn WordNet off', () => {
    const tenant = ['noise_complaint', 'rent_payment', 'repair_request', 'lease_renewal'].map(
      (name) => ({ name }),
    );
    const text = 'The people upstairs play loud music until 3 am every night.';
    // Fresh copies of the classifier's modules: nothing classified earlier counts.
    const fresh = () => {
      let loaded!: typeof classify;
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        loaded = (require('../src/classifier/classifier') as { classify: typeof classify })
          .classify;
      });
      return loaded;
    };
    const alone = fresh()(text, tenant);
    // "sports" has a sense with a pointer to an adverb ("sportively"), which WordNet's reader
    // used to fail on, and then gave no WordNet evidence for the rest of the process.
    const after = fresh();
    after('Who won the match?', [{ name: 'politics' }, { name: 'sports' }]);
    expect(after(text, tenant)).toEqual(alone);
  });

  it('names that differ only in opposite modifiers of one head are the two ends of a scale', () => {
    // "high" / "low" and "strong" / "weak" are antonyms in WordNet; the upper end is the modifier
    // with the higher valence. A near date or a keen text counts for it, doubt for the other end.
    for (const names of [
      ['high_interest', 'low_interest'],
      ['low_interest', 'high_interest'],
    ]) {
      const set = names.map((name) => ({ name }));
      expect(classify('We are keen and want to start this week.', set).label).toBe('high_interest');
      const later = classify('Perhaps next year, no rush.', set);
      expect(later.label).toBe('low_interest');
      expect(later.explanation).toContain('it hedges');
    }
    const offers = ['strong_offer', 'weak_offer'].map((name) => ({ name }));
    expect(classify('An excellent offer, we love it.', offers).label).toBe('strong_offer');
    expect(classify('It looks poor and vague.', offers).label).toBe('weak_offer');
    // No valence, no date, no doubt: no evidence, so no lean.
    expect(classify('The offer is attached.', offers).confidence).toBeLessThan(0.8);
  });

  it('a category no concept knows draws on word vectors: nearness leans, alone never reaches 0.80, and is even when equal', () => {
    // "telescope" is no WordNet link of "astronomy"; in the word-vector index it is near it
    // (cosine 0.60) and far from "gardening" (0.05).
    for (const order of [
      ['astronomy', 'gardening'],
      ['gardening', 'astronomy'],
    ]) {
      const p = classify(
        'We watched the comet through the telescope.',
        order.map((name) => ({ name })),
      );
      expect(p.label).toBe('astronomy');
      expect(p.confidence).toBeGreaterThan(0.6);
      expect(p.confidence).toBeLessThan(0.8);
      expect(p.explanation).toContain('telescope');
    }
    // Many near words still count at most the cap: under 0.80 with two categories.
    const piled = classify(
      'telescope galaxy comet planets orbit observatory',
      ['astronomy', 'gardening'].map((name) => ({ name })),
    );
    expect(piled.label).toBe('astronomy');
    expect(piled.confidence).toBeLessThan(0.8);
    // A word as near to both counts for neither.
    expect(
      classify(
        'The weather was nice.',
        ['astronomy', 'gardening'].map((name) => ({ name })),
      ).confidence,
    ).toBe(0.5);
  });
});
