// A real HTTP server on 127.0.0.1 that answers from a script, one reply per request, and records
// every request it sees. For the wire behaviours of the client: retries, headers, resets, timeouts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { ClassifailyClient, type ClientOptions } from '../../src';

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Reply =
  | {
      status: number;
      body?: unknown;
      headers?: Record<string, string>;
      raw?: string;
      delayMs?: number;
      /** Send the headers (with the full Content-Length) and only this many bytes, then drop the connection. */
      truncateAt?: number;
      /** Send the body in `parts` pieces, one every `everyMs` (the first with the headers). */
      drip?: { parts: number; everyMs: number };
    }
  | { reset: true }
  /**
   * Send 200 headers (after `delayMs`), then never the body; or `partial` of it (with the whole
   * Content-Length).
   */
  | { stall: true; partial?: string; delayMs?: number }
  /**
   * A 200 body of `bytes` bytes, written as the client reads it (never held in memory), with or
   * without a Content-Length, optionally gzip-compressed: a huge answer, or a gzip bomb.
   */
  | { huge: { bytes: number; contentLength?: boolean; gzip?: boolean } }
  | ((req: SeenRequest) => Reply);

export interface ScriptedServer {
  url: string;
  requests: SeenRequest[];
  /** Replies used in order; when they run out, `fallback` answers. */
  script(...replies: Reply[]): void;
  fallback: Reply;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const queue: Reply[] = [];
  const requests: SeenRequest[] = [];
  const state: ScriptedServer = {
    url: '',
    requests,
    fallback: { status: 500, body: { title: 'unscripted' } },
    script: (...replies) => queue.push(...replies),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8'); // a character split across two chunks stays whole
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      };
      requests.push(seen);
      let reply = queue.shift() ?? state.fallback;
      while (typeof reply === 'function') reply = reply(seen);
      if ('reset' in reply) {
        req.socket.destroy();
        return;
      }
      if ('stall' in reply) {
        const partial = reply.partial;
        const stall = () => {
          res.writeHead(200, {
            'Content-Type': 'application/json',
            ...(partial === undefined ? {} : { 'Content-Length': String(partial.length * 2) }),
          });
          if (partial === undefined) res.flushHeaders();
          else res.write(partial);
        };
        if (reply.delayMs) setTimeout(stall, reply.delayMs);
        else stall();
        return;
      }
      if ('huge' in reply) {
        sendHuge(res, reply.huge);
        return;
      }
      const r = reply;
      const send = () => {
        const payload = r.raw ?? (r.body === undefined ? '' : JSON.stringify(r.body));
        const type = r.status >= 400 ? 'application/problem+json' : 'application/json';
        res.writeHead(r.status, {
          'Content-Type': type,
          'Content-Length': String(Buffer.byteLength(payload)),
          'X-Request-Id': `req_${requests.length}`,
          ...r.headers,
        });
        if (r.drip) drip(res, Buffer.from(payload), r.drip);
        else if (r.truncateAt === undefined) res.end(payload);
        else res.write(Buffer.from(payload).subarray(0, r.truncateAt), () => res.destroy());
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** Writes `payload` in `parts` pieces, one every `everyMs`, until the client stops reading. */
function drip(
  res: http.ServerResponse,
  payload: Buffer,
  { parts, everyMs }: { parts: number; everyMs: number },
) {
  const size = Math.ceil(payload.length / parts);
  let offset = 0;
  let timer: NodeJS.Timeout | undefined;
  res.on('close', () => clearTimeout(timer));
  const next = () => {
    const part = payload.subarray(offset, offset + size);
    offset += part.length;
    if (offset >= payload.length) return void res.end(part);
    res.write(part);
    timer = setTimeout(next, everyMs);
  };
  next();
}

/** Writes `bytes` bytes of a JSON string value as fast as the client reads, until it stops reading. */
function sendHuge(
  res: http.ServerResponse,
  {
    bytes,
    contentLength = false,
    gzip = false,
  }: { bytes: number; contentLength?: boolean; gzip?: boolean },
) {
  res.writeHead(200, {
    'Content-Type': 'application/json',
    ...(contentLength && !gzip ? { 'Content-Length': String(bytes) } : {}),
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  const out: NodeJS.WritableStream = gzip ? zlib.createGzip() : res;
  if (gzip) (out as zlib.Gzip).pipe(res);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let written = 0;
  let stopped = false;
  res.on('close', () => {
    stopped = true;
    if (gzip) (out as zlib.Gzip).destroy();
  });
  const pump = () => {
    while (!stopped && written < bytes) {
      const part =
        written === 0
          ? Buffer.from('{"pad":"')
          : chunk.subarray(0, Math.min(chunk.length, bytes - written));
      written += part.length;
      if (!out.write(part)) return void out.once('drain', pump);
    }
    if (!stopped) out.end();
  };
  pump();
}

export const TEST_KEY = 'cai_test_abcdefghijklmnop1234';

/** A classify request body the API accepts. */
export const BODY = { input: 'I cannot log in.', categories: ['billing', 'account_access'] };

/** A client of `server` with the test key and no real waits between retries; `options` override. */
export const clientOf = (server: ScriptedServer, options: Partial<ClientOptions> = {}) =>
  new ClassifailyClient({
    apiKey: TEST_KEY,
    baseUrl: server.url,
    sleep: async () => {},
    ...options,
  });

export const okClassification = (label = 'account_access', confidence = 0.94) => ({
  status: 200,
  body: { id: '42', status: 'completed', type: 'text', result: { label, confidence } },
});

export const problem = (
  status: number,
  code: string,
  detail?: string,
  headers?: Record<string, string>,
) => ({
  status,
  headers,
  body: {
    type: `https://docs.classifaily.com/errors/${code}`,
    title: code,
    status,
    code,
    detail,
    request_id: `req_problem_${code}`,
  },
});

/** A 200 batch answer for the request: every item labelled with its own text. */
export function batchAnswer(req: SeenRequest): Extract<Reply, { status: number }> {
  const body = JSON.parse(req.body) as { items: Array<{ input: string; id?: string }> };
  const results = body.items.map((item, index) => ({
    index,
    ...(item.id === undefined ? {} : { id: item.id }),
    status: 'completed',
    result: { label: item.input, confidence: 0.9 },
  }));
  return {
    status: 200,
    body: {
      id: `batch_${Math.random().toString(36).slice(2)}`,
      status: 'completed',
      type: 'batch',
      results,
      summary: { total: results.length, succeeded: results.length, failed: 0 },
    },
  };
}
