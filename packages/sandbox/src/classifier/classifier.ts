// The sandbox's classifier: deterministic, offline and fast. Each category gets a set of weighted
// terms (the words of its name, the built-in lexicon's related words for the concepts its name and
// description mention, its description's words); a text scores the terms it contains (stems, phrases
// up to four words, one-letter typos repaired, an intent after "not" cancelled); a softmax over the
// squashed scores gives confidences that rank the categories and sum to 1. Text with no evidence gets
// an even split (or leans to a catch-all such as "other"), hence a low confidence. See decision 0150.
// Detectors chosen by what a name means add evidence no word list has (language, polarity, surface
// cues); a negated name ("not_spam") is the complement of its base, scored as a hidden "shadow"
// category. See decision 0151. Categories no concept or detector knows get WordNet's related
// words (decision 0152) and the nearness of the text's words in a compact word-vector index
// (decision 0154).
import {
  detectorsFor,
  isDetectorWord,
  isNeutralWord,
  isPolarityWord,
  type Detector,
} from './detectors';
import { profile, similarities } from './embeddings';
import { CONCEPTS, type Concept } from './lexicon';
import { nameMeaning } from './meaning';
import {
  isDescriptionStopword,
  isStopword,
  phraseKey,
  stem,
  tokenize,
  TypoRepair,
  words,
} from './text';
import { Memo } from './memo';
import { isKindOf, isMessageWord, relatedTerms } from './wordnet';

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
/** The concepts beside a negated name's base ("not_a_lead": applications, pitches) count at this. */
const BESIDE_FACTOR = 0.5;
/** A polarity name ("positive") takes the lexicon's praise (or complaint) terms at this. */
const POLARITY_CONCEPT_FACTOR = 0.5;
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
/**
 * A negated category ("not_spam") starts here and loses what its base ("spam") gains: with no
 * evidence either way it leans to the complement, as a person would, but not confidently.
 */
const NEGATED_PRIOR = 1;
const COMPLEMENT_FACTOR = 1;
/**
 * WordNet's words for a name word no concept or detector covers (decision 0152): a clear link
 * (a synonym, a derived form, a narrower noun) weighs like a clear lexicon term; a weak link (a
 * broader term, a word of the definition, a part) like a weak one, and all weak links of a
 * category together count at most WORDNET_WEAK_CAP in a text, so they lean but never decide alone.
 */
const WORDNET_STRONG = 2;
const WORDNET_WEAK = 1;
const WORDNET_WEAK_CAP = 1.2;

/**
 * Word vectors (decision 0154), for the same categories as WordNet (no concept or detector knows
 * their name): a word of the text whose cosine with a category's name (and description) vector is
 * at least EMBEDDING_MIN, and higher than with any other category's, counts EMBEDDING_WEIGHT × the
 * margin for it. A category's embedding evidence is capped so that it alone gives at most
 * EMBEDDING_CAP (0.78 < 0.80) of the confidence, whatever the number of categories.
 */
const EMBEDDING_MIN = 0.4;
const EMBEDDING_WEIGHT = 4;
const EMBEDDING_CAP = 0.78;
/**
 * Agreement of two independent sources (decision 0155): a word of the text that is nearest one
 * category's vector (cosine at least AGREE_COS, above every other category) AND that WordNet links
 * to the category's name (one of its related words, or a word whose first senses are a kind of the
 * name's first sense: "pasta" is a kind of "food") counts its margin once more, even under
 * EMBEDDING_MIN. When AGREE_WORDS words of a text agree so, the category's vector cap rises from
 * EMBEDDING_CAP to AGREE_CAP. Either source alone stays under 0.80, as before; one agreeing word
 * may reach it with a WordNet link's own weight. A word that counted as a term for a category adds
 * no nearness (nor agreement) for it (decision 0156): one word is one piece of evidence.
 */
