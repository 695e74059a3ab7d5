/**
 * The one thing the client needs from a platform: a `fetch`-shaped function. Global `fetch` fits;
 * n8n and Zapier wrap their own request helpers in it so that their logging, proxies and auth
 * middleware apply. It must resolve for every HTTP status (errors are the client's job) and reject
 * only when no response arrived.
 */
export interface FetchLikeInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** The per-attempt timeout in ms, for transports that cannot take a signal. */
  timeout?: number;
}

export interface FetchLikeResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export type FetchLike = (url: string, init: FetchLikeInit) => Promise<FetchLikeResponse>;

/**
 * Waits `ms` between attempts; rejects with the signal's reason when it is aborted. The default
 * keeps a plain Node process alive while it waits; platforms that forbid timers pass their own.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;
