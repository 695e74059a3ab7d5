// The client's saved-schema methods (`client.schemas`), each on its catalog operation's endpoint.
import { isDeletedSchema, isSchema, isSchemaList } from './answers';
import type { AnswerOf, RequestOptions, Requester } from './call';
import * as ops from './catalog/operations';
import { LIMITS } from './generated/limits';
import type { CreateSchemaRequest, ListSchemasQuery } from './types';
import { validateCreateSchema, validateSchemaId, validateSchemaNameFilter } from './validation';

type Schema = AnswerOf<typeof ops.getSchema>;

export class SchemasResource {
  readonly #client: Requester;
  constructor(client: Requester) {
    this.#client = client;
  }

  /** One page, newest first. */
  async list(query: ListSchemasQuery = {}, options?: RequestOptions) {
    validateSchemaNameFilter(query.name);
    return this.#client.request<AnswerOf<typeof ops.listSchemas>>(
      { endpoint: ops.listSchemas, query, check: isSchemaList },
      options,
    );
  }

  /** Every schema (or the first `max`), following the pagination. */
  async listAll(
    query: { name?: string; max?: number } = {},
    options?: RequestOptions,
  ): Promise<Schema[]> {
    const max = query.max ?? Infinity;
    const all: Schema[] = [];
    let cursor: string | undefined;
    do {
      const limit = Math.min(LIMITS.schemaListMaxLimit, Math.max(1, max - all.length));
      const page = await this.list({ limit, cursor, name: query.name }, options);
      all.push(...page.data);
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
    } while (cursor && all.length < max);
    return all.slice(0, max);
  }

  async get(id: string, options?: RequestOptions) {
    validateSchemaId(id);
    return this.#client.request<Schema>(
      { endpoint: ops.getSchema, params: { schema_id: id }, check: isSchema },
      options,
    );
  }

  async create(body: CreateSchemaRequest, options?: RequestOptions) {
    validateCreateSchema(body);
    return this.#client.request<AnswerOf<typeof ops.createSchema>>(
      { endpoint: ops.createSchema, body, check: isSchema },
      options,
    );
  }

  async delete(id: string, options?: RequestOptions) {
    validateSchemaId(id);
    return this.#client.request<AnswerOf<typeof ops.deleteSchema>>(
      { endpoint: ops.deleteSchema, params: { schema_id: id }, check: isDeletedSchema },
      options,
    );
  }
}
