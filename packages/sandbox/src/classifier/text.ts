// Tokenizing and light stemming. Both sides (the input and the category terms) go through the same
// functions, so a stem need not be a real word, only a consistent one.

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
// "thanks" is a stopword for matching names, but praise categories list it explicitly: terms from
// the lexicon are matched without the stopword filter (see classifier.ts).

/** Word characters, with apostrophes inside words dropped ("can't" → "cant"). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
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

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** The stems of a phrase, joined by one space: the key phrases are matched by. */
export function phraseKey(phrase: string): string {
  return words(phrase).map(stem).join(' ');
}
