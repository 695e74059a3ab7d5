// franc-min 5's `all(text, { only, minLength: 1 })`, the same numbers, at a fraction of the cost
// (decision 0153). franc counts trigrams into an object, turns it into sorted tuples, and filters
// its ~80 Latin-script models on every call; here the models of the few languages a category set
// names are made Maps once (per category set), and the text's trigrams are counted once. Same data
// (franc-min's own data.json and script expressions), same cleaning, same distance (the sum over
// distinct trigrams of |count − rank − 1|, or 300 for a trigram the model lacks; order-free integer
// sums), same normalisation. test/trigrams.test.ts checks it against franc-min itself.
/* eslint-disable @typescript-eslint/no-require-imports */

const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

type Models = Record<string, Record<string, string | Record<string, number>>>;

let scripts: Array<[name: string, expression: RegExp]> | undefined;
let data: Models | undefined;
const loadScripts = () =>
  (scripts ??= Object.entries(require('franc-min/expressions.js') as Record<string, RegExp>));
const loadData = () => (data ??= require('franc-min/data.json') as Models);

/** One language's trigram ranks (the lowest rank of a repeated trigram, as franc keeps it). */
function modelOf(raw: string | Record<string, number>): Map<string, number> {
  // franc-min, once loaded, has turned its data's strings into objects in place.
  if (typeof raw !== 'string') return new Map(Object.entries(raw));
  const model = new Map<string, number>();
  raw.split('|').forEach((trigram, rank) => {
    if (!model.has(trigram)) model.set(trigram, rank);
  });
  return model;
}

/** franc's trigram-utils `clean`: symbols, digits and ASCII punctuation out, white space collapsed. */
function clean(value: string): string {
  return value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^\s*|\s*$/g, '')
    .toLowerCase();
}

/** The script whose characters occur most in the text, and that share, as franc picks it. */
function topScript(value: string): [string, number] {
  let top = '';
  let topCount = -1;
  for (const [name, expression] of loadScripts()) {
    const count = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = name;
    }
  }
  return [top, topCount];
}

/** Scores a text against a fixed list of candidate languages, like franc's `all` with `only`. */
export class LanguageScorer {
  /**
   * Per script of franc's data: the candidates written in it, and one table of every trigram any
   * of them knows → its rank in each candidate's model (-1 where a model lacks it), so that a
   * text's trigram is looked up once, not once per candidate.
   */
  private readonly models = new Map<string, { codes: string[]; ranks: Map<string, number[]> }>();

  constructor(private readonly only: string[]) {
    for (const [script, languages] of Object.entries(loadData())) {
      const codes = Object.keys(languages).filter((code) => only.includes(code));
      const ranks = new Map<string, number[]>();
      codes.forEach((code, i) => {
        for (const [trigram, rank] of modelOf(languages[code]!)) {
          let row = ranks.get(trigram);
          if (!row) ranks.set(trigram, (row = codes.map(() => -1)));
          row[i] = rank;
        }
      });
      this.models.set(script, { codes, ranks });
    }
  }

  /** Each candidate's score (1 for the best, a little less for the others); absent ones score 0. */
  scores(text: string, minLength = 1): Map<string, number> {
    const result = new Map<string, number>();
    if (!text || text.length < minLength) return result; // franc: "und"
    const value = text.slice(0, MAX_LENGTH);
    const [script, share] = topScript(value);
    const models = this.models.get(script);
    if (!models) {
      // A script of one language only (Greek, Thai, …): that language, if it is a candidate.
      if (share !== 0 && this.only.includes(script)) result.set(script, 1);
      return result;
    }
    const { codes, ranks } = models;
    if (codes.length === 0) return result;
    const padded = ` ${clean(value)} `;
    const counts = new Map<string, number>();
    for (let i = 0; i + 3 <= padded.length; i++) {
      const trigram = padded.slice(i, i + 3);
      counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
    }
    const distances = codes.map(() => 0);
    for (const [trigram, count] of counts) {
      const row = ranks.get(trigram);
      for (let c = 0; c < codes.length; c++) {
        const rank = row ? row[c]! : -1;
        distances[c]! += rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
      }
    }
    const min = Math.min(...distances);
    const max = value.length * MAX_DIFFERENCE - min;
    codes.forEach((code, i) => {
      result.set(code, 1 - (distances[i]! - min) / max || 0);
    });
    return result;
  }
}
