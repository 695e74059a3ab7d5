import { defaultSleep as timerSleep } from '../src/sleep/timers';
import { defaultSleep as noTimers } from '../src/sleep/no-timers';
import { TEST_KEY } from './helpers/scripted-server';

const sleep = timerSleep!;

describe('the default sleep (a Node timer; the plain-node proof is in test/host)', () => {
  it('accepts fractional and non-positive milliseconds', async () => {
    await expect(sleep(1.5)).resolves.toBeUndefined();
    await expect(sleep(0)).resolves.toBeUndefined();
    await expect(sleep(-5)).resolves.toBeUndefined();
  });

  it('rejects with the reason as soon as its signal is aborted, or if it already was', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    await expect(sleep(10, controller.signal)).rejects.toThrow('stop');
  });
});

describe('the no-timers build (the n8n bundle)', () => {
  it('has no default sleep: a client there refuses to start without its platform sleep', () => {
    expect(noTimers).toBeUndefined();
    jest.isolateModules(() => {
      jest.doMock('#default-sleep', () => jest.requireActual('../src/sleep/no-timers'));
      const { ClassifailyClient } = jest.requireActual(
        '../src/client',
      ) as typeof import('../src/client');
      expect(() => new ClassifailyClient({ apiKey: TEST_KEY })).toThrow(/no timers/);
      expect(
        () => new ClassifailyClient({ apiKey: TEST_KEY, sleep: async () => {} }),
      ).not.toThrow();
    });
  });
});
