/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   test code: local HTTP servers, never part of the node. */
// Servers on 127.0.0.1 (random ports, so each is its own origin) that answer as no Classifaily API
// does, for the transport's runtime cases (decision 0235): one sends every request on to another
// origin with a 307, one answers with a body larger than any Classifaily answer can be. Both, and
// the plain recorder that stands for "another origin", record every request they get.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface StrayRequest {
  method: string;
  url: string;
  /** Whether it carried an Authorization header (the key itself is not kept). */
  withKey: boolean;
  bodyBytes: number;
}

export interface StrayServer {
  baseUrl: string;
  requests: StrayRequest[];
  close(): Promise<void>;
}

type Answer = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Records each request (its body read whole first), then answers it with `answer`. */
export async function startStrayServer(answer: Answer): Promise<StrayServer> {
  const requests: StrayRequest[] = [];
  const server = http.createServer((req, res) => {
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        withKey: req.headers.authorization !== undefined,
        bodyBytes,
      });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers every request with a 307 to the same path at `elsewhere` (another origin). */
export function startRedirectingServer(elsewhere: string): Promise<StrayServer> {
  return startStrayServer((req, res) => {
    res.writeHead(307, { location: `${elsewhere}${req.url ?? '/'}`, 'content-length': '0' });
    res.end();
  });
}

export interface OversizedServer extends StrayServer {
  /** Bytes of body written to each answer's connection, once that connection ended. */
  written: Promise<number>;
}

/**
 * Answers with a 200 JSON body of `bytes` bytes, without a Content-Length, as fast as the client
 * reads it (it waits whenever the socket's buffers are full); `written` says how much had gone out
 * when the client stopped reading (the connection closed) or the body was complete.
 */
export async function startOversizedServer(bytes: number): Promise<OversizedServer> {
  let settle: (n: number) => void = () => undefined;
  const written = new Promise<number>((resolve) => (settle = resolve));
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const server = await startStrayServer((_req, res) => {
    let sent = 0;
    let closed = false;
    res.on('close', () => {
      closed = true;
      settle(sent);
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    const pump = () => {
      while (!closed && sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += part.length;
        if (!res.write(part)) return void res.once('drain', pump);
      }
      if (!closed) res.end();
    };
    pump();
  });
  return { ...server, written };
}
