// Builds the Fastify app: request ids, faults, auth, rate limit, spec validation, the /v1 routes,
// problem+json errors, response validation and the test-mode control endpoints.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { LIMITS } from '@classifaily/core';
import type { SandboxContext } from './context';
import { faultProblem, type FaultSpec } from './faults';
import { ProblemError, problemBody } from './problems';
import { PROBLEM_JSON, registerV1 } from './routes/v1';
import { responseMismatch, validateRequest } from './validation';

const CONTROL_PREFIX = '/__sandbox';

function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q < 0 ? request.url : request.url.slice(0, q);
}

function operationOf(ctx: SandboxContext, request: FastifyRequest) {
  const id = request.routeOptions.config?.operationId;
  return id ? ctx.spec.operations[id] : undefined;
}

export function buildApp(ctx: SandboxContext, options: { logger?: boolean } = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: LIMITS.requestBodyMaxBytes,
    genReqId: () => `req_${randomBytes(10).toString('hex')}`,
    // Ajv options do not matter: Fastify's own validator is never used (no route `schema`).
    return503OnClosing: false,
  });

  // Only JSON bodies. An empty body with a JSON content type (some HTTP helpers send one on
  // DELETE) counts as no body, not as malformed JSON.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    parseJson(request, text, done);
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const path = pathOf(request);
    // Counted on arrival (faults included), so a client that has its answer finds its request counted.
    if (!path.startsWith(CONTROL_PREFIX))
      ctx.stats.request(request.method, path, request.routeOptions.config?.operationId);
    if (!path.startsWith('/v1/') && path !== '/v1') return;

    const fault = ctx.faults?.take(path);
    if (fault) {
      request.fault = fault;
      if (fault.kind === 'status') throw faultStatus(fault);
      if (fault.kind === 'reset') {
        reply.hijack();
        request.raw.socket.destroy();
        return;
      }
    }

    const key = ctx.keys.authenticate(request.headers.authorization);
    request.apiKey = key;
    const limit = ctx.limiter.hit(key.key);
    reply.header('ratelimit-limit', String(limit.limit));
    reply.header('ratelimit-remaining', String(limit.remaining));
    reply.header('ratelimit-reset', String(limit.resetSeconds));
    if (!limit.allowed) {
      throw new ProblemError(
        'rate_limited',
        `Rate limit reached: ${limit.limit} requests per window. Retry after ${limit.resetSeconds} s.`,
        undefined,
        {
          'retry-after': String(limit.resetSeconds),
        },
      );
    }
    if (key.readOnly && request.method !== 'GET' && request.method !== 'HEAD') {
      throw new ProblemError(
        'permission_denied',
        'This API key is read-only; it cannot create, change or delete anything.',
      );
    }
  });

  app.addHook('preValidation', async (request) => {
    const op = operationOf(ctx, request);
    if (op) validateRequest(op, request);
  });

  app.addHook('preSerialization', async (request, reply, payload) => {
    const op = operationOf(ctx, request);
    if (!ctx.validateResponses || !op || request.fault) return payload;
    const mismatch = responseMismatch(op, reply.statusCode, payload);
    if (!mismatch) return payload;
    // A sandbox answer that breaks the contract is a sandbox bug: make it loud, never silent.
    request.log.error({ mismatch }, 'response does not match the OpenAPI document');
    reply.code(500).type(PROBLEM_JSON);
    return problemBody(
      new ProblemError(
        'internal_error',
        `The sandbox produced a response that breaks the contract: ${mismatch}`,
      ),
      request.id,
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const fault = request.fault;
    if (!fault || typeof payload !== 'string') return payload;
    if (fault.kind === 'malformed')
      return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    if (fault.kind === 'truncate') {
      // Announce the whole body, send half, then fail the stream: the client sees the
      // connection close mid-body.
      reply.header('content-length', String(Buffer.byteLength(payload)));
      const half = payload.slice(0, Math.floor(payload.length / 2));
      let sent = false;
      return new Readable({
        read() {
          if (sent) return;
          sent = true;
          this.push(half);
          setImmediate(() => this.destroy(new Error('truncated by fault injection')));
        },
      });
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (pathOf(request).startsWith(CONTROL_PREFIX)) return;
    ctx.stats.status(reply.statusCode);
  });

  app.setErrorHandler((error: FastifyError | ProblemError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500 && !(error instanceof ProblemError)) request.log.error(error);
    reply.code(problem.status).type(PROBLEM_JSON).headers(problem.headers);
    return reply.send(problemBody(problem, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = new ProblemError(
      'not_found',
      `There is no ${request.method} ${pathOf(request)} in this API.`,
    );
    reply.code(404).type(PROBLEM_JSON);
    return reply.send(problemBody(problem, request.id));
  });

  registerV1(app, ctx);
  if (ctx.faults) registerControl(app, ctx);
  return app;
}

function faultStatus(fault: FaultSpec): ProblemError {
  const status = fault.status ?? 503;
  const retryAfter = fault.retryAfter ?? (status === 429 || status === 503 ? 1 : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  if (status === 429)
    return new ProblemError(
      'rate_limited',
      'Rate limit reached (injected fault).',
      undefined,
      headers,
    );
  if (status === 503)
    return new ProblemError(
      'service_unavailable',
      'The service is temporarily unavailable (injected fault).',
      undefined,
      headers,
    );
  return new ProblemError(
    'internal_error',
    `The server failed (injected fault, ${status}).`,
    undefined,
    headers,
    status,
  );
}

function toProblem(error: FastifyError | ProblemError): ProblemError {
  if (error instanceof ProblemError) return error;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError(
        'unsupported_media_type',
        'Send the body as JSON, with Content-Type: application/json.',
      );
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError(
        'payload_too_large',
        `The body is larger than ${LIMITS.requestBodyMaxBytes} bytes.`,
      );
  }
  if (
    error instanceof SyntaxError ||
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    /JSON/i.test(error.message)
  ) {
    if ((error.statusCode ?? 400) === 400)
      return new ProblemError('malformed_json', 'The body is not valid JSON.');
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return new ProblemError('invalid_request', 'The request could not be read.');
  return new ProblemError('internal_error', 'Something failed in the sandbox. Retrying is safe.');
}

function registerControl(app: FastifyInstance, ctx: SandboxContext): void {
  const faults = ctx.faults!;
  const badRequest = (detail: string) => new ProblemError('invalid_request', detail);
  app.get(`${CONTROL_PREFIX}/stats`, async () => ctx.stats.snapshot());
  app.get(`${CONTROL_PREFIX}/faults`, async () => ({ faults: faults.list() }));
  app.post(`${CONTROL_PREFIX}/faults`, async (request) => {
    const body = request.body as unknown;
    const list = Array.isArray(body) ? body : [body];
    for (const f of list) {
      const problem = faultProblem(f);
      if (problem) throw badRequest(`Invalid fault: ${problem}.`);
    }
    for (const f of list) faults.add(f as FaultSpec);
    return { faults: faults.list() };
  });
  app.delete(`${CONTROL_PREFIX}/faults`, async () => {
    faults.clear();
    return { faults: [] };
  });
  app.post(`${CONTROL_PREFIX}/reset`, async (request) => {
    const body = (request.body ?? {}) as { schemas?: unknown };
    resetState(ctx, { schemas: body.schemas === true });
    return { reset: true };
  });
}

/** Forgets counters, faults, rate-limit windows and idempotency keys; schemas only when asked. */
export function resetState(ctx: SandboxContext, options: { schemas?: boolean } = {}): void {
  ctx.stats.reset();
  ctx.faults?.clear();
  ctx.limiter.reset();
  ctx.idempotency.clear();
  if (options.schemas) ctx.store.clear();
}
