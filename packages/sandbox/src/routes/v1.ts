// The /v1 operations of the contract. Shape checks happen before a handler runs (validation.ts);
// the handlers hold the business rules JSON Schema cannot say.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkInput, LIMITS } from '@classifaily/core';
import { classify, type CategorySpec, type Prediction } from '../classifier/classifier';
import type { SandboxContext } from '../context';
import { fingerprint, type Claim } from '../idempotency';
import { PROBLEM_JSON, ProblemError, problemBody, type FieldError } from '../problems';
import { originForm } from '../request-target';
import type { IdempotencyStats } from '../stats';
import { InvalidCursorError, newId, type SchemaCategory } from '../store';

type Handler<P = undefined> = (
  request: FastifyRequest,
  prepared: P | undefined,
) => { status: number; body: unknown };
/**
 * Work without effects that a handler can have done before its transaction, a turn of the event
 * loop at a time (decision 0116); `undefined` leaves it all to the handler.
 */
type Prepare<P> = (request: FastifyRequest) => Promise<P | undefined>;

/** Which counter of `stats.idempotency` each kind of claim adds to. */
const CLAIM_COUNTER = {
  new: 'applied',
  replay: 'replayed',
  in_use: 'inUse',
  reused: 'reused',
} as const satisfies Record<Exclude<Claim['kind'], 'full'>, keyof IdempotencyStats>;

