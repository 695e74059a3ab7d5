// The progress file: what names it (the texts and options that decide the answers, not the
// labels), that it is written whole and read back, and that anything else in its place is ignored.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openProgress, progressDir, runKey, type RunIdentity } from '../src/progress-file';
import { tempDir } from './helpers/run-cli';

const IDENTITY: RunIdentity = {
  texts: ['a', 'b', 'c'],
  categories: ['x', 'y'],
  explain: false,
  api: 'https://api.classifaily.com',
};

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanUp());

it('lives in the cache folder: XDG_CACHE_HOME, else ~/.cache', () => {
  expect(progressDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/classifaily/evaluate');
  expect(progressDir({ HOME: process.env.HOME })).toMatch(/\.cache\/classifaily\/evaluate$/);
});

it.each<[string, Partial<RunIdentity>]>([
  ['one text', { texts: ['a', 'b', 'C'] }],
  ['the order of the texts', { texts: ['b', 'a', 'c'] }],
  ['the categories', { categories: ['x', 'z'] }],
  ['their order', { categories: ['y', 'x'] }],
  ['a schema for the categories', { categories: undefined, schema: 'sch_1' }],
  ['explain', { explain: true }],
  ['the API', { api: 'sandbox' }],
])('%s changed: another run', (_, change) => {
  expect(runKey({ ...IDENTITY, ...change })).not.toBe(runKey(IDENTITY));
});

it('is written whole (nothing left beside it, private to the user), read back, and removed', () => {
  const file = openProgress(temp.dir, IDENTITY);
  expect(file.resumed).toBe(0);
  file.answers[0] = { label: 'x', confidence: 0.9 };
  file.answers[2] = { label: 'y', confidence: 0.61, explanation: 'Because "y".' };
  file.save();
  expect(readdirSync(temp.dir)).toEqual([path.basename(file.path)]);
  expect(statSync(file.path).mode & 0o777).toBe(0o600);
  const again = openProgress(temp.dir, IDENTITY);
  expect(again.path).toBe(file.path);
  expect(again.resumed).toBe(2);
  expect(again.answers).toEqual([
    { label: 'x', confidence: 0.9 },
    null,
    { label: 'y', confidence: 0.61, explanation: 'Because "y".' },
  ]);
  again.remove();
  expect(readdirSync(temp.dir)).toEqual([]);
});

it.each([
  ['not JSON', '{"version": 1, "total": 3, "answ'],
  ['another version', JSON.stringify({ version: 2, total: 3, answers: [null, null, null] })],
  ['another count', JSON.stringify({ version: 1, total: 4, answers: [null, null, null, null] })],
  [
    'a broken answer',
    JSON.stringify({ version: 1, total: 3, answers: [['x', '0.9'], null, null] }),
  ],
])('a file that is %s is not used', (_, content) => {
  const file = openProgress(temp.dir, IDENTITY);
  writeFileSync(file.path, content);
  expect(openProgress(temp.dir, IDENTITY).resumed).toBe(0);
  expect(readFileSync(file.path, 'utf8')).toBe(content);
});
