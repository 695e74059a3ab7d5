// A fixed-window rate limit per API key. The window and limit are configuration.
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (at least 1 while it is open). */
  resetSeconds: number;
  allowed: boolean;
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): RateLimitState {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - window.count),
      resetSeconds,
      allowed: window.count <= this.limit,
    };
  }

  reset(): void {
    this.windows.clear();
  }
}
