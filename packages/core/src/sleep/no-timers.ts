// `#default-sleep` under the `no-timers` condition (the n8n bundle): no timer at all, so a client
// built there must be given its platform's `sleep` (the n8n node passes n8n-workflow's).
import type { Sleep } from '../transport';

export const defaultSleep: Sleep | undefined = undefined;

/**
 * No timer of our own: AbortSignal's calls `fire` (n8n keeps its process alive); cancelling removes
 * the listener, and the signal's own timer is left to lapse.
 */
export const defaultAlarm = (ms: number, fire: () => void) => {
  const signal = AbortSignal.timeout(ms);
  signal.addEventListener('abort', fire, { once: true });
  return () => signal.removeEventListener('abort', fire);
};
