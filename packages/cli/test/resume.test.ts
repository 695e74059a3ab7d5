// What a later run takes from the progress file an earlier one left, against a scripted API (so
// the rounds that fail are chosen, not timed): the rounds answered are kept when a later round
// fails; the same texts resume even with labels corrected; a changed text, other categories or
// another API start again from nothing.
import path from 'node:path';
import { SUPPORT, tickets, writeCsv } from './helpers/labelled';
import { startScriptedApi, type ScriptedApi } from './helpers/scripted-api';
import { progressFiles, runCli, tempDir } from './helpers/run-cli';

const KEY = 'cai_test_ResumeScripted000001';
const ROWS = tickets(150, 3);
// The scripted answers: a label and a confidence from the row's position, nothing learnt.
const ANSWERS = new Map(
  ROWS.map((row, i) => [row.text, { label: SUPPORT[i % 4]!, confidence: 0.5 + (i % 50) / 100 }]),
);
/** A text of the second round (texts 101 to 150). */
const POISON = ROWS[120]!.text;

let api: ScriptedApi;
let temp: ReturnType<typeof tempDir>;
beforeAll(async () => {
  api = await startScriptedApi(ANSWERS);
});
afterAll(() => api.close());
beforeEach(() => {
  temp = tempDir();
  api.requests.length = 0;
  api.failTexts.clear();
});
afterEach(() => temp.cleanUp());

const evaluate = (file: string, categories = SUPPORT) =>
  runCli(
    ['evaluate', file, '--categories', categories.join(','), '--base-url', api.url, '--json'],
    {
      env: { CLASSIFAILY_API_KEY: KEY, XDG_CACHE_HOME: temp.dir, HOME: temp.dir },
    },
  );
const batches = () => api.requests.filter((r) => r.url === '/v1/classify/batch');
const sentTexts = () => batches().flatMap((r) => r.body.items!.map((item) => item.input));

/** A first run whose second round fails: 100 texts kept, the file named. */
async function failedRun(file: string) {
  api.failTexts.add(POISON);
  const run = await evaluate(file);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(
    /25 of 150 texts could not be classified:\n {2}Classifaily had a temporary problem\..*\(lines 102, 103, .* … \(25 texts\)\)\nThe 125 texts classified so far are kept in .*: run the same command again to classify the rest; they are not sent again\./s,
  );
  const [kept] = progressFiles(temp.dir);
  expect(kept!.answers.filter((a) => a !== null)).toHaveLength(125);
  api.failTexts.clear();
  api.requests.length = 0;
  return kept!.file;
}

it('a failed batch keeps the others; the next run sends only what is missing, with the same keys', async () => {
  const file = writeCsv(path.join(temp.dir, 'tickets.csv'), ROWS);
  api.failTexts.add(POISON);
  await evaluate(file);
  const keysBefore = new Map(
    batches().map((r) => [r.headers['idempotency-key'], r.body.items!.length]),
  );
  api.failTexts.clear();
  api.requests.length = 0;

  const run = await evaluate(file);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('Resuming: 125 of 150 texts were classified by an earlier run');
  expect(sentTexts()).toEqual(ROWS.slice(100, 125).map((r) => r.text));
  // The batch that failed goes out again under the key it had: a retry, not new work.
  expect(keysBefore.has(batches()[0]!.headers['idempotency-key'])).toBe(true);
  expect(JSON.parse(run.stdout).n).toBe(150);
  expect(progressFiles(temp.dir)).toEqual([]);
});

it('labels corrected after a failed run: the answers are reused (labels are not sent)', async () => {
  const file = writeCsv(path.join(temp.dir, 'tickets.csv'), ROWS);
  await failedRun(file);
  const corrected = ROWS.map((row, i) => (i === 3 ? { ...row, label: 'feature_request' } : row));
  writeCsv(file, corrected);
  const run = await evaluate(file);
  expect(run.stderr).toContain('Resuming: 125 of 150');
  expect(sentTexts()).toHaveLength(25);
});

it.each([
  [
    'a changed text',
    (file: string) =>
      writeCsv(
        file,
        ROWS.map((r, i) => (i === 0 ? { ...r, text: `${r.text}!` } : r)),
      ),
    SUPPORT,
  ],
  ['the categories in another order', () => {}, [...SUPPORT].reverse()],
])('%s: nothing reused, every text sent', async (_, change, categories) => {
  const file = writeCsv(path.join(temp.dir, 'tickets.csv'), ROWS);
  await failedRun(file);
  change(file);
  ANSWERS.set(`${ROWS[0]!.text}!`, ANSWERS.get(ROWS[0]!.text)!);
  const run = await evaluate(file, categories);
  expect(run.code).toBe(0);
  expect(run.stderr).not.toContain('Resuming');
  expect(sentTexts()).toHaveLength(150);
});
