// replayKeys: the keys a replay of the same step reproduces (retries, a platform's re-run, a re-run
// from n8n's executions list), that different work never shares, and that make a later run's write
// a new write (decision 0017).
import { replayKeys, type ReplayIdentity } from '../src';

const identity: ReplayIdentity = {
  platform: 'test',
  workflow: ['instance-1', 'workflow-1'],
  step: 'node-1',
  run: 'execution-1',
};
const keysFor = (overrides: Partial<ReplayIdentity> = {}) =>
  replayKeys({ ...identity, ...overrides });
const body = (input: string, explain = false) => ({
  items: [{ input }],
  categories: ['billing', 'other'],
  ...(explain ? { explain } : {}),
});

test('a replay gives the same classifications the same keys, in any order', async () => {
  const first = keysFor();
  const again = keysFor();
  const a = await first.classification(body('refund me'));
  const b = await first.classification(body('the app crashes'));
  expect(await again.classification(body('the app crashes'))).toBe(b);
  expect(await again.classification(body('refund me'))).toBe(a);
  expect(a).not.toBe(b);
  expect(a).toMatch(/^test-[0-9a-f]{48}$/);
});

test('a classification key does not depend on the run: a re-run of the workflow is billed once', async () => {
  const key = await keysFor().classification(body('refund me'));
  expect(await keysFor({ run: 'execution-2' }).classification(body('refund me'))).toBe(key);
  expect(await keysFor({ run: undefined }).classification(body('refund me'))).toBe(key);
});

test('a write key depends on the run: a retry of the run is safe, a later run writes anew', async () => {
  const schema = { name: 'Support', categories: [{ name: 'a' }, { name: 'b' }] };
  const key = await keysFor().write(schema);
  expect(key).toMatch(/^test-[0-9a-f]{48}$/);
  expect(await keysFor().write(schema)).toBe(key);
  expect(await keysFor({ run: 'execution-2' }).write(schema)).not.toBe(key);
  expect(await keysFor().classification(schema)).not.toBe(key);
  // Where the platform names no run, core makes a key per request.
  expect(await keysFor({ run: undefined }).write(schema)).toBeUndefined();
});

test('two equal requests of one run are two pieces of work, with two keys a replay repeats', async () => {
  const keys = keysFor();
  const twice = [
    await keys.classification(body('refund me')),
    await keys.classification(body('refund me')),
  ];
  expect(new Set(twice).size).toBe(2);
  const replay = keysFor();
  expect([
    await replay.classification(body('refund me')),
    await replay.classification(body('refund me')),
  ]).toEqual(twice);
});

test('ordinals follow the order the keys are asked for, not the order the hashes finish', async () => {
  const keys = keysFor();
  const [first, second] = await Promise.all([
    keys.classification(body('x')),
    keys.classification(body('x')),
  ]);
  const replay = keysFor();
  expect(await replay.classification(body('x'))).toBe(first);
  expect(await replay.classification(body('x'))).toBe(second);
});

test('another platform, workflow, step or content gets another key', async () => {
  const base = await keysFor().classification(body('refund me'));
  for (const other of [
    { platform: 'other' },
    { workflow: ['instance-1', 'workflow-2'] },
    { step: 'node-2' },
  ])
    expect(await keysFor(other).classification(body('refund me'))).not.toBe(base);
  expect(await keysFor().classification(body('refund me', true))).not.toBe(base);
});
