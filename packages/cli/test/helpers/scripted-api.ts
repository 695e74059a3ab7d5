// A Classifaily API on 127.0.0.1 that answers every text from a fixed table (the answer set of a
// test), records every request, and can be told to fail: the figures a test expects then depend on
// nothing but the table, not on any classifier.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: {
    items?: Array<{ input: string }>;
    categories?: string[];
    schema?: string;
    explain?: boolean;
  };
}

export interface ScriptedApi {
  url: string;
  requests: Seen[];
  /** Answer every request with this status instead (a problem+json), until set back to undefined. */
  failWith?: number;
  /** Answer 500 to every batch that holds one of these texts. */
  failTexts: Set<string>;
  /** Answer this many of the next batches 429 with `Retry-After: 1`. */
  throttleNext: number;
  close(): Promise<void>;
}

export async function startScriptedApi(
  answers: ReadonlyMap<string, { label: string; confidence: number }>,
  schemas: Record<string, string[]> = {},
): Promise<ScriptedApi> {
  const requests: Seen[] = [];
  const api: ScriptedApi = {
    url: '',
    requests,
    failTexts: new Set(),
    throttleNext: 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const send = (
    res: http.ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json',
      'Content-Length': Buffer.byteLength(payload),
      'X-Request-Id': `req_${requests.length}`,
      ...headers,
    });
    res.end(payload);
  };
  const problem = (status: number, code: string, detail: string) => ({
    type: `https://docs.classifaily.com/errors/${code}`,
    title: code,
    status,
    code,
    detail,
    request_id: `req_${requests.length}`,
  });
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const seen: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: raw ? JSON.parse(raw) : {},
      };
      requests.push(seen);
      if (api.failWith)
        return send(res, api.failWith, problem(api.failWith, 'scripted', 'Scripted failure.'));
      const schema = /^\/v1\/schemas\/(sch_\w+)$/.exec(seen.url);
      if (seen.method === 'GET' && schema) {
        const categories = schemas[schema[1]!];
        if (!categories) return send(res, 404, problem(404, 'schema_not_found', 'No such schema.'));
        return send(res, 200, {
          id: schema[1],
          name: 'Scripted',
          categories: categories.map((name) => ({ name })),
          created_at: '2026-01-01T00:00:00Z',
        });
      }
      if (seen.method !== 'POST' || seen.url !== '/v1/classify/batch')
        return send(res, 404, problem(404, 'not_found', `No route ${seen.method} ${seen.url}.`));
      if (api.throttleNext > 0) {
        api.throttleNext -= 1;
        return send(res, 429, problem(429, 'rate_limited', 'Slow down.'), { 'Retry-After': '1' });
      }
      if ((seen.body.items ?? []).some((item) => api.failTexts.has(item.input)))
        return send(res, 500, problem(500, 'scripted', 'Scripted failure of this batch.'));
      const missing = (seen.body.items ?? []).find((item) => !answers.has(item.input));
      if (missing)
        return send(
          res,
          500,
          problem(500, 'unscripted', `No answer for ${JSON.stringify(missing.input)}.`),
        );
      const results = (seen.body.items ?? []).map((item, index) => ({
        index,
        status: 'completed',
        result: { id: `cls_${requests.length}_${index}`, ...answers.get(item.input)! },
      }));
      send(res, 200, {
        id: `batch_${requests.length}`,
        status: 'completed',
        type: 'batch',
        results,
        summary: { total: results.length, succeeded: results.length, failed: 0 },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}