export function registerV1(app: FastifyInstance, ctx: SandboxContext): void {
  /**
   * Runs a handler under the idempotency rules: a POST with an Idempotency-Key is claimed first, its
   * answer (success or a 4xx of the handler) stored for a replay; a 5xx or a crash releases the key.
   */
  const run =
    <P = undefined>(handler: Handler<P>, prepare?: Prepare<P>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const idemKey =
        request.method === 'POST'
          ? (request.headers['idempotency-key'] as string | undefined)
          : undefined;
      const scope = request.apiKey!.key;
      if (idemKey !== undefined) {
        const claim = ctx.idempotency.claim(
          scope,
          idemKey,
          fingerprint(request.method, originForm(request.url), request.body),
        );
        if (claim.kind === 'full') {
          throw new ProblemError(
            'service_unavailable',
            `The sandbox keeps every Idempotency-Key's answer for at least ${Math.round(ctx.idempotency.floorSeconds / 60)} minutes, and its store is full of answers that young. Retry after ${claim.retryAfterSeconds} s, or send fewer requests with new keys.`,
            undefined,
            { 'retry-after': String(claim.retryAfterSeconds) },
          );
        }
        ctx.stats.idempotency(CLAIM_COUNTER[claim.kind]);
        if (claim.kind === 'in_use') {
          throw new ProblemError(
            'idempotency_key_in_use',
            'A request with this Idempotency-Key is still being processed. Retry after a moment.',
            undefined,
            { 'retry-after': '1' },
          );
        }
        if (claim.kind === 'reused') {
          throw new ProblemError(
            'idempotency_key_reused',
            'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
          );
        }
        if (claim.kind === 'replay') {
          // The first request's answer, byte for byte, under the first request's id.
          const { status, json, requestId } = claim.response;
          reply
            .code(status)
            .header('idempotent-replayed', 'true')
            .header('x-request-id', requestId)
            .type(status >= 400 ? PROBLEM_JSON : 'application/json; charset=utf-8');
          return json;
        }
      }
      try {
        const faultDelay = request.fault?.kind === 'delay' ? (request.fault.delayMs ?? 0) : 0;
        if (faultDelay > 0) await sleep(faultDelay);
        const prepared = prepare ? await prepare(request) : undefined;
        let status = 500;
        let body: unknown;
        try {
          // The effect and its stored answer commit together (decision 0111).
          ctx.idempotency.atomically(() => {
            try {
              ({ status, body } = handler(request, prepared));
            } catch (error) {
              if (!(error instanceof ProblemError) || error.status >= 500) throw error;
              status = error.status;
              body = problemBody(error, request.id);
              reply.type(PROBLEM_JSON);
            }
            if (idemKey !== undefined)
              ctx.idempotency.record(scope, idemKey, {
                status,
                json: JSON.stringify(body),
                requestId: request.id,
              });
          });
        } finally {
          // `--latency` is the API's response time: the work above is done within it, as a real
          // API's would be, not added to it (decision 0237). The answer is sent only when the time
          // is up, and the key stays in use (409) until then.
          if (ctx.latencyMs > 0) await untilElapsed(reply, ctx.latencyMs + faultDelay);
        }
        if (idemKey !== undefined) ctx.idempotency.finish(scope, idemKey);
        reply.code(status);
        return body;
      } catch (error) {
        if (idemKey !== undefined) ctx.idempotency.release(scope, idemKey);
        throw error;
      }
    };

  const categoriesFor = (request: FastifyRequest, body: ClassifyBody): CategorySpec[] => {
    const hasCategories = body.categories !== undefined;
    const hasSchema = body.schema !== undefined;
    if (hasCategories === hasSchema) {
      throw new ProblemError(
        'validation_failed',
        'Send exactly one of "categories" and "schema".',
        [
          {
            field: hasCategories ? 'schema' : 'categories',
            code: 'exactly_one',
            message: 'send exactly one of categories and schema',
          },
        ],
      );
    }
    if (hasSchema) {
      const schema = ctx.store.get(request.apiKey!.account.id, body.schema!);
      if (!schema)
        throw new ProblemError(
          'schema_not_found',
          `No schema with the id "${body.schema}" exists in this account.`,
        );
      return schema.categories;
    }
    return body.categories!.map((name) => ({ name }));
  };

  /**
   * One classification, with its own id: the same shape alone and in a batch. Documented-only, the
   * fields the vendor's page shows and nothing else: no id, no scores.
   */
  const resultFor = (
    id: string,
    input: string,
    categories: CategorySpec[],
    explain: boolean,
    prepared?: Prediction,
  ) => {
    const p = prepared ?? classify(input, categories, explain);
    return {
      ...(ctx.documentedOnly ? {} : { id }),
      label: p.label,
      confidence: p.confidence,
      ...(explain ? { explanation: p.explanation } : {}),
      ...(ctx.documentedOnly ? {} : { scores: p.scores }),
    };
  };

  app.post(
    '/v1/classify',
    { config: { operationId: 'classify' } },
    run((request) => {
      const body = request.body as ClassifyBody & { input: string };
      const categories = categoriesFor(request, body);
      ctx.stats.classified(request.apiKey!.key, targetOf(body), body.input);
      const id = newId('cls_');
      return {
        status: 200,
        body: {
          id,
          status: 'completed',
          type: 'text',
          result: resultFor(id, body.input, categories, Boolean(body.explain)),
        },
      };
    }),
  );

  type BatchBody = ClassifyBody & { items: Array<{ input: string; id?: string }> };

  /**
   * A batch's classifications, one item per turn of the event loop: a batch of 25 long texts is
   * tens of ms of CPU, and 200 clients sending them at once would otherwise hold every other
   * client's answer (even GET /v1/me) behind all of theirs (decision 0116). Pure work; the
   * handler bills and answers inside its transaction. A request whose categories cannot be had
   * (a missing schema) leaves the answer to the handler.
   */
  const classifyBatchItems = async (request: FastifyRequest) => {
    const body = request.body as BatchBody;
    let categories: CategorySpec[];
    try {
      categories = categoriesFor(request, body);
    } catch {
      return undefined;
    }
    const predictions = new Map<number, Prediction>();
    for (const [index, item] of body.items.entries()) {
      if (itemError(item.input)) continue;
      await nextTurn();
      predictions.set(index, classify(item.input, categories, Boolean(body.explain)));
    }
    return predictions;
  };

  app.post(
    '/v1/classify/batch',
    { config: { operationId: 'classifyBatch' } },
    run((request, predictions: Map<number, Prediction> | undefined) => {
      const body = request.body as BatchBody;
      const categories = categoriesFor(request, body);
      let succeeded = 0;
      const target = targetOf(body);
      const results = body.items.map((item, index) => {
        const id = item.id === undefined ? {} : { id: item.id };
        const error = itemError(item.input);
        if (error) return { index, ...id, status: 'failed', error };
        succeeded += 1;
        ctx.stats.classified(request.apiKey!.key, target, item.input);
        return {
          index,
          ...id,
          status: 'completed',
          result: resultFor(
            newId('cls_'),
            item.input,
            categories,
            Boolean(body.explain),
            predictions?.get(index),
          ),
        };
      });
      return {
        status: 200,
        body: {
          id: newId('bat_'),
          status: 'completed',
          type: 'batch',
          results,
          summary: { total: results.length, succeeded, failed: results.length - succeeded },
        },
      };
    }, classifyBatchItems),
  );

  app.get(
    '/v1/schemas',
    { config: { operationId: 'listSchemas' } },
    run((request) => {
      const query = request.query as { limit?: number; cursor?: string; name?: string };
      try {
        const page = ctx.store.list(request.apiKey!.account.id, {
          limit: query.limit ?? LIMITS.schemaListDefaultLimit,
          cursor: query.cursor,
          name: query.name,
        });
        return { status: 200, body: page };
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        throw new ProblemError(
          'invalid_request',
          'The cursor is not one this API handed out. Start again without a cursor.',
          [{ field: 'cursor', code: 'invalid', message: 'is not a cursor from a previous page' }],
        );
      }
    }),
  );

  app.post(
    '/v1/schemas',
    { config: { operationId: 'createSchema' } },
    run((request) => {
      const body = request.body as { name: string; categories: SchemaCategory[] };
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      body.categories.forEach((c, i) => {
        if (seen.has(c.name))
          errors.push({
            field: `categories[${i}].name`,
            code: 'duplicate',
            message: 'must be unique within the schema',
          });
        seen.add(c.name);
      });
      if (errors.length)
        throw new ProblemError(
          'validation_failed',
          'The schema breaks a rule: ' +
            errors.map((e) => `${e.field} ${e.message}`).join('; ') +
            '.',
          errors,
        );
      return {
        status: 201,
        body: ctx.store.create(request.apiKey!.account.id, body.name, body.categories),
      };
    }),
  );

  app.get(
    '/v1/schemas/:schema_id',
    { config: { operationId: 'getSchema' } },
    run((request) => {
      const { schema_id } = request.params as { schema_id: string };
      const schema = ctx.store.get(request.apiKey!.account.id, schema_id);
      if (!schema)
        throw new ProblemError(
          'schema_not_found',
          `No schema with the id "${schema_id}" exists in this account.`,
        );
      return { status: 200, body: schema };
    }),
  );

  app.delete(
    '/v1/schemas/:schema_id',
    { config: { operationId: 'deleteSchema' } },
    run((request) => {
      const { schema_id } = request.params as { schema_id: string };
      if (!ctx.store.delete(request.apiKey!.account.id, schema_id)) {
        throw new ProblemError(
          'schema_not_found',
          `No schema with the id "${schema_id}" exists in this account.`,
        );
      }
      return { status: 200, body: { id: schema_id, object: 'schema', deleted: true } };
    }),
  );

  // Documented-only, the API has no /v1/me: a 404 like any path it does not have.
  if (ctx.documentedOnly) return;
  app.get(
    '/v1/me',
    { config: { operationId: 'getMe' } },
    run((request) => {
      const key = request.apiKey!;
      return {
        status: 200,
        body: {
          object: 'me',
          account: { ...key.account },
          key: { name: key.name, mode: key.mode, read_only: key.readOnly },
        },
      };
    }),
  );
}

