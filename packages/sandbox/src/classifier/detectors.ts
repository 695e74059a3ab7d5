// Evidence that no word list gives: which language a text is written in (franc-min's trigram
// profiles), how positive or negative it is (AFINN-165 word valences, from the `sentiment`
// package, with our negation scope), and surface cues of spam (links, money, shouting) and of
// urgency (deadlines, shouting). A detector is chosen by what a category's NAME means, never by a
// list of the categories we test: any name that is a language's English name or ISO 639-1 code,
// any polarity word, any word for junk or for urgency. See decision 0151.
import type * as langs from 'langs';
import { Memo } from './memo';
import { isNegator, stem, type Tokens } from './text';
import { LanguageScorer } from './trigrams';
import { adjectiveSenses } from './wordnet';

// Loaded on first use: most category sets name no language and no polarity, and the sandbox's
// start-up (which the test suites pay many times) should not pay for their data.
/* eslint-disable @typescript-eslint/no-require-imports */
let langsModule: typeof langs | undefined;
let stopwordLists: Record<string, string[]> | undefined;
const loadStopwords = () =>
  (stopwordLists ??= require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>);
let valenceTable: Record<string, number> | undefined;
const loadLangs = () => (langsModule ??= require('langs') as typeof langs);
const loadValence = () =>
  (valenceTable ??= require('sentiment/languages/en/labels.json') as Record<string, number>);
/* eslint-enable @typescript-eslint/no-require-imports */

/** A detector's evidence for one category: a logit to add and what to say about it. */
interface Finding {
  slot: number;
  weight: number;
  reason: string;
}

export interface Detector {
  find(text: string, tokens: Tokens): Finding[];
}

const titleCase = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** The ISO 639-3 code a category name stands for ("french", "fr", "French"), if any. */
function languageOf(words: string[]): { code: string; iso1: string; name: string } | undefined {
  if (words.length !== 1) return undefined;
  const word = words[0]!;
  // Most names are no language: skip loading language data for what cannot be one.
  if (!/^[a-z]+$/.test(word) || isPolarityWord(word)) return undefined;
  const langs = loadLangs();
  const found =
    (word.length === 2 ? langs.where('1', word) : undefined) ??
    langs.where('name', titleCase(word));
  return found ? { code: found['3'], iso1: found['1'], name: found.name } : undefined;
}

/**
 * The best-scoring language gets LANGUAGE_TOP (for a text of at least LANGUAGE_FULL_LENGTH
 * letters); each other loses LANGUAGE_WEIGHT per unit of franc's score below the best. franc's
 * scores sit close together (the best is 1, the others a little below), so the gap is the finding.
 */
const LANGUAGE_TOP = 5;
const LANGUAGE_WEIGHT = 40;
const LANGUAGE_FULL_LENGTH = 40;

