// The client's default sleep: a real, referenced timer, so that a plain `node script.js` stays alive
// while the client waits to retry (decision 0003). The n8n bundle never contains this file:
// package.json maps `#default-sleep` to ./no-timers under the `no-timers` condition, which the
// n8n bundle sets (n8n's rules forbid timers in a node; the node injects n8n's own sleep).
import type { Sleep } from '../transport';

export const defaultSleep: Sleep | undefined = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * The attempt's timeout and the body-idle watch: `fire` after `ms` unless cancelled first. One bare
 * referenced Node timer (a process waiting on a dead body stays alive), with no signal or listener of
 * its own (decision 0023).
 */
export const defaultAlarm = (ms: number, fire: () => void) => {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
};
