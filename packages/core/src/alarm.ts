import { defaultAlarm } from '#default-sleep';
import { MAX_TIMER_MS } from './options';
import type { BodyWatch } from './transport';

/**
 * An attempt's one alarm (decision 0025) for both of its deadlines: its timeout (0010), and while a
 * body is read, the body's silence (0019). It is armed for the nearer of the two and never re-armed
 * when a chunk arrives (a chunk only notes the time). When it rings it reads the clock: past the
 * timeout, it marks the attempt timed out and aborts its controller; past the last chunk plus the
 * silence, it stops the body's read; otherwise it sleeps until the nearer deadline left. While no
 * body is read it rings at least every `idleMs`, so that a body read starting later is never
 * watched late.
 */
export class AttemptAlarm implements BodyWatch {
  /** The attempt's timeout fired (told apart from the caller's cancel by the client). */
  timedOut = false;
  readonly #deadline: number;
  readonly #idleMs: number;
  readonly #request: AbortController;
  #lastChunk = 0;
  #silent: (() => void) | undefined;
  #cancel: () => void;

  constructor(timeoutMs: number, idleMs: number, request: AbortController) {
    this.#deadline = Date.now() + timeoutMs;
    this.#idleMs = idleMs;
    this.#request = request;
    this.#cancel = defaultAlarm(Math.min(Math.ceil(timeoutMs), idleMs, MAX_TIMER_MS), this.#ring);
  }

  begin(silent: () => void): void {
    this.#lastChunk = Date.now();
    this.#silent = silent;
  }

  chunk(): void {
    this.#lastChunk = Date.now();
  }

  end(): void {
    this.#silent = undefined;
  }

  /** Stops the alarm: the attempt is over. */
  cancel(): void {
    this.#cancel();
  }

  readonly #ring = () => {
    const now = Date.now();
    const left = this.#deadline - now;
    if (left <= 0) {
      this.timedOut = true;
      this.#request.abort();
      return;
    }
    let next = Math.min(left, this.#idleMs);
    const silent = this.#silent;
    if (silent) {
      const quiet = now - this.#lastChunk;
      if (quiet >= this.#idleMs) {
        this.#silent = undefined;
        silent();
      } else next = Math.min(left, this.#idleMs - quiet);
    }
    this.#cancel = defaultAlarm(Math.min(Math.ceil(next), MAX_TIMER_MS), this.#ring);
  };
}
