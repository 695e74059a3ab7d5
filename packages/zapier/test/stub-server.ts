// A tiny stand-in for the Classifaily API on 127.0.0.1 (phase 1). Phase 2 replaces it with
// @classifaily/sandbox. Each test sets `handler`; every request is recorded.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface StubReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer this much later (to exercise timeouts). */
  delayMs?: number;
}

export interface StubServer {
  baseUrl: string;
  requests: Recorded[];
  handler: (request: Recorded) => StubReply;
  close(): Promise<void>;
}

export const ME = {
  object: 'me',
  account: { id: 'acc_1', name: 'Acme Support' },
  key: { name: 'Zapier', mode: 'test' },
} as const;

export const problem = (status: number, code: string, detail: string): StubReply => ({
  status,
  headers: { 'content-type': 'application/problem+json' },
  body: {
    type: `https://docs.classifaily.com/errors/${code}`,
    title: code,
    status,
    detail,
    code,
    request_id: 'req_stub',
  },
});

export async function startStubServer(): Promise<StubServer> {
  const stub: StubServer = {
    baseUrl: '',
    requests: [],
    handler: () => ({ status: 404, body: { detail: 'no handler' } }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      stub.requests.push(recorded);
      const reply = stub.handler(recorded);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status, {
          'content-type': 'application/json',
          'x-request-id': 'req_stub',
          ...reply.headers,
        });
        res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      };
      if (reply.delayMs) AbortSignal.timeout(reply.delayMs).addEventListener('abort', send);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
