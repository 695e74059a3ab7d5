// What a 2xx answer must look like before the client hands it on. A body of `{}`, `null` or
// `{"results": null}` (a proxy's page, a half-deployed server) is a bad answer, not a result: the
// client treats it as a temporary server error (retried, then given to every item of its batch).
// Only what the client and the adapters read is checked; extra fields are allowed.
import type {
  BatchClassification,
  Classification,
  DeletedSchema,
  Me,
  Schema,
  SchemaList,
} from './types';

/** A check of one kind of answer; `sent` is the request body, for answers that depend on it. */
export type AnswerCheck<T> = (value: unknown, sent: unknown) => value is T;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

export function isResult(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.label) &&
    typeof v.confidence === 'number' &&
    v.confidence >= 0 &&
    v.confidence <= 1 &&
    (v.explanation === undefined || isString(v.explanation)) &&
    (v.scores === undefined || isObject(v.scores))
  );
}

export const isClassification: AnswerCheck<Classification> = (v): v is Classification =>
  isObject(v) && isResult(v.result);

/**
 * A list of results. Each entry is placed by its `index` and judged on its own when the answer is
 * used (pool.ts): an entry out of order is placed, one that cannot be placed fails its item alone.
 */
export const isBatchClassification: AnswerCheck<BatchClassification> = (
  v,
): v is BatchClassification => isObject(v) && Array.isArray(v.results);

export const isSchema: AnswerCheck<Schema> = (v): v is Schema =>
  isObject(v) &&
  isString(v.id) &&
  isString(v.name) &&
  Array.isArray(v.categories) &&
  v.categories.every((c: unknown) => isObject(c) && isString(c.name));

export const isSchemaList: AnswerCheck<SchemaList> = (v): v is SchemaList =>
  isObject(v) &&
  Array.isArray(v.data) &&
  v.data.every((s: unknown) => isSchema(s, undefined)) &&
  typeof v.has_more === 'boolean' &&
  (v.next_cursor === undefined || v.next_cursor === null || isString(v.next_cursor));

export const isDeletedSchema: AnswerCheck<DeletedSchema> = (v): v is DeletedSchema =>
  isObject(v) && isString(v.id) && v.deleted === true;

export const isMe: AnswerCheck<Me> = (v): v is Me =>
  isObject(v) &&
  isObject(v.account) &&
  isString(v.account.name) &&
  isObject(v.key) &&
  isString(v.key.name) &&
  (v.key.mode === 'live' || v.key.mode === 'test');

/**
 * The field whose presence marks each operation's answer (by catalog key), for a platform that can
 * test no more than that (Make's `valid`, in IML): each check above fails without it.
 */
export const ANSWER_MARK: Readonly<Record<string, string>> = {
  classify: 'result.label',
  classifyBatch: 'results',
  createSchema: 'id',
  getSchema: 'id',
  listSchemas: 'data',
  deleteSchema: 'deleted',
  me: 'account',
};
