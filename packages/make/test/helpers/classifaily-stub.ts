// A minimal stand-in for the Classifaily API on 127.0.0.1, only as much of the OpenAPI contract as
// the Make modules use: /v1/me, /v1/classify, /v1/classify/batch and /v1/schemas. It is here until
// @classifaily/sandbox lands (see ./api.ts); it is not the sandbox and makes no claim to its rules.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The sandbox's fault shape, as far as the stub needs it: answer the next `count` requests with `status`. */
export interface Fault {
  kind: 'status';
  status: number;
  count?: number;
}

export interface ApiServer {
  url: string;
  apiKey: string;
  revokedKey: string;
  close(): Promise<void>;
  setFaults(faults: Fault | Fault[]): void;
  reset(): void;
}

const KEYWORDS: Record<string, string[]> = {
  account_access: ['log in', 'login', 'password', 'locked'],
  billing: ['charged', 'invoice', 'refund', 'payment'],
  technical_bug: ['crash', 'error', 'bug', 'broken'],
  feature_request: ['would be nice', 'please add', 'feature'],
};

function classify(input: string, categories: string[]) {
  const text = input.toLowerCase();
  const hits = categories.map(
    (c) => (KEYWORDS[c] ?? c.split('_')).filter((word) => text.includes(word)).length,
  );
  const best = hits.indexOf(Math.max(...hits));
  const confident = hits[best]! > 0;
  const top = confident ? 0.94 : 0.55;
  const rest = (1 - top) / Math.max(1, categories.length - 1);
  const scores = Object.fromEntries(
    categories.map((c, i) => [c, Number((i === best ? top : rest).toFixed(4))]),
  );
  return { label: categories[best]!, confidence: top, scores };
}

export async function startStub(): Promise<ApiServer> {
  const apiKey = 'cai_test_stubKey0123456789';
  const revokedKey = 'cai_test_revokedKey0123456789';
  let schemas: { id: string; object: 'schema'; name: string; categories: { name: string; description?: string }[]; created_at: string }[] = [];
  let faults: Fault[] = [];
  let seq = 0;

  const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type, 'x-request-id': `req_${++seq}` });
    res.end(JSON.stringify(body));
  };
  const problem = (res: ServerResponse, status: number, code: string, title: string, detail: string) =>
    send(
      res,
      status,
      { type: `https://docs.classifaily.com/errors/${code}`, title, status, detail, code, request_id: `req_${seq + 1}` },
      'application/problem+json',
    );

  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : undefined;
  };

  /** Returns the categories to classify against, or answers with a problem and returns undefined. */
  const target = (res: ServerResponse, body: { categories?: string[]; schema?: string }) => {
    if ((body.categories === undefined) === (body.schema === undefined)) {
      problem(res, 422, 'validation_failed', 'Validation failed', 'Give exactly one of categories and schema.');
      return undefined;
    }
    if (body.schema !== undefined) {
      const found = schemas.find((s) => s.id === body.schema);
      if (!found) problem(res, 404, 'schema_not_found', 'Schema not found', `No schema ${body.schema}.`);
      return found?.categories.map((c) => c.name);
    }
    const n = body.categories!.length;
    if (n < 2 || n > 50) {
      problem(res, 422, 'validation_failed', 'Validation failed', `categories must hold 2 to 50 names; it holds ${n}.`);
      return undefined;
    }
    return body.categories;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fault = faults[0];
    if (fault) {
      if ((fault.count ?? 1) <= 1) faults.shift();
      else fault.count = (fault.count ?? 1) - 1;
      const code = fault.status === 429 ? 'rate_limited' : 'internal_error';
      return problem(res, fault.status, code, 'Injected fault', 'Injected fault.');
    }
    const auth = req.headers.authorization ?? '';
    if (auth === `Bearer ${revokedKey}`)
      return problem(res, 401, 'revoked_api_key', 'Revoked API key', 'This API key has been revoked.');
    if (auth !== `Bearer ${apiKey}`)
      return problem(res, 401, 'invalid_api_key', 'Invalid API key', 'The API key is not valid.');
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    const path = url.pathname;

    if (req.method === 'GET' && path === '/v1/me')
      return send(res, 200, { object: 'me', account: { id: 'acct_1', name: 'Stub Account' }, key: { name: 'Stub key', mode: 'test' } });
    if (req.method === 'POST' && path === '/v1/classify') {
      const categories = target(res, body);
      if (!categories) return;
      const result = classify(body.input, categories);
      return send(res, 200, {
        id: String(++seq),
        status: 'completed',
        type: 'text',
        result: { ...result, ...(body.explain ? { explanation: `The text reads like ${result.label}.` } : {}) },
      });
    }
    if (req.method === 'POST' && path === '/v1/classify/batch') {
      if (body.items.length > 25)
        return problem(res, 422, 'batch_too_large', 'Batch too large', 'A batch holds at most 25 items.');
      const categories = target(res, body);
      if (!categories) return;
      const results = (body.items as { input: string; id?: string }[]).map((item, index) =>
        item.input?.trim()
          ? { index, ...(item.id ? { id: item.id } : {}), status: 'completed', result: classify(item.input, categories) }
          : {
              index,
              ...(item.id ? { id: item.id } : {}),
              status: 'failed',
              error: { code: 'input_empty', title: 'Empty input', detail: 'The input is empty.', field: 'input' },
            },
      );
      const failed = results.filter((r) => r.status === 'failed').length;
      return send(res, 200, {
        id: String(++seq),
        status: 'completed',
        type: 'batch',
        results,
        summary: { total: results.length, succeeded: results.length - failed, failed },
      });
    }
    if (path === '/v1/schemas' && req.method === 'POST') {
      const schema = { id: `sch_${++seq}`, object: 'schema' as const, name: body.name, categories: body.categories, created_at: new Date(0).toISOString() };
      schemas.unshift(schema);
      return send(res, 201, schema);
    }
    if (path === '/v1/schemas' && req.method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const data = schemas.slice(start, start + limit);
      const more = start + limit < schemas.length;
      return send(res, 200, { object: 'list', data, has_more: more, next_cursor: more ? String(start + limit) : null });
    }
    const one = /^\/v1\/schemas\/([^/]+)$/.exec(path);
    if (one) {
      const found = schemas.find((s) => s.id === decodeURIComponent(one[1]!));
      if (!found) return problem(res, 404, 'schema_not_found', 'Schema not found', `No schema ${one[1]}.`);
      if (req.method === 'DELETE') {
        schemas = schemas.filter((s) => s !== found);
        return send(res, 200, { id: found.id, object: 'schema', deleted: true });
      }
      return send(res, 200, found);
    }
    return problem(res, 404, 'not_found', 'Not found', `No route ${req.method} ${path}.`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    revokedKey,
    setFaults: (list) => (faults = (Array.isArray(list) ? list : [list]).map((f) => ({ ...f }))),
    reset: () => {
      schemas = [];
      faults = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
