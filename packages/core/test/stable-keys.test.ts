// stableIdempotencyKeys: the keys a re-run of the same work reproduces (n8n's Retry On Fail,
// Zapier's re-run of a step), and that different work never shares.
import { stableIdempotencyKeys } from '../src';

const scope = ['classifaily-test', 'run-1', 'step-1'];
const keysFor = (overrides: Partial<{ prefix: string; scope: string[] }> = {}) =>
  stableIdempotencyKeys({ prefix: 'test-run-1', scope, ...overrides });
const body = (input: string, explain = false) => ({
  items: [{ input }],
  categories: ['billing', 'other'],
  ...(explain ? { explain } : {}),
});

test('a re-run gives the same requests the same keys, in any order', async () => {
  const first = keysFor();
  const again = keysFor();
  const a = await first(body('refund me'));
  const b = await first(body('the app crashes'));
  expect(await again(body('the app crashes'))).toBe(b);
  expect(await again(body('refund me'))).toBe(a);
  expect(a).not.toBe(b);
  expect(a).toMatch(/^test-run-1-[0-9a-f]{48}$/);
});

test('two equal requests of one run are two pieces of work, with two keys a re-run repeats', async () => {
  const keys = keysFor();
  const twice = [await keys(body('refund me')), await keys(body('refund me'))];
  expect(new Set(twice).size).toBe(2);
  const rerun = keysFor();
  expect([await rerun(body('refund me')), await rerun(body('refund me'))]).toEqual(twice);
});

test('ordinals follow the order the keys are asked for, not the order the hashes finish', async () => {
  const keys = keysFor();
  const [first, second] = await Promise.all([keys(body('x')), keys(body('x'))]);
  const rerun = keysFor();
  expect(await rerun(body('x'))).toBe(first);
  expect(await rerun(body('x'))).toBe(second);
});

test('another run, scope or content gets another key', async () => {
  const base = await keysFor()(body('refund me'));
  expect(await keysFor({ scope: [...scope.slice(0, 2), 'step-2'] })(body('refund me'))).not.toBe(
    base,
  );
  expect(await keysFor()(body('refund me', true))).not.toBe(base);
  expect(await keysFor({ prefix: 'other' })(body('refund me'))).not.toBe(base);
});
