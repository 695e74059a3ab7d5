// The figures, end to end: the built command in a plain node child, against a scripted API that
// answers each text of the hand-worked answer set (fixtures/hand-worked.ts) with a fixed label and
// confidence. Every number is compared with the one worked out by hand there.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORIES, EXPECTED, ROWS } from './fixtures/hand-worked';
import { startScriptedApi, type ScriptedApi } from './helpers/scripted-api';
import { closeTo } from './helpers/oracle';
import { FIXTURES, progressFiles, runCli, tempDir } from './helpers/run-cli';

const KEY = 'cai_test_HandWorkedAnswers0001';
const CSV = path.join(FIXTURES, 'hand-worked.csv');
const JSONL = path.join(FIXTURES, 'hand-worked.jsonl');

let api: ScriptedApi;
let temp: ReturnType<typeof tempDir>;
const env = () => ({ CLASSIFAILY_API_KEY: KEY, XDG_CACHE_HOME: temp.dir, HOME: temp.dir });
const evaluate = (file: string, ...more: string[]) =>
  runCli(['evaluate', file, '--categories', CATEGORIES.join(','), '--base-url', api.url, ...more], {
    env: env(),
  });

beforeAll(async () => {
  api = await startScriptedApi(new Map(ROWS.map((row) => [row.text, row.answer])), {
    sch_support3: CATEGORIES,
  });
});
afterAll(() => api.close());
beforeEach(() => {
  temp = tempDir();
  api.requests.length = 0;
});
afterEach(() => temp.cleanUp());

describe('--json', () => {
  it('prints exactly the figures worked out by hand, and nothing else', async () => {
    const run = await evaluate(CSV, '--json');
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual([
      'n',
      'accuracy',
      'perCategory',
      'confusion',
      'thresholds',
      'recommendedThreshold',
    ]);
    expect(json).toEqual(closeTo(EXPECTED));
    // Keys in the order the categories were given; precision null where nothing is acted on.
    expect(Object.keys(json.perCategory)).toEqual(CATEGORIES);
    expect(json.thresholds.at(-1)).toEqual({ threshold: 0.99, coverage: 0, precision: null });
  });

  it('the same figures from the JSON Lines file (fields "input" and "expected")', async () => {
    const run = await evaluate(JSONL, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(closeTo(EXPECTED));
  });

  it.each([
    ['0.85', 0.63],
    ['0.86', 0.87],
    ['0.75', 0.5],
    ['1', 0.87],
  ])('--target-precision %s recommends %s', async (target, threshold) => {
    const run = await evaluate(CSV, '--json', '--target-precision', target);
    expect(JSON.parse(run.stdout).recommendedThreshold).toBe(threshold);
  });

  it("with --schema, the schema's categories are the rows and columns", async () => {
    const run = runCli(
      ['evaluate', CSV, '--schema', 'sch_support3', '--base-url', api.url, '--json'],
      {
        env: env(),
      },
    );
    const result = await run;
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(closeTo(EXPECTED));
    const batches = api.requests.filter((r) => r.url === '/v1/classify/batch');
    expect(batches.every((r) => r.body.schema === 'sch_support3' && !r.body.categories)).toBe(true);
  });
});

describe('what is sent', () => {
  it('one batch with every text, the key as Bearer (its line break trimmed), a replayable key', async () => {
    const first = await runCli(
      ['evaluate', CSV, '--categories', CATEGORIES.join(','), '--base-url', api.url],
      {
        env: { ...env(), CLASSIFAILY_API_KEY: `${KEY}\n` },
      },
    );
    expect(first.code).toBe(0);
    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request!.body.items!.map((item) => item.input)).toEqual(ROWS.map((row) => row.text));
    expect(request!.body.categories).toEqual(CATEGORIES);
    expect(request!.headers['idempotency-key']).toMatch(/^classifaily-cli-[0-9a-f]{48}$/);
    expect(request!.headers['user-agent']).toMatch(/classifaily-cli\/\d+\.\d+\.\d+/);

    // The same file again: the same key, so the API answers from what it kept.
    await evaluate(CSV);
    expect(api.requests[1]!.headers['idempotency-key']).toBe(request!.headers['idempotency-key']);
    // Other options, other work: another key.
    await evaluate(CSV, '--explain');
    expect(api.requests[2]!.body.explain).toBe(true);
    expect(api.requests[2]!.headers['idempotency-key']).not.toBe(
      request!.headers['idempotency-key'],
    );
    // A finished run leaves no progress file behind.
    expect(progressFiles(temp.dir)).toEqual([]);
  });
});

describe('the terminal summary', () => {
  it('the recommendation, the vendor rule, the tables and the worst mistakes, from the hand-worked figures', async () => {
    const run = await evaluate(CSV);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('10 labelled texts from');
    expect(out).toContain('Accuracy: 70.0% (7 of 10 right)');
    expect(out).toContain(
      'At the vendor’s 0.80: 6 acted on automatically (60.0%), 83.3% of them right.',
    );
    expect(out.replace(/\s+/g, ' ')).toContain(
      'Set Review Threshold to 0.87 for at least 95.0% precision: 4 of the 10 texts (40.0%) are then acted on automatically and 100.0% of those are right; the other 6 go to a person.',
    );
    expect(out).toMatch(/^ {2}0\.50 +90\.0% \(9\) +77\.8%$/m);
    expect(out).toMatch(/^ {2}0\.80 +60\.0% \(6\) +83\.3% +the vendor’s rule$/m);
    expect(out).toMatch(/^ {2}0\.87 +40\.0% \(4\) +100\.0% +recommended$/m);
    expect(out).toMatch(/^ {2}0\.99 +0\.0% \(0\) +–$/m);
    expect(out).toMatch(/^ {2}billing +50\.0% +66\.7% +0\.57 +3$/m);
    expect(out).toMatch(/^ {2}bug +100\.0% +66\.7% +0\.80 +3$/m);
    expect(out).toMatch(/^ {2}account +75\.0% +75\.0% +0\.75 +4$/m);
    expect(out).toMatch(/^ {2}account +1 +0 +3$/m);
    const mistakes = out.slice(out.indexOf('most confident mistakes'));
    expect(mistakes).toMatch(/line 7: billing at 0\.86, a person said bug: "Saving fails: <img/);
    expect(mistakes.indexOf('line 7:')).toBeLessThan(mistakes.indexOf('line 4:'));
    expect(mistakes.indexOf('line 4:')).toBeLessThan(mistakes.indexOf('line 11:'));
    expect(out).toContain('These are only 10 texts');
  });
});

describe('--out', () => {
  it('writes the report and says where; the texts are escaped, the figures are the hand-worked ones', async () => {
    const report = path.join(temp.dir, 'report.html');
    const run = await evaluate(CSV, '--json', '--out', report);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Report: ${report}`);
    JSON.parse(run.stdout); // stdout stays JSON
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<div class="threshold">0.87</div>');
    expect(html).toMatch(/<tr data-line="7">/);
    expect(html).toMatch(
      /<tr data-category="billing"><td>billing<\/td><td class="num">50\.0%<\/td><td class="num">66\.7%<\/td><td class="num">0\.57<\/td><td class="num">3<\/td><\/tr>/,
    );
  });

  it('refuses a folder that does not exist before anything is sent', async () => {
    const run = await evaluate(CSV, '--out', path.join(temp.dir, 'missing', 'report.html'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/the folder .*missing does not exist/);
    expect(api.requests).toHaveLength(0);
  });
});