const AGREE_COS = 0.2;
const AGREE_WORDS = 2;
const AGREE_CAP = 0.9;
/**
 * The last word of a compound name that names a kind of message ("request", "application",
 * "question": WordNet's broader terms include "message"): what the text is about is in the other
 * words, so this one's WordNet words and its share of the name's vector weigh HEAD_FACTOR. So do
 * the concepts a description's message words bring in ("Questions about opening hours", 0156).
 */
const HEAD_FACTOR = 0.5;
/** Description words count at half a name word in a category's vector. */
const EMBEDDING_DESCRIPTION = 0.5;

type Hit = [category: number, weight: number, negatable: boolean, weak: boolean];

interface Index {
  names: string[];
  /** term key → hits after dividing each weight by how many categories share the term. */
  terms: Map<string, Hit[]>;
  /** Every proper prefix of a phrase term ("log" of "log in"): a longer phrase can only start so. */
  prefixes: Set<string>;
  /** Per slot: the categories, then one shadow (the base) per negated category. */
  priors: number[];
  /** Per category: the slot of its base when its name is negated, else -1. */
  shadows: number[];
  /** Per category: what a negated one's base is called ("spam" for "not_spam"). */
  bases: string[];
  detectors: Detector[];
  /** Per slot: the unit mean vector of its name (and description) words, when it gets one. */
  profiles: Array<Float32Array | undefined>;
  /** Per word of a text, what it counts for (slot and margin), or null: computed once per set. */
  nearness: Memo<string, [slot: number, margin: number, cosine: number, agrees: boolean] | null>;
  /** Per slot: the one-word terms WordNet links to its name (stems), for agreement with nearness. */
  linked: Array<Set<string>>;
  /** Per slot: whether nearness counts for it (no concept or detector knows its name). */
  gains: boolean[];
  /** Per slot: its name's words, which a text word's broader terms may name. */
  heads: string[][];
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
const normalised = new Memo<string, string>(50_000);
function normalise(word: string): string {
  return normalised.get(word) ?? normalised.remember(word, stem(typos.repair(word)));
}

function buildIndex(categories: CategorySpec[]): Index {
  const meanings = categories.map((c) => nameMeaning(c.name));
  // Slots: the categories, then a shadow for each negated one, scored on its base's words.
  const slots: Array<{ words: string[]; description: string; negated: boolean; base: string[] }> =
    meanings.map((m, i) => ({
      words: m.negated ? [] : m.words,
      description: categories[i]!.description ?? '',
      negated: m.negated,
      base: m.negated ? m.words : [],
    }));
  const shadows = meanings.map((m) => {
    if (!m.negated) return -1;
    slots.push({ words: m.words, description: '', negated: false, base: [] });
    return slots.length - 1;
  });
  // Every category's words: what picks a WordNet sense of a name word (decision 0152).
  const context = new Set(
    slots.flatMap((slot) => [...slot.words, ...words(slot.description)]).map(stem),
  );
  // A category no concept or detector knows: what a general dictionary relates to its words.
  const knownOf = (slot: { words: string[] }) =>
    slot.words.some((w) => conceptsByTrigger.has(normalise(w)) || isDetectorWord(w));
  const someUnknown = slots.some((slot) => !slot.negated && !knownOf(slot));
  const perSlot = slots.map((slot) => {
    const weights = new Map<string, { weight: number; negatable: boolean; weak: boolean }>();
    const linked = new Set<string>();
    const add = (key: string, weight: number, negatable = false, weak = false) => {
      const current = weights.get(key);
      if (key && weight > (current?.weight ?? 0)) weights.set(key, { weight, negatable, weak });
    };
    // A term two of a slot's concepts share ("seats": sales and hot) counts for each of them.
    const fromConcept = new Map<string, Map<number, number>>();
    const addFrom = (c: number, key: string, weight: number, negatable: boolean) => {
      if (!key) return;
      const byConcept = fromConcept.get(key) ?? new Map<number, number>();
      fromConcept.set(key, byConcept);
      byConcept.set(c, Math.max(byConcept.get(c) ?? 0, weight));
      let sum = 0;
      for (const w of byConcept.values()) sum += w;
      add(key, sum, negatable);
    };
    let prior = slot.negated ? NEGATED_PRIOR : 0;
    // A polarity word ("positive") is the polarity detector's; the lexicon's praise words come
    // in below, at a fraction.
    const own = slot.words.filter((w) => !isPolarityWord(w)).map(normalise);
    const bringIn = (stems: string[], factor: number, ids?: number[]) => {
      const concepts = ids ?? [...new Set(stems.flatMap((s) => conceptsByTrigger.get(s) ?? []))];
      const specific = concepts.some((c) => !CONCEPTS[c]!.generic);
      for (const c of concepts) {
        const concept = CONCEPTS[c]!;
        if (concept.catchAll) prior = Math.max(prior, CATCH_ALL_PRIOR);
        const f = concept.generic && specific ? factor * GENERIC_CONCEPT_FACTOR : factor;
        for (const [key, relative] of conceptTerms[c]!)
          addFrom(c, key, STRONG_WEIGHT * relative * f, concept.negatable === true);
      }
    };
    bringIn(own, 1);
    // AFINN lacks a customer's words ("slow", "crashes", "never arrived", "lifesaver"): a polarity
    // name also takes the lexicon's praise or complaint terms, at a fraction (decision 0157).
    bringIn(
      slot.words.filter((w) => isPolarityWord(w) && !isNeutralWord(w)).map(stem),
      POLARITY_CONCEPT_FACTOR,
    );
    // "not_a_lead": what else such an inbox gets (applications, pitches, ...) points to it (0157).
    const beside = [
      ...new Set(
        slot.base
          .flatMap((w) => conceptsByTrigger.get(normalise(w)) ?? [])
          .flatMap((c) => (CONCEPTS[c]!.beside ?? []).map((id) => conceptIds.get(id)!)),
      ),
    ];
    if (beside.length) bringIn([], BESIDE_FACTOR, beside);
    const known = knownOf(slot);
    // In `leave_request` the last word says what kind of message it is, the others what about.
    const kindWord = (w: string, i: number) =>
      i === slot.words.length - 1 && i > 0 && !known && isMessageWord(w);
    slot.words.forEach((w, i) => {
      // A letter or a code ("a", "x", "p1") is a label, not a word a dictionary can explain.
      if (known || !/^[a-z]{3,}$/.test(w)) return;
      const f = kindWord(w, i) ? HEAD_FACTOR : 1;
      for (const r of relatedTerms(w, context, stem, isStopword)) {
        const key = phraseKey(r.term);
        if (key.split(' ').length > MAX_PHRASE) continue;
        if (f === 1 && !key.includes(' ')) linked.add(key);
        if (r.weak) add(key, WORDNET_WEAK * r.relative * f, false, true);
        else add(key, WORDNET_STRONG * r.relative * f);
      }
    });
    const describedWords = words(slot.description).filter((w) => !isDescriptionStopword(w));
    const described = describedWords.map(stem);
    // "Questions about opening hours": the kind of message weighs half, as in a name (0156).
    const kinds = new Set(describedWords.filter((w) => isMessageWord(w)).map(stem));
    bringIn(
      described.filter((s) => !kinds.has(s)),
      DESCRIPTION_CONCEPT_FACTOR,
    );
    bringIn([...kinds], DESCRIPTION_CONCEPT_FACTOR * HEAD_FACTOR);
    // The caller's own words for a category: "not urgent" or "not a billing question" is not one.
    for (const s of described) add(s, DESCRIPTION_WEIGHT, true);
    for (const s of own) add(s, NAME_WEIGHT, true);
    if (own.length > 1) add(own.join(' '), NAME_WEIGHT, true);
    // A negated name's vector is its shadow's (the base), scored by the complement as the rest is.
    const vector =
      !slot.negated && someUnknown
        ? profile([
            ...slot.words
              .map((w, i): [string, number] => [w, kindWord(w, i) ? HEAD_FACTOR : 1])
              .filter(([w]) => /^[a-z]{2,}$/.test(w)),
            ...words(slot.description)
              .filter((w) => !isDescriptionStopword(w) && /^[a-z]{2,}$/.test(w))
              .map((w): [string, number] => [w, EMBEDDING_DESCRIPTION]),
          ])
        : undefined;
    const heads = slot.words.filter((w, i) => !kindWord(w, i));
    return { weights, prior, vector, linked, heads, gains: !known };
  });

  const terms = new Map<string, Hit[]>();
  perSlot.forEach(({ weights }, i) => {
    for (const [key, { weight, negatable, weak }] of weights)
      terms.set(key, [...(terms.get(key) ?? []), [i, weight, negatable, weak]]);
  });
  // A term that several categories share tells them apart less: split its weight between them.
  // Shadows do not count: "spam" in [spam, not_spam] is evidence, not a shared word.
  for (const [key, list] of terms) {
    const sharing = Math.max(1, list.filter(([i]) => i < categories.length).length);
    terms.set(
      key,
      list.map(([i, w, n, weak]) => [i, w / sharing, n, weak]),
    );
  }
  const prefixes = new Set<string>();
  for (const key of terms.keys()) {
    const parts = key.split(' ');
    for (let n = 1; n < parts.length; n++) prefixes.add(parts.slice(0, n).join(' '));
  }
  return {
    names: categories.map((c) => c.name),
    terms,
    prefixes,
    priors: perSlot.map((c) => c.prior),
    shadows,
    bases: meanings.map((m) => m.words.join(' ')),
    detectors: detectorsFor(slots.map((slot) => slot.words)),
    profiles: perSlot.filter((c) => c.vector).length >= 2 ? perSlot.map((c) => c.vector) : [],
    nearness: new Memo(5_000),
    linked: perSlot.map((c) => c.linked),
    heads: perSlot.map((c) => c.heads),
    gains: perSlot.map((c) => c.gains),
  };
}

// Workflows send the same categories over and over: keep the last few indexes.
const cache = new Map<string, Index>();
function indexFor(categories: CategorySpec[]): Index {
  // Lengths first, so that no name or description can run into the next one.
  let key = '';
  for (const { name, description = '' } of categories)
    key += `${name.length}:${name}${description.length}:${description}`;
  let index = cache.get(key);
  if (!index) {
    index = buildIndex(categories);
    if (cache.size >= 200) cache.delete(cache.keys().next().value as string);
    cache.set(key, index);
  }
  return index;
}

interface Evidence {
  /** The words that counted, or (from a detector or a negated name) a reason in words. */
  surface: string;
  weight: number;
  reason?: boolean;
}

export function classify(input: string, categories: CategorySpec[], explain = true): Prediction {
  const index = indexFor(categories);
  const slotLogits = [...index.priors];
  const weakLinks = index.priors.map(() => 0);
  // "slot word" for each word that counted as a term for a slot: it adds no nearness there (0156).
  // Only sets with vectors use it: sets the lexicon knows pay nothing for it.
  const counted = index.profiles.length ? new Set<string>() : undefined;
  const evidence: Evidence[][] = index.priors.map(() => []);

  const tokenized = tokenize(input);
  const { words: tokens, negated, question } = tokenized;
  const stems = tokens.map(normalise);
  const seen = new Set<string>();
  const score = (key: string, from: number, to: number) => {
    const hits = index.terms.get(key);
    if (!hits) return;
    seen.add(key);
    // One word (most hits) needs no slice and join.
    const surface =
      to - from === 1 ? tokens[from]! : from < to ? tokens.slice(from, to).join(' ') : '?';
    const isNegated = from < to && negated[from]!;
    for (const [c, weight, negatable, weak] of hits) {
      // "not interested in buying", "not great": the intent is cancelled, not counted.
      if (negatable && isNegated) continue;
      if (weak) weakLinks[c]! += weight;
      else slotLogits[c]! += weight;
      if (counted) for (let j = from; j < to; j++) counted.add(`${c} ${tokens[j]}`);
      // Evidence only feeds the explanation: none is kept when none is asked for.
      if (explain) evidence[c]!.push({ surface, weight });
    }
  };
  for (let i = 0; i < stems.length; i++) {
    let key = '';
    for (let n = 1; n <= MAX_PHRASE && i + n <= stems.length; n++) {
      key = n === 1 ? stems[i]! : `${key} ${stems[i + n - 1]}`;
      if (!seen.has(key)) score(key, i, i + n);
      // No term goes on from here: the longer phrases cannot match.
      if (!index.prefixes.has(key)) break;
    }
  }
  if (question) score(QUESTION_KEY, 0, 0);
  if (index.profiles.length)
    embeddingEvidence(
      index,
      { tokens, stems, negated, counted: counted! },
      slotLogits,
      explain ? evidence : undefined,
    );
  weakLinks.forEach((sum, c) => {
    slotLogits[c]! += Math.min(sum, WORDNET_WEAK_CAP);
  });
  for (const detector of index.detectors) {
    for (const { slot, weight, reason } of detector.find(input, tokenized)) {
      slotLogits[slot]! += weight;
      evidence[slot]!.push({ surface: reason, weight, reason: true });
    }
  }
  // A negated category gains what its base lacks.
  const logits = categories.map((_, c) => {
    const shadow = index.shadows[c]!;
    if (shadow < 0) return slotLogits[c]!;
    const against = Math.max(0, slotLogits[shadow]!);
    if (against === 0)
      evidence[c]!.push({
        surface: `nothing in it points to "${index.bases[c]}"`,
        weight: 0,
        reason: true,
      });
    return slotLogits[c]! - COMPLEMENT_FACTOR * against;
  });

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

/** The one category a word is near (cosine ≥ EMBEDDING_MIN), and its margin over the next. */
function nearestSlot(
  profiles: Array<Float32Array | undefined>,
  word: string,
): [slot: number, margin: number, cosine: number] | null {
  if (word.length < 3 || isStopword(word)) return null;
  const sims = similarities(word, profiles);
  if (!sims) return null;
  let best = -1;
  let second = -1;
  sims.forEach((s, c) => {
    if (!profiles[c]) return;
    if (best < 0 || s > sims[best]!) {
      second = best;
      best = c;
    } else if (second < 0 || s > sims[second]!) second = c;
  });
  if (best < 0 || second < 0) return null;
  const margin = sims[best]! - sims[second]!;
  return margin > 0 ? [best, margin, sims[best]!] : null;
}

/**
 * Distributional evidence (decision 0154): each word of the text that is near one category's
 * words (cosine ≥ EMBEDDING_MIN) and nearer it than any other counts for that category by the
 * margin over the runner-up; a category's sum is capped at ln(EMBEDDING_CAP / (1 − EMBEDDING_CAP) ·
 * (k − 1)) for k categories, so nearness alone leans but never reaches 0.80, and a word as near to
 * two categories counts for neither.
 */
function embeddingEvidence(
  index: Index,
  {
    tokens,
    stems,
    negated,
    counted,
  }: { tokens: string[]; stems: string[]; negated: boolean[]; counted: Set<string> },
  slotLogits: number[],
  evidence: Evidence[][] | undefined,
): void {
  const sums = index.profiles.map(() => 0);
  const agreed = index.profiles.map(() => 0);
  const agreedWords = index.profiles.map(() => 0);
  const seenWords = new Set<string>();
  tokens.forEach((word, i) => {
    if (negated[i] || seenWords.has(word)) return;
    seenWords.add(word);
    let near = index.nearness.get(word);
    if (near === undefined) {
      const found = nearestSlot(index.profiles, word);
      near = null;
      if (found && index.gains[found[0]]) {
        const [slot, , cosine] = found;
        const agrees =
          cosine >= AGREE_COS &&
          (index.linked[slot]!.has(stems[i]!) || index.heads[slot]!.some((h) => isKindOf(word, h)));
        if (agrees || cosine >= EMBEDDING_MIN) near = [...found, agrees];
      }
      index.nearness.remember(word, near);
    }
    if (!near) return;
    const [slot, margin, cosine, agrees] = near;
    // One word counts once for a category (decision 0156): "thieves" as theft's WordNet word, not
    // again as its nearness and again as the two sources' agreement.
    if (counted.has(`${slot} ${word}`)) return;
    if (cosine >= EMBEDDING_MIN) sums[slot]! += margin;
    if (agrees) {
      agreed[slot]! += margin;
      agreedWords[slot]! += 1;
    }
    evidence?.[slot]!.push({
      surface: word,
      weight: EMBEDDING_WEIGHT * ((cosine >= EMBEDDING_MIN ? margin : 0) + (agrees ? margin : 0)),
    });
  });
  const k = index.names.length;
  const cap = Math.log((EMBEDDING_CAP / (1 - EMBEDDING_CAP)) * Math.max(1, k - 1));
  const agreeCap = Math.log((AGREE_CAP / (1 - AGREE_CAP)) * Math.max(1, k - 1));
  sums.forEach((sum, c) => {
    const n = agreed[c]!;
    // A word both sources agree on counts twice: once as nearness, once as the agreement.
    const own = EMBEDDING_WEIGHT * (sum + n);
    slotLogits[c]! += Math.min(agreedWords[c]! >= AGREE_WORDS ? agreeCap : cap, own);
  });
}

function round(p: number): number {
  return Math.min(1, Math.max(0, Math.round(p * 10000) / 10000));
}

function listOf(items: string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The strongest evidence of a category: up to three words, and the detectors' reasons. */
function deciding(
  list: Evidence[],
  everywhere: (surface: string) => boolean,
): { words: string[]; reasons: string[] } {
  const sorted = [...list].sort(
    (a, b) => b.weight - a.weight || b.surface.length - a.surface.length,
  );
  const chosen: string[] = [];
  const reasons: string[] = [];
  for (const e of sorted) {
    if (e.reason) {
      if (reasons.length < 2) reasons.push(e.surface);
      continue;
    }
    if (chosen.length === 3) continue;
    // "log in" already says what "log" would; "password reset" what "reset email" would.
    const mine = e.surface.split(' ');
    if (chosen.some((c) => c.split(' ').some((w) => mine.includes(w)))) continue;
    // Evidence every category got told none of them apart.
    if (everywhere(e.surface)) continue;
    chosen.push(e.surface);
  }
  return { words: chosen, reasons };
}

function because({ words, reasons }: { words: string[]; reasons: string[] }): string {
  const parts = [...(words.length ? [`the text mentions ${listOf(words)}`] : []), ...reasons];
  return parts.join(' and ');
}

/** Within this, two probabilities are a tie: the list order decided, not the evidence. */
const TIE = 0.005;

function explanation(
  names: string[],
  probabilities: number[],
  evidence: Evidence[][],
  best: number,
): string {
  const label = names[best]!;
  const everywhere = (surface: string) =>
    names.length > 1 &&
    evidence.every((list, c) => c >= names.length || list.some((e) => e.surface === surface));
  const mine = deciding(evidence[best]!, everywhere);
  let runnerUp = -1;
  probabilities.forEach((p, i) => {
    if (i !== best && (runnerUp < 0 || p > probabilities[runnerUp]!)) runnerUp = i;
  });
  const theirs = runnerUp >= 0 ? deciding(evidence[runnerUp]!, everywhere) : undefined;
  if (mine.words.length === 0 && mine.reasons.length === 0) {
    return `No words in the text point clearly to any of the categories, so "${label}" is only a low-confidence guess.`;
  }
  if (runnerUp >= 0 && probabilities[best]! - probabilities[runnerUp]! < TIE) {
    return `The evidence was even: "${label}" (${because(mine)}) and "${names[runnerUp]}" (${because(theirs!)}) scored the same, so "${label}", the first of them in the list, is only a low-confidence guess.`;
  }
  let text = `Classified as "${label}" because ${because(mine)}.`;
  if (theirs && (theirs.words.length || theirs.reasons.length) && probabilities[runnerUp]! >= 0.1) {
    text += ` "${names[runnerUp]}" came second: ${because(theirs)}.`;
  }
  return text;
}
