// Real HTTP against a sandbox on 127.0.0.1, and checks of each answer against the OpenAPI document.
import { request } from 'node:http';
import { compileSpec } from '../src/spec';
import type { Sandbox } from '../src';

export const spec = compileSpec();

export const SUPPORT = ['billing', 'technical_bug', 'account_access', 'feature_request'];
export const EXAMPLE = 'I cannot log in - the password reset email never arrives.';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (not JSON-encoded). */
  raw?: string;
  /** API key; `null` sends no Authorization header. Default: the sandbox's test key. */
  key?: string | null;
  headers?: Record<string, string>;
}

export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? sandbox.apiKey : options.key;
  if (key !== null) headers.authorization ??= `Bearer ${key}`;
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(sandbox.url + path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

export interface RawRequest {
  method: string;
  /** Sent as written: node:http does not normalise it, as fetch would. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** An answer that takes longer is a hang: the call fails. Default 10 s. */
  hangMs?: number;
}

/** One request with node:http, which sends the path and headers (Host, Origin…) as given. */
export function rawCall(baseUrl: string, req: RawRequest): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  const hangMs = req.hangMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: hostname,
        port,
        method: req.method,
        path: req.path,
        headers: req.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined)
              headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          resolve({ status: res.statusCode ?? 0, headers, text, body });
        });
      },
    );
    r.setTimeout(hangMs, () => r.destroy(new Error(`no answer within ${hangMs} ms (a hang)`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Every error answer's shape: problem+json, its status, and the X-Request-Id of the answer. */
export function expectProblem(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
  expect(answer.body).toMatchObject({
    status,
    code,
    request_id: answer.headers.get('x-request-id'),
  });
}

/** Asserts the answer is one the spec documents for this operation, headers and body. */
export function expectConforms(operationId: string, answer: Answer): void {
  const op = spec.operations[operationId];
  if (!op) throw new Error(`no operation ${operationId}`);
  const response = op.responses[String(answer.status)];
  if (!response)
    throw new Error(
      `${operationId} answered ${answer.status}, which the spec does not document: ${answer.text}`,
    );
  expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
  if (response.contentType) {
    expect(answer.headers.get('content-type')).toContain(response.contentType);
    const validate = response.body!;
    if (!validate(answer.body)) {
      throw new Error(
        `${operationId} ${answer.status} body breaks the spec: ${JSON.stringify(validate.errors)}\n${answer.text}`,
      );
    }
  }
  if (answer.status >= 400) {
    expect(answer.body.request_id).toBe(answer.headers.get('x-request-id'));
    expect(answer.body.status).toBe(answer.status);
  }
  if (answer.status === 429 || answer.status === 503 || answer.status === 409) {
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
  }
}

export async function createSchema(
  sandbox: Sandbox,
  name = 'Support triage',
  categories: Array<{ name: string; description?: string }> = SUPPORT.map((c) => ({ name: c })),
) {
  const answer = await call(sandbox, 'POST', '/v1/schemas', { body: { name, categories } });
  expect(answer.status).toBe(201);
  return answer.body as { id: string; name: string };
}

/** Waits until the sandbox holds a running first request for an Idempotency-Key (bounded: 10 s). */
export async function untilIdempotencyClaimed(s: Sandbox): Promise<void> {
  for (let i = 0; i < 1000 && s.idempotencyInFlight() === 0; i++)
    await new Promise((r) => setTimeout(r, 10));
  if (s.idempotencyInFlight() === 0) throw new Error('the first request never claimed its key');
}
