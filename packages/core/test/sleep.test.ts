import { defaultSleep } from '../src/transport';

test('defaultSleep accepts fractional milliseconds (jittered backoff) on every Node version', async () => {
  await expect(defaultSleep(1.5)).resolves.toBeUndefined();
  await expect(defaultSleep(0)).resolves.toBeUndefined();
});
