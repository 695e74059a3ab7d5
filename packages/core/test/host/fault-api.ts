// A batch endpoint over real HTTP that keeps the promises a real API keeps — idempotency keys
// (a replay of a finished request, 409 in use while one runs), the 1 MiB body limit (413), a
// deleted schema (404) — and breaks a share of requests at random in every way the client must
// survive. It counts how often it classified each item, so a test can prove nothing was lost or
// done twice.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIMITS } from '../../src/generated/limits';
import { TEST_KEY } from '../helpers/scripted-server';

export const FAULT_KINDS = [
  'status 500',
  'status 503',
  'status 429',
  'reset before classifying',
  'reset after classifying',
  'truncated answer',
  'slow answer',
  'malformed answer',
  'same-origin redirect',
] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultApiOptions {
  /** Share of requests that get a fault, 0..1. */
  rate: number;
  seed: number;
  /** How long a 'slow answer' takes; longer than the client's timeout. */
  slowMs: number;
  /** At most this many faults for one idempotency key, so that every request can succeed in the end. */
  maxFaultsPerKey: number;
}

export interface FaultApi {
  url: string;
  requests: number;
  faults: Record<FaultKind, number>;
  /** Times each item id was classified. */
  classified: Map<string, number>;
  tooLarge: number;
  close(): Promise<void>;
}

type Stored = { status: number; body: string };

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultApi(options: FaultApiOptions): Promise<FaultApi> {
  const rng = random(options.seed);
  const answers = new Map<string, Stored | 'running'>();
  const faultsPerKey = new Map<string, number>();
  const api: FaultApi = {
    url: '',
    requests: 0,
    faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
    classified: new Map(),
    tooLarge: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const problem = (status: number, code: string, headers: Record<string, string> = {}) => ({
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
    body: JSON.stringify({
      type: 'about:blank',
      title: code,
      status,
      code,
      request_id: `req_${api.requests}`,
    }),
  });

  /** Classifies the batch (counting each item) and stores the answer under its key. */
  const classify = (key: string, raw: string): Stored => {
    const body = JSON.parse(raw) as {
      items: Array<{ input: string; id?: string }>;
      schema?: string;
    };
    let stored: Stored;
    if (body.schema === 'sch_deleted') {
      const p = problem(404, 'schema_not_found');
      stored = { status: p.status, body: p.body };
    } else {
      const results = body.items.map((item, index) => {
        api.classified.set(item.id!, (api.classified.get(item.id!) ?? 0) + 1);
        return {
          index,
          id: item.id,
          status: 'completed',
          result: { label: item.id, confidence: 0.9 },
        };
      });
      stored = {
        status: 200,
        body: JSON.stringify({
          id: `batch_${api.requests}`,
          status: 'completed',
          type: 'batch',
          results,
          summary: { total: results.length, succeeded: results.length, failed: 0 },
        }),
      };
    }
    answers.set(key, stored);
    return stored;
  };

  const pickFault = (key: string): FaultKind | undefined => {
    if ((faultsPerKey.get(key) ?? 0) >= options.maxFaultsPerKey || rng() >= options.rate)
      return undefined;
    faultsPerKey.set(key, (faultsPerKey.get(key) ?? 0) + 1);
    const kind = FAULT_KINDS[Math.floor(rng() * FAULT_KINDS.length)]!;
    api.faults[kind]++;
    return kind;
  };

  const retryAfterForms = () => {
    const forms = [
      '1',
      '0',
      new Date(Date.now() - 60_000).toUTCString(),
      new Date(Date.now() + 1000).toUTCString(),
      'soon',
      '-3',
    ];
    return forms[Math.floor(rng() * forms.length)]!;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= LIMITS.requestBodyMaxBytes) chunks.push(chunk);
    });
    req.on('end', () => {
      api.requests++;
      const send = ({
        status,
        headers = {},
        body,
      }: {
        status: number;
        headers?: Record<string, string>;
        body: string;
      }) => {
        res.writeHead(status, {
          'Content-Type': 'application/json',
          'X-Request-Id': `req_${api.requests}`,
          ...headers,
        });
        res.end(body);
      };
      if (req.headers.authorization !== `Bearer ${TEST_KEY}`)
        return send(problem(401, 'invalid_api_key'));
      if (req.method !== 'POST' || req.url !== '/v1/classify/batch')
        return send(problem(404, 'not_found'));
      if (size > LIMITS.requestBodyMaxBytes) {
        api.tooLarge++;
        return send(problem(413, 'payload_too_large'));
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      const raw = Buffer.concat(chunks).toString('utf8');
      const previous = answers.get(key);
      if (previous === 'running')
        return send(problem(409, 'idempotency_key_in_use', { 'Retry-After': '1' }));
      if (previous) return send({ ...previous, headers: { 'Idempotent-Replayed': 'true' } });

      switch (pickFault(key)) {
        case 'status 500':
          return send(problem(500, 'internal_error'));
        case 'status 503':
          return send(problem(503, 'service_unavailable', { 'Retry-After': '1' }));
        case 'status 429':
          return send(problem(429, 'rate_limited', { 'Retry-After': retryAfterForms() }));
        case 'reset before classifying':
          return req.socket.destroy();
        case 'reset after classifying':
          classify(key, raw);
          return req.socket.destroy();
        case 'truncated answer': {
          const stored = classify(key, raw);
          res.writeHead(stored.status, {
            'Content-Type': 'application/json',
            'Content-Length': String(Buffer.byteLength(stored.body)),
          });
          return res.write(stored.body.slice(0, Math.floor(stored.body.length / 2)), () =>
            res.destroy(),
          );
        }
        case 'slow answer':
          answers.set(key, 'running');
          return void setTimeout(() => send(classify(key, raw)), options.slowMs);
        case 'malformed answer':
          return send({
            status: 200,
            body: ['{}', 'null', '{"results":null}'][Math.floor(rng() * 3)]!,
          });
        case 'same-origin redirect':
          return send({ status: 307, headers: { Location: req.url! }, body: '' });
        default:
          return send(classify(key, raw));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
