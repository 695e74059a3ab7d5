// Today's classifier against a baseline, interleaved on this machine: start-up (spawn to
// "listening") and throughput of POST /v1/classify over the texts and category sets of
// data/dev-set.json (every detector and set kind in the mix), plus the classifier alone in-process,
// over the dev set and over data/fresh-22.json (category sets no lexicon concept knows: WordNet's).
// The baseline is this tree with src/classifier/ taken from a git ref (default: the commit before
// the detectors came), compiled to build/baseline/dist, so only the classifier differs. Prints medians.
// Usage: node bench/compare.mjs [--ref <git ref>] [--rounds N] [--each]; DURATION (s) per load run,
// after WARMUP (s, default 2) of load that is not counted; --each prints every round's figures.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
// Default: the classifier just before the detectors came (decision 0151).
const ref = arg(
  '--ref',
  `${git('log', '--diff-filter=A', '--format=%H', '--', 'src/classifier/detectors.ts').split('\n').pop()}^`,
);
const rounds = Number(arg('--rounds', 5));
const duration = Number(process.env.DURATION ?? 5);
const warmup = Number(process.env.WARMUP ?? 2);
// The key the sandbox serves without --key (src/keys.ts), from the build under test.
const { DEFAULT_TEST_KEY: KEY } = createRequire(import.meta.url)(path.join(root, 'dist/keys.js'));

// The baseline: src/ with the classifier folder from `ref`.
const base = path.join(root, 'build/baseline');
rmSync(base, { recursive: true, force: true });
mkdirSync(base, { recursive: true });
cpSync(path.join(root, 'src'), path.join(base, 'src'), { recursive: true });
rmSync(path.join(base, 'src/classifier'), { recursive: true });
mkdirSync(path.join(base, 'src/classifier'));
// --full-tree: from a subfolder, ls-tree would otherwise filter by the current folder.
const files = git(
  'ls-tree',
  '--full-tree',
  '--name-only',
  `${ref}:packages/sandbox/src/classifier`,
);
if (!files) throw new Error(`no packages/sandbox/src/classifier at ${ref}`);
for (const file of files.split('\n'))
  writeFileSync(
    path.join(base, 'src/classifier', file),
    git('show', `${ref}:packages/sandbox/src/classifier/${file}`),
  );
writeFileSync(
  path.join(base, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../../../tsconfig.base.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist', types: ['node'] },
    include: ['src'],
  }),
);
execFileSync(
  process.execPath,
  [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', base],
  {
    stdio: 'inherit',
  },
);
const builds = { baseline: path.join(base, 'dist'), today: path.join(root, 'dist') };

const dev = JSON.parse(readFileSync(path.join(root, 'data/dev-set.json'), 'utf8'));
const bodies = dev.examples.map((e) => ({
  input: e.input,
  // Descriptions travel in saved schemas, not in /v1/classify: names only here.
  categories: dev.sets[e.set].map((c) => (typeof c === 'string' ? c : c.name)),
  explain: true,
}));

const fresh = JSON.parse(readFileSync(path.join(root, 'data/fresh-22.json'), 'utf8'));
const freshBodies = fresh.examples.map((e) => ({
  input: e.input,
  categories: fresh.sets[e.set],
  explain: true,
}));

function start(dist) {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(dist, 'cli.js'), '--port', '0', '--rate-limit', '1000000000'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/[\d.]+:\d+)/.exec(out)?.[1];
      if (url) resolve({ child, url, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

async function throughput(url, seconds = duration) {
  const result = await autocannon({
    url,
    duration: seconds,
    connections: 10,
    requests: bodies.map((body) => ({
      method: 'POST',
      path: '/v1/classify',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })),
  });
  if (result.non2xx) throw new Error(`${result.non2xx} answers were not 2xx`);
  return result.requests.average;
}

/** Texts per second through classify() alone, over the whole dev set, in a fresh process. */
function inProcess(dist, mix = bodies) {
  const script = `
    const { classify } = require(${JSON.stringify(path.join(dist, 'classifier/classifier.js'))});
    const bodies = ${JSON.stringify(mix)};
    const cats = bodies.map((b) => b.categories.map((c) => (typeof c === 'string' ? { name: c } : c)));
    let n = 0; const t0 = process.hrtime.bigint();
    while (Number(process.hrtime.bigint() - t0) < 2e9) { for (let i = 0; i < bodies.length; i++) classify(bodies[i].input, cats[i]); n += bodies.length; }
    console.log(n / (Number(process.hrtime.bigint() - t0) / 1e9));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = {
  baseline: { startup: [], rps: [], cps: [], fresh: [] },
  today: { startup: [], rps: [], cps: [], fresh: [] },
};
for (let round = 0; round < rounds; round++) {
  // Alternate which build goes first, so neither always meets a warmer machine.
  const order = round % 2 ? ['today', 'baseline'] : ['baseline', 'today'];
  for (const name of order) {
    const server = await start(builds[name]);
    try {
      figures[name].startup.push(server.ms);
      // First use (WordNet, the word vectors, each set's index, the JIT) is start-up's, not the
      // steady throughput's: a warm-up load, not counted, before the measured one.
      if (warmup > 0) await throughput(server.url, warmup);
      figures[name].rps.push(await throughput(server.url));
    } finally {
      server.child.kill();
    }
    figures[name].cps.push(inProcess(builds[name]));
    figures[name].fresh.push(inProcess(builds[name], freshBodies));
  }
}
if (process.argv.includes('--each'))
  for (const key of ['rps', 'cps'])
    console.log(
      `${key} per round (baseline / today):`,
      figures.baseline[key]
        .map((b, i) => `${b.toFixed(0)} / ${figures.today[key][i].toFixed(0)}`)
        .join(', '),
    );
const m = (name, key) => median(figures[name][key]);
const ratio = (key) => `${((m('today', key) / m('baseline', key) - 1) * 100).toFixed(1)} %`;
// The same rounds paired: each round's today / baseline, then their median. Other work on the
// machine moves both builds of a round together, so this varies less from run to run.
const paired = (key) =>
  `${((median(figures.today[key].map((t, i) => t / figures.baseline[key][i])) - 1) * 100).toFixed(1)} %`;
console.log(
  `baseline: src/classifier at ${ref}; ${rounds} interleaved rounds, ${duration} s of load each after ${warmup} s of warm-up`,
);
console.log('| figure (median) | baseline | today | change | change, median of paired rounds |');
console.log('|---|---|---|---|---|');
console.log(
  `| start-up, spawn to listening | ${m('baseline', 'startup').toFixed(0)} ms | ${m('today', 'startup').toFixed(0)} ms | ${ratio('startup')} | ${paired('startup')} |`,
);
console.log(
  `| POST /v1/classify, dev-set mix (req/s) | ${m('baseline', 'rps').toFixed(0)} | ${m('today', 'rps').toFixed(0)} | ${ratio('rps')} | ${paired('rps')} |`,
);
console.log(
  `| classify() alone, dev-set mix (texts/s) | ${m('baseline', 'cps').toFixed(0)} | ${m('today', 'cps').toFixed(0)} | ${ratio('cps')} | ${paired('cps')} |`,
);
console.log(
  `| classify() alone, fresh-set mix (texts/s) | ${m('baseline', 'fresh').toFixed(0)} | ${m('today', 'fresh').toFixed(0)} | ${ratio('fresh')} | ${paired('fresh')} |`,
);