function languageDetector(slots: string[][]): Detector | undefined {
  const named = slots.map(languageOf);
  const only = [...new Set(named.flatMap((l) => (l ? [l.code] : [])))];
  if (only.length < 2) return undefined;
  // franc-min's scores for these languages only, with their models prepared once per category set.
  const scorer = new LanguageScorer(only);
  const ownWords = functionWords(named);
  return {
    find(text, tokens) {
      const letters = text.replace(/[\s\d!-/:-@[-`{-~¡¿]+/g, '').length;
      // Trigram statistics on a word or two are a hint, not a finding.
      const reliability = Math.min(1, letters / LANGUAGE_FULL_LENGTH) ** 1.5;
      // franc reads at most this much: the first lines say which language a text is in.
      const scores = scorer.scores(text.slice(0, 400));
      const findings: Finding[] = [];
      // Short texts: a word only one of the named languages uses ("merci", "und") is a finding.
      const own = named.map((): string[] => []);
      for (const word of tokens.words) {
        const slot = ownWords.get(word);
        if (slot !== undefined && !own[slot]!.includes(word)) own[slot]!.push(word);
      }
      // Words of two languages ("Termin ok? Call via Teams"): the letters' verdict is halved.
      const mixed = own.filter((found) => found.length).length > 1 ? MIXED_FACTOR : 1;
      named.forEach((language, slot) => {
        const score = language ? (scores.get(language.code) ?? 0) : 0;
        const weight = mixed * reliability * (LANGUAGE_TOP - LANGUAGE_WEIGHT * (1 - score));
        if (score > 0 && weight > 0)
          findings.push({
            slot,
            weight,
            reason: `its letters and words read as ${language!.name}`,
          });
      });
      own.forEach((found, slot) => {
        if (found.length)
          findings.push({
            slot,
            weight: LANGUAGE_WORD_WEIGHT * Math.min(found.length, LANGUAGE_MAX_WORDS),
            reason: `it uses ${named[slot]!.name} words (${found
              .slice(0, 2)
              .map((w) => `"${w}"`)
              .join(', ')})`,
          });
      });
      return findings;
    },
  };
}

/** Per word of a text that only one named language has among its common words (stopwords-iso). */
const LANGUAGE_WORD_WEIGHT = 1;
const LANGUAGE_MAX_WORDS = 3;
const MIXED_FACTOR = 0.5;

/** The common words (stopwords-iso) that belong to exactly one of the named languages: word → slot. */
function functionWords(named: Array<{ iso1: string } | undefined>): Map<string, number> {
  const lists = loadStopwords();
  const owners = new Map<string, number>();
  const shared = new Set<string>();
  named.forEach((language, slot) => {
    for (const word of (language && lists[language.iso1]) || []) {
      const key = word.toLowerCase().replace(/['’]/g, '');
      const owner = owners.get(key);
      if (owner !== undefined && owner !== slot) shared.add(key);
      else owners.set(key, slot);
    }
  });
  for (const word of shared) owners.delete(word);
  return owners;
}

const POLARITY: Record<string, 'positive' | 'negative' | 'neutral'> = {
  positive: 'positive',
  pos: 'positive',
  negative: 'negative',
  neg: 'negative',
  neutral: 'neutral',
  mixed: 'neutral',
};

/** Whether a name word is a polarity word, handled here instead of by the lexicon. */
export function isPolarityWord(word: string): boolean {
  return word in POLARITY;
}

/** Whether a name word is the neutral (or mixed) point of a polarity scale. */
export function isNeutralWord(word: string): boolean {
  return POLARITY[word] === 'neutral';
}

/** Logit per AFINN point; a neutral category's prior, so that a text with no valence lands there. */
const POLARITY_WEIGHT = 1.1;
const NEUTRAL_PRIOR = 1.2;

/** Words before "like" that make it a comparison or a wish ("looks like", "I'd like"). */
const NOT_LIKING = new Set(
  (
    'look looks looked looking nothing something anything seems seem seemed sounds sound sounded ' +
    'feel feels felt exactly more less much would id wed youd theyd hed shed smells tastes'
  ).split(' '),
);

/** AFINN words that in customers' messages are mostly a noun or a request ("support team", "please help"). */
const NOT_FEELING = new Set([
  'support',
  'help',
  'helps',
  'care',
  'please',
  'kind',
  'pretty',
  'want',
  'free',
  'matter',
  'yes',
]);

/**
 * AFINN lists a word in some forms only ("recommend", "crash"): another form ("recommending",
 * "crashed") takes the value its stem has there, when every listed form of that stem agrees.
 */
let stemmedValence: Map<string, number> | undefined;
// Per word of the texts seen (most are in no list): stemming every unlisted word again costs.
const byWord = new Memo<string, number | undefined>(50_000);
function stemValence(word: string): number | undefined {
  if (byWord.has(word)) return byWord.get(word);
  if (!stemmedValence) {
    const byStem = new Map<string, number[]>();
    for (const [w, v] of Object.entries(loadValence())) {
      if (!/^[a-z]+$/.test(w)) continue;
      const list = byStem.get(stem(w)) ?? [];
      list.push(v);
      byStem.set(stem(w), list);
    }
    stemmedValence = new Map();
    for (const [key, values] of byStem)
      if (values.every((v) => Math.sign(v) === Math.sign(values[0]!)))
        stemmedValence.set(key, Math.round(values.reduce((a, b) => a + b, 0) / values.length));
  }
  const value = stemmedValence.get(stem(word));
  return byWord.remember(word, value);
}

/**
 * Praise said of something bad ("Great, another update that breaks everything", "love that for
 * me"): in a text with one of these markers, its praise words count as blame.
 */
const SARCASM =
  /\b(?:oh (?:great|wonderful|joy|fantastic|perfect|brilliant)|(?:great|wow|yay|fantastic|perfect|brilliant|wonderful|awesome),? (?:another|more|again)|just what (?:i|we) needed|love that for (?:me|us)|thanks a lot|thanks for nothing|so much for)\b/i;

/** A text's AFINN valence, each way, with our negation scope: its sums and the words that made them. */
function valenceOf(tokens: Tokens) {
  const VALENCE = loadValence();
  let positive = 0;
  let negative = 0;
  const positiveWords: string[] = [];
  const negativeWords: string[] = [];
  tokens.words.forEach((word, i) => {
    // "no" and "not" carry a valence in AFINN; here they only flip what follows.
    const base = VALENCE[word] ?? stemValence(word);
    if (!base || isNegator(word)) return;
    // "looks nothing like", "would like": a comparison or a wish, not a liking.
    if ((word === 'like' || word === 'likes') && i > 0 && NOT_LIKING.has(tokens.words[i - 1]!))
      return;
    // "support", "help", "please": in a customer's message a team or a request, not a feeling.
    if (NOT_FEELING.has(word)) return;
    const value = tokens.negated[i] ? -base : base;
    const surface = tokens.negated[i] ? `not … ${word}` : word;
    if (value > 0) {
      positive += value;
      positiveWords.push(surface);
    } else {
      negative -= value;
      negativeWords.push(surface);
    }
  });
  return { positive, negative, positiveWords, negativeWords };
}

function polarityDetector(slots: string[][]): Detector | undefined {
  const kinds = slots.map((words) => words.map((w) => POLARITY[w]).find(Boolean));
  if (kinds.filter(Boolean).length < 2) return undefined;
  return {
    find(text, tokens) {
      let { positive, negative, positiveWords, negativeWords } = valenceOf(tokens);
      if (positive && SARCASM.test(text)) {
        negative += positive;
        negativeWords = [
          ...positiveWords.map((w) => `"${w}" said of something bad`),
          ...negativeWords,
        ];
        positive = 0;
        positiveWords = [];
      }
      const findings: Finding[] = [];
      kinds.forEach((kind, slot) => {
        if (kind === 'positive' && positive)
          findings.push({ slot, weight: POLARITY_WEIGHT * positive, reason: quote(positiveWords) });
        if (kind === 'negative' && negative)
          findings.push({ slot, weight: POLARITY_WEIGHT * negative, reason: quote(negativeWords) });
        if (kind === 'neutral')
          findings.push({
            slot,
            // Praise and blame that cancel out read as mixed, which is neutral's.
            weight: NEUTRAL_PRIOR + POLARITY_WEIGHT * Math.min(positive, negative),
            reason:
              positive && negative
                ? `it is mixed (${quote([...positiveWords, ...negativeWords])})`
                : 'it carries little positive or negative feeling',
          });
      });
      return findings;
    },
  };
}

function quote(words: string[]): string {
  return `it says ${words
    .slice(0, 3)
    .map((w) => `"${w}"`)
    .join(', ')}`;
}

const JUNK_WORDS = new Set([
  'spam',
  'spammy',
  'junk',
  'scam',
  'scams',
  'phishing',
  'fraud',
  'unsolicited',
]);
const URGENCY_WORDS = new Set(['urgent', 'urgency', 'critical', 'emergency', 'asap', 'immediate']);

// No `u` flag and no leading \b on a character class: these run on every text of such a set, and
// V8 is several times slower on either.
const URL = /https?:\/\/\S+|www\.\S+|\.(?:biz|info|ru|xyz|top|click|ly)\b/gi;
const MONEY = /[$€£] ?\d[\d,.]*|\d ?(?:[$€£]|(?:dollars|euros|pounds|usd|eur)\b)/gi;
const SHOUTED = /\b[A-Z]{3,}\b/g;
const DEADLINE =
  /\b(?:today|tonight|by tomorrow|tomorrow morning|end of (?:the )?day|eod|within (?:the|an|one|two|\d+) ?(?:hours?|hrs?|h|minutes?|mins?)|in (?:an|one|two|three|\d+) ?(?:hours?|hrs?|h|minutes?|mins?)|right away|right now)\b/gi;

function count(text: string, pattern: RegExp): string[] {
  return text.match(pattern) ?? [];
}

/** Surface cues: each cue adds this much; cues of one kind count at most this many times. */
const CUE_WEIGHT = 1.2;
const MAX_CUES = 3;

function cueDetector(slots: string[][]): Detector | undefined {
  const junk = slots.map((words) => words.some((w) => JUNK_WORDS.has(w)));
  const urgent = slots.map((words) => words.some((w) => URGENCY_WORDS.has(w)));
  if (!junk.includes(true) && !urgent.includes(true)) return undefined;
  return {
    find(text) {
      const shouted = count(text, SHOUTED).filter(
        (w) => !/^(?:[A-Z]{2,4}\d*|API|CSV|PDF|URL|FAQ)$/u.test(w) || w.length > 4,
      );
      const exclaims = count(text, /!{2,}/g);
      const findings: Finding[] = [];
      const add = (slot: number, cues: string[], what: string) => {
        if (cues.length)
          findings.push({
            slot,
            weight: CUE_WEIGHT * Math.min(cues.length, MAX_CUES),
            reason: `${what} (${cues
              .slice(0, 2)
              .map((c) => `"${c}"`)
              .join(', ')})`,
          });
      };
      junk.forEach((is, slot) => {
        if (!is) return;
        add(slot, count(text, URL), 'it carries a link');
        add(slot, count(text, MONEY), 'it promises money');
        add(slot, [...shouted, ...exclaims], 'it shouts');
      });
      urgent.forEach((is, slot) => {
        if (!is) return;
        add(slot, count(text, DEADLINE), 'it sets a deadline');
        add(slot, [...shouted, ...exclaims], 'it shouts');
      });
      return findings;
    },
  };
}

/**
 * Names that differ only in a pair of opposite modifiers of the same head (`hot_lead` /
 * `cold_lead`, `strong_candidate` / `weak_candidate`, `high_priority` / `low_priority`: WordNet
 * lists the modifiers as antonyms) are two ends of a scale. The upper end is the modifier whose
 * AFINN valence is higher, or (neither having one) whose WordNet definitions' words carry more
 * valence ("hot": eager, exciting, popular, successful; "cold": no warmth, no enthusiasm). A text's
 * own valence (with our negation scope) then counts for the end it agrees with, and a deadline for
 * the upper end: what "hot" means of a lead is not its temperature.
 */
const SCALE_WEIGHT = 0.8;
const SCALE_DEADLINE = 1.2;
const SCALE_HEDGE = 1.2;
/** A date soon: "today", "this month", "next week", "by June". */
const SOON =
  /\b(?:today|tonight|tomorrow|asap|right away|right now|end of (?:the )?(?:day|week|month)|this (?:week|month|quarter)|next (?:week|quarter)|month end|end of (?:the )?month|within (?:a|the|an|one|two|\d+) (?:hours?|days?|weeks?)|(?:by|in|on) (?:monday|tuesday|wednesday|thursday|friday|january|february|march|april|may|june|july|august|september|october|november|december|the end))\b/gi;
/** An amount of money ("€30k", "$50,000", "20k budget"): a commitment, as a date soon is. */
const AMOUNT = /[$€£] ?\d[\d,.]*(?:k|m)?\b|\b\d[\d,.]* ?(?:k|dollars|euros|pounds|usd|eur|gbp)\b/gi;
/** Doubt or a date far off: "maybe", "might", "not yet", "next year", "at some point". */
const HEDGE =
  /\b(?:maybe|perhaps|might|someday|some day|at some point|eventually|one day|next year|in the future|for the future|no (?:timeline|rush|hurry|plans?|budget|idea)|not (?:yet|now|ready|sure|really|looking)|just (?:looking|browsing|exploring|curious|researching|collecting)|nothing concrete|not in a position|sometime|probably not|not ready|down the road|later this year|bookmarked)\b/gi;

function modifierValence(word: string, glossWords: string[]): number {
  const VALENCE = loadValence();
  if (VALENCE[word] !== undefined) return VALENCE[word]! * 100;
  return glossWords.reduce((sum, w) => sum + (VALENCE[w] ?? 0), 0);
}

function scaleDetector(slots: string[][]): Detector | undefined {
  const ends: Array<{ slot: number; upper: boolean }> = [];
  slots.forEach((a, i) => {
    slots.forEach((b, j) => {
      if (j <= i || a.length !== 2 || b.length !== 2 || a[1] !== b[1] || a[0] === b[0]) return;
      const [x, y] = [a[0]!, b[0]!];
      if (!/^[a-z]{3,}$/.test(x) || !/^[a-z]{3,}$/.test(y)) return;
      const sx = adjectiveSenses(x);
      if (!sx.antonyms.has(y)) return;
      const vx = modifierValence(x, sx.glossWords);
      const vy = modifierValence(y, adjectiveSenses(y).glossWords);
      if (vx === vy) return;
      ends.push({ slot: i, upper: vx > vy }, { slot: j, upper: vy > vx });
    });
  });
  if (!ends.length) return undefined;
  return {
    find(text, tokens) {
      const { positive, negative } = valenceOf(tokens);
      const deadlines = [...count(text, SOON), ...count(text, AMOUNT)];
      const hedges = count(text, HEDGE);
      const findings: Finding[] = [];
      for (const { slot, upper } of ends) {
        const weight =
          SCALE_WEIGHT * (upper ? positive - negative : negative - positive) +
          (upper ? SCALE_DEADLINE * Math.min(deadlines.length, MAX_CUES) : 0) +
          (upper ? 0 : SCALE_HEDGE * Math.min(hedges.length, MAX_CUES)) -
          (upper ? SCALE_HEDGE * Math.min(hedges.length, MAX_CUES) : 0);
        if (weight > 0)
          findings.push({
            slot,
            weight,
            reason: upper
              ? deadlines.length
                ? `it sets a date ("${deadlines[0]}")`
                : 'it reads as keen'
              : hedges.length
                ? `it hedges ("${hedges[0]}")`
                : 'it reads as reluctant',
          });
      }
      return findings;
    },
  };
}

/** Whether a detector reads the name word (a language, a polarity, junk or urgency): no other evidence. */
export function isDetectorWord(word: string): boolean {
  return (
    isPolarityWord(word) ||
    JUNK_WORDS.has(word) ||
    URGENCY_WORDS.has(word) ||
    languageOf([word]) !== undefined
  );
}

/** The detectors a list of category meanings (each one's name words) calls for. */
export function detectorsFor(slots: string[][]): Detector[] {
  return [
    languageDetector(slots),
    polarityDetector(slots),
    cueDetector(slots),
    scaleDetector(slots),
  ].filter((d): d is Detector => d !== undefined);
}
