// `#default-sleep` under the `no-timers` condition (the n8n bundle): no timer at all, so a client
// built there must be given its platform's `sleep` (the n8n node passes n8n-workflow's).
import type { Sleep } from '../transport';

export const defaultSleep: Sleep | undefined = undefined;

/** No timer of our own: AbortSignal's (n8n keeps its process alive); a stale one is ignored. */
export const defaultTimer = (ms: number) => ({ signal: AbortSignal.timeout(ms), cancel() {} });
