// Backpressure for pipelined requests (decision 0109). Node's HTTP server parses every request a
// socket sends and hands each to the app at once; answers that cannot be sent yet wait in memory.
// A client that pipelines hundreds of requests and never reads could make the server hold hundreds
// of answers. So each socket is served one request at a time, as nginx does: the next request is
// taken up when the previous answer has been handed to the kernel ('finish'), which a client that
// stops reading never lets happen. While requests wait, the socket is not read; a socket with more
// than MAX_WAITING parsed requests waiting is closed. A socket's first request is taken up only
// after the read that carried it has been parsed whole (decision 0115): a read that breaks the bound
// then closes the socket before any answer is built, so a client that floods and reconnects costs
// parsing, not hundreds of large answers, and other clients keep being answered.
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Parsed requests one socket may have waiting for their turn (each holds a few KB). */
const MAX_WAITING = 256;

interface Turns {
  busy: boolean;
  waiting: Array<() => void>;
}

export function servePipelinedInTurn(app: FastifyInstance): void {
  const sockets = new WeakMap<Socket, Turns>();
  const turnsOf = (socket: Socket): Turns => {
    let turns = sockets.get(socket);
    if (!turns) {
      const created: Turns = { busy: false, waiting: [] };
      sockets.set(socket, created);
      // Requests still waiting when the socket closes are never taken up.
      socket.once('close', () => (created.waiting.length = 0));
      turns = created;
    }
    return turns;
  };

  app.addHook('onRequest', (request, reply, done) => {
    const socket = request.raw.socket;
    const turns = turnsOf(socket);
    let ended = false;
    const next = () => {
      if (ended) return;
      ended = true;
      // A closed socket's waiting requests are dropped, never taken up: its answers have nowhere
      // to go (each reply's 'close' may fire before the socket's).
      if (socket.destroyed) {
        turns.waiting.length = 0;
        return;
      }
      const waiting = turns.waiting.shift();
      if (waiting) return waiting();
      turns.busy = false;
      if (socket.isPaused()) socket.resume();
    };
    reply.raw.once('finish', next);
    reply.raw.once('close', next);
    if (!turns.busy) {
      turns.busy = true;
      // After this read's other requests (setImmediate runs once the I/O callback has returned).
      setImmediate(() => {
        if (!socket.destroyed) done();
      });
      return;
    }
    if (turns.waiting.length >= MAX_WAITING) {
      socket.destroy();
      return;
    }
    socket.pause();
    turns.waiting.push(done);
  });
}
