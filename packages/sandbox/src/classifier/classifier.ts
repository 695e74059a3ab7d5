// The sandbox's classifier: deterministic, offline and fast. Each category gets a set of weighted
// terms (the words of its name, the built-in lexicon's related words for the concepts its name and
// description mention, its description's words); a text scores the terms it contains (stems, phrases
// up to four words, one-letter typos repaired, an intent after "not" cancelled); a softmax over the
// squashed scores gives confidences that rank the categories and sum to 1. Text with no evidence gets
// an even split (or leans to a catch-all such as "other"), hence a low confidence. See decision 0150.
import { CONCEPTS, type Concept } from './lexicon';
import {
  isDescriptionStopword,
  isStopword,
  nameWords,
  phraseKey,
  stem,
  tokenize,
  TypoRepair,
  words,
} from './text';

export interface CategorySpec {
  name: string;
  description?: string;
}

export interface Prediction {
  label: string;
  confidence: number;
  scores: Record<string, number>;
  explanation: string;
}

// Weights: a word of the category's own name is the strongest evidence; a word of its description
// next (the caller's own definition of the category); a clear lexicon term next; a weak lexicon term
// (a word that also belongs elsewhere: "app", "plan") half a clear one. Concepts brought in by a
// description, or included by another concept, count at a fraction.
const NAME_WEIGHT = 3;
const STRONG_WEIGHT = 2;
const WEAK_WEIGHT = 1;
const DESCRIPTION_WEIGHT = 2.5;
const DESCRIPTION_CONCEPT_FACTOR = 0.5;
const INCLUDED_CONCEPT_FACTOR = 0.5;
const GENERIC_CONCEPT_FACTOR = 0.5;
/** A prior for catch-all categories ("other", "neutral", "safe"), so that text with no evidence lands there. */
const CATCH_ALL_PRIOR = 0.75;
const MAX_PHRASE = 4;
/** The key of the "the text asks something" pseudo-term (a "?" in the text). */
const QUESTION_KEY = '?';
/**
 * Scores are squashed to at most this (CAP · tanh(score / CAP)) before the softmax: piling up
 * keywords makes the sandbox surer, but never 1.0 — a keyword match is not proof — and two
 * categories with much evidence each stay close (conflicting evidence, lower confidence).
 */
const SCORE_CAP = 5;

type Hit = [category: number, weight: number, negatable: boolean];

interface Index {
  names: string[];
  /** term key → hits after dividing each weight by how many categories share the term. */
  terms: Map<string, Hit[]>;
  priors: number[];
}

function termKey(term: string): string {
  return term === '<?>' ? QUESTION_KEY : phraseKey(term);
}

const conceptIds = new Map(CONCEPTS.map((c, i) => [c.id, i]));
const conceptsByTrigger = new Map<string, number[]>();
CONCEPTS.forEach((concept, i) => {
  for (const trigger of concept.triggers) {
    const key = stem(trigger);
    const list = conceptsByTrigger.get(key) ?? [];
    if (!list.includes(i)) list.push(i);
    conceptsByTrigger.set(key, list);
  }
});
/** Each concept's terms with their weight relative to a clear term (1 or 0.5), includes resolved. */
const conceptTerms: Array<Array<[key: string, relative: number]>> = CONCEPTS.map((c) => {
  const own = (concept: Concept, factor: number) => [
    ...concept.strong.map((t): [string, number] => [termKey(t), factor]),
    ...(concept.weak ?? []).map((t): [string, number] => [
      termKey(t),
      (factor * WEAK_WEIGHT) / STRONG_WEIGHT,
    ]),
  ];
  const included = (c.includes ?? []).flatMap((id) =>
    own(CONCEPTS[conceptIds.get(id)!]!, INCLUDED_CONCEPT_FACTOR),
  );
  return [...included, ...own(c, 1)].filter(([key]) => key);
});

// Every word of the lexicon and of its triggers: what a typo is repaired towards.
const typos = new TypoRepair(
  CONCEPTS.flatMap((c) => [...c.triggers, ...c.strong, ...(c.weak ?? [])].flatMap(words)),
);

// A word's stem after typo repair, remembered: texts share most of their words, and repair tries
// a few dozen variants of a word it does not know.
const normalised = new Map<string, string>();
function normalise(word: string): string {
  let result = normalised.get(word);
  if (result === undefined) {
    result = stem(typos.repair(word));
    if (normalised.size >= 50_000) normalised.clear();
    normalised.set(word, result);
  }
  return result;
}

