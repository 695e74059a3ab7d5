// Tokenizing, light stemming and typo repair. Both sides (the input and the category terms) go
// through the same functions, so a stem need not be a real word, only a consistent one.

const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from as is are was were be been being am ' +
    'i me my mine we us our you your he she it its they them their this that these those there here ' +
    'do does did have has had will would shall should can could may might must just very too also ' +
    'what which who whom whose when where why how all any some such than only own same about into ' +
    'over after before again once up down out off more most other each few both s t d ll re ve m ' +
    'please hi hello thanks dear'
  ).split(' '),
);
// Words that say nothing about a category in its description ("Anything about invoices").
const DESCRIPTION_STOPWORDS = new Set(
  (
    'anything something everything related regarding relating concerning message messages text texts ' +
    'customer customers user users people someone person asks asking ask wants want mentions mention ' +
    'including include includes e g eg etc like such kind kinds type types thing things stuff topic topics'
  ).split(' '),
);

/** Words that cancel an intent that follows them ("not interested in buying", "don't like"). */
const NEGATORS = new Set(
  'not no never dont doesnt didnt isnt arent wasnt werent cant cannot wont without nor neither hardly'.split(
    ' ',
  ),
);
/** Words that end a negation's reach, like punctuation does. */
const CLAUSE_WORDS = new Set('but just however though although instead only'.split(' '));

/** Word characters, with apostrophes inside words dropped ("can't" → "cant"). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export interface Tokens {
  words: string[];
  /** For each word, whether a negator reaches it (up to three words back, within its clause). */
  negated: boolean[];
  /** Whether the text asks something. */
  question: boolean;
}

// Pure ASCII text (most of it) needs no Unicode classes: its letters are a-z once lowercased and
// its numbers 0-9, so the cheaper pattern finds exactly the same parts (decision 0153).
/** A character outside printable ASCII and tabs or newlines: the Unicode pattern reads such text. */
const NOT_PLAIN_ASCII = /[^\t\n\r -~]/;
const ASCII_PARTS = /[a-z0-9]+|[.,;:!?()\n]/g;
const UNICODE_PARTS = /[\p{L}\p{N}]+|[.,;:!?()\n]/gu;

export function tokenize(text: string): Tokens {
  const out: string[] = [];
  const clause: number[] = [];
  let current = 0;
  const lower = text.toLowerCase().replace(/['’]/g, '');
  const parts = lower.match(NOT_PLAIN_ASCII.test(lower) ? UNICODE_PARTS : ASCII_PARTS) ?? [];
  for (const part of parts) {
    if (part.length === 1 && '.,;:!?()\n'.includes(part)) {
      current++;
      continue;
    }
    if (CLAUSE_WORDS.has(part)) current++;
    out.push(part);
    clause.push(current);
  }
  const negated: boolean[] = new Array<boolean>(out.length);
  for (let i = 0; i < out.length; i++) {
    let reached = false;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      if (clause[j] !== clause[i]) break;
      if (NEGATORS.has(out[j]!)) {
        reached = true;
        break;
      }
    }
    negated[i] = reached;
  }
  return { words: out, negated, question: text.includes('?') };
}

/** Splits a category name in any casing into words: `accountAccess`, `account-access` → account, access. */
export function nameWords(name: string): string[] {
  return words(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_\-./]+/g, ' '));
}

const UNDOUBLE = /([bdgmnprt])\1$/;
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ingly', 'ing', 'edly', 'ed', 'ly'];

export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (UNDOUBLE.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function isNegator(word: string): boolean {
  return NEGATORS.has(word);
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

export function isDescriptionStopword(word: string): boolean {
  return STOPWORDS.has(word) || DESCRIPTION_STOPWORDS.has(word);
}

/** The stems of a phrase, joined by one space: the key phrases are matched by. */
export function phraseKey(phrase: string): string {
  return words(phrase).map(stem).join(' ');
}

/**
 * Repairs one-letter typos against a vocabulary ("acount", "pasword", "recieve", "passsword"): a
 * word of 5+ letters that is not itself known and is one deletion, insertion or swap of adjacent
 * letters away from a known word of 6+ letters. Substitutions are not repaired: "change" must not
 * become "charge".
 */
export class TypoRepair {
  private readonly known: Set<string>;
  private readonly byDeletion = new Map<string, string>();

  constructor(vocabulary: Iterable<string>) {
    this.known = new Set(vocabulary);
    for (const word of this.known) {
      if (word.length < 6 || !/^[a-z]+$/.test(word)) continue;
      // Not the last letter: "charge" → "charg" or "charger" → "charge" are derivations, not typos.
      for (let i = 0; i < word.length - 1; i++) {
        const variant = word.slice(0, i) + word.slice(i + 1);
        // Two known words with the same deletion: ambiguous, so neither is guessed.
        const existing = this.byDeletion.get(variant);
        this.byDeletion.set(variant, existing && existing !== word ? '' : word);
      }
    }
  }

  repair(word: string): string {
    if (word.length < 5 || this.known.has(word) || !/^[a-z]+$/.test(word)) return word;
    // A letter missing: the word is a deletion of a known word.
    const missing = this.byDeletion.get(word);
    if (missing) return missing;
    for (let i = 0; i < word.length; i++) {
      // A letter too many (not the last one): deleting it gives a known word.
      const shorter = word.slice(0, i) + word.slice(i + 1);
      if (i < word.length - 1 && shorter.length >= 6 && this.known.has(shorter)) return shorter;
      // Two letters swapped.
      if (i + 1 < word.length && word[i] !== word[i + 1]) {
        const swapped = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
        if (swapped.length >= 6 && this.known.has(swapped)) return swapped;
      }
    }
    return word;
  }
}
