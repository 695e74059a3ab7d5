/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   test code: a local HTTP server, never part of the node. */
// A minimal stand-in for the Classifaily API on 127.0.0.1 (random port), for the runtime smoke test
// until @classifaily/sandbox lands: GET /v1/me and a paginated GET /v1/schemas. Records every request.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface RecordedRequest {
  method: string;
  url: string;
  authorization?: string;
}

export interface FakeApi {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const FAKE_CREDENTIAL_VALUE = 'cai_test_harness0000000000000000';

/** Serves `schemas` newest first in pages of at most `pageSize`, whatever `limit` asks for. */
export async function startFakeApi(
  schemas: Array<{ id: string; name: string; categories: string[] }>,
  pageSize = 2,
): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    requests.push({
      method: req.method ?? '',
      url: req.url ?? '',
      authorization: req.headers.authorization,
    });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, {
        'content-type': status < 400 ? 'application/json' : 'application/problem+json',
      });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${FAKE_CREDENTIAL_VALUE}`) {
      return send(401, {
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        code: 'invalid_api_key',
      });
    }
    if (req.method === 'GET' && url.pathname === '/v1/me') {
      return send(200, {
        object: 'me',
        account: { id: 'acc_1', name: 'Harness' },
        key: { name: 'test', mode: 'test' },
      });
    }
    if (req.method === 'GET' && url.pathname === '/v1/schemas') {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), pageSize);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const data = schemas.slice(start, start + limit).map((s) => ({
        object: 'schema',
        id: s.id,
        name: s.name,
        categories: s.categories.map((name) => ({ name })),
        created_at: '2026-01-01T00:00:00Z',
      }));
      const next = start + limit;
      return send(200, {
        object: 'list',
        data,
        has_more: next < schemas.length,
        next_cursor: next < schemas.length ? String(next) : null,
      });
    }
    return send(404, { type: 'about:blank', title: 'Not Found', status: 404, code: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