function buildIndex(categories: CategorySpec[]): Index {
  const perCategory = categories.map((category) => {
    const weights = new Map<string, { weight: number; negatable: boolean }>();
    const add = (key: string, weight: number, negatable = false) => {
      const current = weights.get(key);
      if (key && weight > (current?.weight ?? 0)) weights.set(key, { weight, negatable });
    };
    let prior = 0;
    const own = nameWords(category.name)
      .filter((w) => !isStopword(w))
      .map((w) => stem(typos.repair(w)));
    const bringIn = (stems: string[], factor: number) => {
      const concepts = [...new Set(stems.flatMap((s) => conceptsByTrigger.get(s) ?? []))];
      const specific = concepts.some((c) => !CONCEPTS[c]!.generic);
      for (const c of concepts) {
        const concept = CONCEPTS[c]!;
        if (concept.catchAll) prior = CATCH_ALL_PRIOR;
        const f = concept.generic && specific ? factor * GENERIC_CONCEPT_FACTOR : factor;
        for (const [key, relative] of conceptTerms[c]!)
          add(key, STRONG_WEIGHT * relative * f, concept.negatable === true);
      }
    };
    bringIn(own, 1);
    const described = words(category.description ?? '')
      .filter((w) => !isDescriptionStopword(w))
      .map(stem);
    bringIn(described, DESCRIPTION_CONCEPT_FACTOR);
    for (const s of described) add(s, DESCRIPTION_WEIGHT);
    for (const s of own) add(s, NAME_WEIGHT);
    if (own.length > 1) add(own.join(' '), NAME_WEIGHT);
    return { weights, prior };
  });

  const terms = new Map<string, Hit[]>();
  perCategory.forEach(({ weights }, i) => {
    for (const [key, { weight, negatable }] of weights)
      terms.set(key, [...(terms.get(key) ?? []), [i, weight, negatable]]);
  });
  // A term that several categories share tells them apart less: split its weight between them.
  for (const [key, list] of terms)
    terms.set(
      key,
      list.map(([i, w, n]) => [i, w / list.length, n]),
    );
  return { names: categories.map((c) => c.name), terms, priors: perCategory.map((c) => c.prior) };
}

// Workflows send the same categories over and over: keep the last few indexes.
const cache = new Map<string, Index>();
function indexFor(categories: CategorySpec[]): Index {
  const key = JSON.stringify(categories);
  let index = cache.get(key);
  if (!index) {
    index = buildIndex(categories);
    if (cache.size >= 200) cache.delete(cache.keys().next().value as string);
    cache.set(key, index);
  }
  return index;
}

interface Evidence {
  surface: string;
  weight: number;
}

export function classify(input: string, categories: CategorySpec[], explain = true): Prediction {
  const index = indexFor(categories);
  const logits = [...index.priors];
  const evidence: Evidence[][] = categories.map(() => []);

  const { words: tokens, negated, question } = tokenize(input);
  const stems = tokens.map(normalise);
  const seen = new Set<string>();
  const score = (key: string, from: number, to: number) => {
    const hits = index.terms.get(key);
    if (!hits) return;
    seen.add(key);
    const surface = from < to ? tokens.slice(from, to).join(' ') : '?';
    const isNegated = from < to && negated[from]!;
    for (const [c, weight, negatable] of hits) {
      // "not interested in buying", "not great": the intent is cancelled, not counted.
      if (negatable && isNegated) continue;
      logits[c]! += weight;
      evidence[c]!.push({ surface, weight });
    }
  };
  for (let i = 0; i < stems.length; i++) {
    let key = '';
    for (let n = 1; n <= MAX_PHRASE && i + n <= stems.length; n++) {
      key = n === 1 ? stems[i]! : `${key} ${stems[i + n - 1]}`;
      if (seen.has(key)) continue;
      score(key, i, i + n);
    }
  }
  if (question) score(QUESTION_KEY, 0, 0);

  for (let c = 0; c < logits.length; c++) logits[c] = SCORE_CAP * Math.tanh(logits[c]! / SCORE_CAP);
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  const probabilities = exps.map((e) => e / sum);
  // The first category wins a tie: deterministic, and follows the caller's order.
  let best = 0;
  probabilities.forEach((p, i) => {
    if (p > probabilities[best]!) best = i;
  });
  // Category names are the caller's strings (`__proto__`, `constructor`): no prototype to collide with.
  const scores: Record<string, number> = Object.create(null) as Record<string, number>;
  index.names.forEach((name, i) => {
    scores[name] = round(probabilities[i]!);
  });
  const label = index.names[best]!;
  const confidence = scores[label]!;
  return {
    label,
    confidence,
    scores,
    explanation: explain ? explanation(index.names, probabilities, evidence, best) : '',
  };
}

function round(p: number): number {
  return Math.min(1, Math.max(0, Math.round(p * 10000) / 10000));
}

function listOf(items: string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function deciding(list: Evidence[]): string[] {
  const sorted = [...list].sort(
    (a, b) => b.weight - a.weight || b.surface.length - a.surface.length,
  );
  const chosen: string[] = [];
  for (const e of sorted) {
    // "log in" already says what "log" would; "password reset" what "reset email" would.
    const mine = e.surface.split(' ');
    if (chosen.some((c) => c.split(' ').some((w) => mine.includes(w)))) continue;
    chosen.push(e.surface);
    if (chosen.length === 3) break;
  }
  return chosen;
}

function explanation(
  names: string[],
  probabilities: number[],
  evidence: Evidence[][],
  best: number,
): string {
  const label = names[best]!;
  const words = deciding(evidence[best]!);
  if (words.length === 0) {
    return `No words in the text point clearly to any of the categories, so "${label}" is only a low-confidence guess.`;
  }
  let text = `Classified as "${label}" because the text mentions ${listOf(words)}.`;
  let runnerUp = -1;
  probabilities.forEach((p, i) => {
    if (i !== best && (runnerUp < 0 || p > probabilities[runnerUp]!)) runnerUp = i;
  });
  const runnerWords = runnerUp >= 0 ? deciding(evidence[runnerUp]!) : [];
  if (runnerWords.length > 0 && probabilities[runnerUp]! >= 0.1) {
    text += ` ${listOf(runnerWords)} pointed to "${names[runnerUp]}" instead, which came second.`;
  }
  return text;
}