interface ClassifyBody {
  categories?: string[];
  schema?: string;
  explain?: boolean;
}

const ITEM_TITLES: Record<string, string> = {
  input_empty: 'Empty input',
  input_malformed: 'Broken text',
  input_too_long: 'Input too long',
};

/** Why one batch item cannot be classified, by core's own rule for a text (decision 0005). */

/** What an item is classified against, for telling a repeat (the counters). */
function targetOf(body: ClassifyBody): unknown {
  return [body.schema ?? body.categories, Boolean(body.explain)];
}

function itemError(input: string) {
  const problem = checkInput(input);
  if (!problem) return undefined;
  return {
    code: problem.code,
    title: ITEM_TITLES[problem.code] ?? 'Invalid input',
    detail: problem.message,
    field: 'input',
  };
}

/**
 * Waits until `ms` have passed since the request arrived, to the nearest millisecond, with one
 * timer. A timer counts from the event loop's cached millisecond clock, so it often rings a fraction
 * of a millisecond before `elapsedTime` (hrtime) says the time is up; sleeping again until hrtime
 * agreed added 1–2 ms to most answers (about 1 % of a 50 ms latency, in the n8n and core benches).
 */
async function untilElapsed(reply: FastifyReply, ms: number): Promise<void> {
  const rest = ms - reply.elapsedTime;
  if (rest >= 0.5) await sleep(Math.round(rest));
}
