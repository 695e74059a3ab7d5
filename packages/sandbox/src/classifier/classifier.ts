// The sandbox's classifier: deterministic, offline and fast. Each category gets a set of weighted
// terms (the words of its name, the built-in lexicon's related words, its description's words); a
// text scores the terms it contains; a softmax over the scores gives confidences that rank the
// categories and sum to 1. Text with no evidence gets an even split, hence a low confidence.
import { CONCEPTS } from './lexicon';
import { isStopword, nameWords, phraseKey, stem, words } from './text';

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

// Weights: a word of the category's own name is the strongest evidence; a lexicon word next; a
// word of the description a little less (descriptions are longer and vaguer).
const NAME_WEIGHT = 3;
const LEXICON_WEIGHT = 2;
const DESCRIPTION_WEIGHT = 1.5;
const DESCRIPTION_LEXICON_WEIGHT = 1;
/** A prior for catch-all categories ("other", "neutral"), so that text with no evidence lands there. */
const CATCH_ALL_PRIOR = 0.5;
const MAX_PHRASE = 4;
/**
 * Scores are squashed to at most this (CAP · tanh(score / CAP)) before the softmax: piling up
 * keywords makes the sandbox surer, but never 1.0 — a keyword match is not proof.
 */
const SCORE_CAP = 5;

interface Index {
  names: string[];
  /** term key → [category index, weight] after dividing by how many categories share the term. */
  terms: Map<string, Array<[number, number]>>;
  priors: number[];
}

const conceptsByTrigger = new Map<string, number[]>();
CONCEPTS.forEach((concept, i) => {
  for (const trigger of concept.triggers) {
    const key = stem(trigger);
    conceptsByTrigger.set(key, [...(conceptsByTrigger.get(key) ?? []), i]);
  }
});
const conceptTerms = CONCEPTS.map((c) => c.terms.map(phraseKey).filter(Boolean));
const catchAll = new Set(CONCEPTS.flatMap((c, i) => (c.terms.length === 0 ? [i] : [])));

function buildIndex(categories: CategorySpec[]): Index {
  const perCategory = categories.map((category) => {
    const weights = new Map<string, number>();
    const add = (key: string, weight: number) => {
      if (key && weight > (weights.get(key) ?? 0)) weights.set(key, weight);
    };
    let prior = 0;
    const own = nameWords(category.name)
      .filter((w) => !isStopword(w))
      .map(stem);
    const triggered = (stems: string[], weight: number) => {
      for (const s of stems) {
        for (const concept of conceptsByTrigger.get(s) ?? []) {
          if (catchAll.has(concept)) prior = CATCH_ALL_PRIOR;
          for (const term of conceptTerms[concept]!) add(term, weight);
        }
      }
    };
    triggered(own, LEXICON_WEIGHT);
    const described = words(category.description ?? '')
      .filter((w) => !isStopword(w))
      .map(stem);
    triggered(described, DESCRIPTION_LEXICON_WEIGHT);
    for (const s of described) add(s, DESCRIPTION_WEIGHT);
    for (const s of own) add(s, NAME_WEIGHT);
    if (own.length > 1) add(own.join(' '), NAME_WEIGHT);
    return { weights, prior };
  });

  const terms = new Map<string, Array<[number, number]>>();
  perCategory.forEach(({ weights }, i) => {
    for (const [key, weight] of weights) terms.set(key, [...(terms.get(key) ?? []), [i, weight]]);
  });
  // A term that several categories share tells them apart less: split its weight between them.
  for (const [key, list] of terms)
    terms.set(
      key,
      list.map(([i, w]) => [i, w / list.length]),
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

  const tokens = words(input);
  const stems = tokens.map(stem);
  const seen = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    let key = '';
    for (let n = 1; n <= MAX_PHRASE && i + n <= stems.length; n++) {
      key = n === 1 ? stems[i]! : `${key} ${stems[i + n - 1]}`;
      if (seen.has(key)) continue;
      const hits = index.terms.get(key);
      if (!hits) continue;
      seen.add(key);
      const surface = tokens.slice(i, i + n).join(' ');
      for (const [c, weight] of hits) {
        logits[c]! += weight;
        evidence[c]!.push({ surface, weight });
      }
    }
  }

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
  const scores: Record<string, number> = {};
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
    // "log in" already says what "log" would.
    if (chosen.some((c) => c.includes(e.surface) || e.surface.includes(c))) continue;
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
