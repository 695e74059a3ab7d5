// Closing with clients still connected (decision 0110). Node's server.close() closes the
// connections idle at that moment and then waits for every other one: a keep-alive connection that
// finishes its answer afterwards stays open until its 72 s keep-alive timeout, and a request held
// by a `delay` fault for as long as it lasts. So while closing, connections are closed as they go
// idle, and whatever is still open after the grace is cut.
import type { FastifyInstance } from 'fastify';

/** How long answers in flight may take to finish once the sandbox is closing. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 5_000;

export async function closeWithin(app: FastifyInstance, graceMs: number): Promise<void> {
  const server = app.server;
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const cut = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await app.close();
  } finally {
    clearInterval(idle);
    clearTimeout(cut);
  }
}
