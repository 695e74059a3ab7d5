// Builds the Fastify app: request ids, timeouts, the body parser, faults, auth, rate limit, spec
// validation, the /v1 routes, problem+json errors on every path, response validation and the
// test-mode control endpoints.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { LIMITS } from '@classifaily/core';
import { parseJsonBody } from './body';
import { servePipelinedInTurn } from './pipelining';
import type { SandboxContext } from './context';
import { CONTROL_PREFIX, registerControl } from './control';
import { faultedAnswer, retryAfterOf, type FaultSpec } from './faults';
import { PROBLEM_JSON, ProblemError, problemBody, type ProblemCode } from './problems';
import { originForm, targetAuthority } from './request-target';
import { registerV1 } from './routes/v1';
import { responseMismatch, validateRequest } from './validation';
import { clientErrorHandler, toProblem } from './wire-errors';

/** How long a client may take; see "Timeouts" in the README. */
export interface Timeouts {
  /** From connection (or the end of the previous request) to the last header. Default 10 s. */
  headersMs?: number;
  /** From connection to the last byte of the body. Default 30 s. */
  requestMs?: number;
  /** A connection with no traffic either way, while a request is handled or an answer sent. Default 120 s plus the added latency. */
  idleMs?: number;
}

function pathOf(request: FastifyRequest): string {
  const url = originForm(request.url);
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

function operationOf(ctx: SandboxContext, request: FastifyRequest) {
  const id = request.routeOptions.config?.operationId;
  return id ? ctx.spec.operations[id] : undefined;
}

const newRequestId = () => `req_${randomBytes(10).toString('hex')}`;

export function buildApp(
  ctx: SandboxContext,
  options: { logger?: boolean; timeouts?: Timeouts } = {},
): FastifyInstance {
  const requestMs = options.timeouts?.requestMs ?? 30_000;
  const headersMs = Math.min(options.timeouts?.headersMs ?? 10_000, requestMs);
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: LIMITS.requestBodyMaxBytes,
    genReqId: newRequestId,
    // Ajv options do not matter: Fastify's own validator is never used (no route `schema`).
    return503OnClosing: false,
    requestTimeout: requestMs,
    // The idle timeout must outlast a handled request: a `delay` fault holds one up to 60 s.
    connectionTimeout: options.timeouts?.idleMs ?? 120_000 + ctx.latencyMs,
    // Node checks the two timeouts above on this interval (30 s by default, which would let a
    // 10 s header timeout run to 40 s).
    http: { headersTimeout: headersMs, connectionsCheckingInterval: Math.min(1_000, headersMs) },
    // A long schema id gets the contract's 400 (too long for the id pattern), not the router's 414;
    // Node's 16 KiB limit on the request line and headers still applies (431).
    routerOptions: { maxParamLength: 16 * 1024 },
    clientErrorHandler: clientErrorHandler(newRequestId),
    frameworkErrors: (error, request, raw) => {
      const reply = raw as FastifyReply;
      const problem = toProblem(error);
      reply.code(problem.status).type(PROBLEM_JSON).header('x-request-id', request.id);
      return reply.send(problemBody(problem, request.id));
    },
  });

  // Only JSON bodies, read by our parser (body.ts): UTF-8, depth and width checked before parsing.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  // Every route's path as a pattern, to tell "no such path" (404) from "not this method" (405).
  const routes: Array<{ pattern: RegExp; methods: string[] }> = [];
  app.addHook('onRoute', (route) => {
    const pattern = new RegExp(`^${route.url.replace(/:[^/]+/g, '[^/]+')}$`);
    const methods = [route.method].flat();
    const known = routes.find((r) => r.pattern.source === pattern.source);
    if (known) known.methods.push(...methods);
    else routes.push({ pattern, methods });
  });

  servePipelinedInTurn(app); // first: a request waiting for its turn has cost nothing yet
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const path = pathOf(request);
    // Counted on arrival (faults included), so a client that has its answer finds its request counted.
    if (!path.startsWith(CONTROL_PREFIX))
      ctx.stats.request(request.method, path, request.routeOptions.config?.operationId);
    // A path or method the API does not have is answered as such (404/405), key or no key.
    if (request.is404) return;
    if (!path.startsWith('/v1/') && path !== '/v1') return;
    const host = targetAuthority(request.url) ?? request.headers.host;
    if (host !== undefined && !ctx.hostAllowed(host)) return refuseHost(request, reply, host);

    const fault = ctx.faults?.take(path, request.headers.authorization);
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
    const faulted = faultedAnswer(fault, payload);
    if (faulted) {
      reply.headers(faulted.headers);
      return faulted.body;
    }
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
    const path = pathOf(request);
    const allowed = routes.find((r) => r.pattern.test(path))?.methods;
    if (allowed && !allowed.includes(request.method)) {
      reply.code(405).type(PROBLEM_JSON).header('allow', allowed.join(', '));
      return reply.send(
        problemBody(
          new ProblemError(
            'method_not_allowed',
            `${path} does not take ${request.method}; it takes ${allowed.join(', ')}.`,
          ),
          request.id,
        ),
      );
    }
    reply.code(404).type(PROBLEM_JSON);
    return reply.send(
      problemBody(
        new ProblemError('not_found', `There is no ${request.method} ${path} in this API.`),
        request.id,
      ),
    );
  });

  registerV1(app, ctx);
  if (ctx.faults) registerControl(app, ctx, (opts) => resetState(ctx, opts));
  return app;
}

/**
 * 403 for a Host /v1 does not answer (decision 0114), sent as text: it is an answer about the
 * transport, outside any operation's documented answers, so it skips the response check.
 */
function refuseHost(request: FastifyRequest, reply: FastifyReply, host: string) {
  const problem = new ProblemError(
    'permission_denied',
    `This sandbox answers only requests addressed to 127.0.0.1, localhost, [::1] or the --host it listens on (add names with --allow-host); this one was addressed to "${host.slice(0, 100)}". A web page that points its own name at this machine cannot use it.`,
  );
  return reply
    .code(403)
    .type(PROBLEM_JSON)
    .send(JSON.stringify(problemBody(problem, request.id)));
}

/** The problem a status fault answers: the contract's code for that status, and Retry-After. */
function faultStatus(fault: FaultSpec): ProblemError {
  const status = fault.status ?? 503;
  const retryAfter = retryAfterOf(fault);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': retryAfter };
  const code = FAULT_CODES[status] ?? 'internal_error';
  const errors =
    status === 422
      ? [
          {
            field: 'categories',
            code: 'invalid',
            message: 'The categories were refused (injected fault).',
          },
        ]
      : undefined;
  return new ProblemError(
    code,
    `${code.replace(/_/g, ' ')} (injected fault, ${status}).`,
    errors,
    headers,
    status,
  );
}

const FAULT_CODES: Record<number, ProblemCode> = {
  400: 'invalid_request',
  401: 'invalid_api_key',
  403: 'permission_denied',
  404: 'schema_not_found',
  408: 'request_timeout',
  409: 'idempotency_key_in_use',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'service_unavailable',
};

/** Forgets counters, faults, rate-limit windows and idempotency keys; schemas only when asked. */
export function resetState(ctx: SandboxContext, options: { schemas?: boolean } = {}): void {
  ctx.stats.reset();
  ctx.faults?.clear();
  ctx.limiter.reset();
  ctx.idempotency.clear();
  if (options.schemas) ctx.store.clear();
}
