// Builds the whole Make app in memory from core's catalog. Every label, help text, limit, default
// and sample comes from the catalog; this file only decides how they map onto Make's components.
import {
  ANSWER_MARK,
  baseUrlPattern,
  catalog,
  formatError,
  malformedAnswer,
  positionOf,
  DEFAULT_REVIEW_THRESHOLD,
  DEFAULT_TIMEOUT_MS,
  LIMITS,
  type FieldSpec,
  type OperationSpec,
  type OutputFieldSpec,
} from '@classifaily/core';
import { chunkAt, CHUNK_TEMP, MAX_BATCH_ITEMS } from './batch';
import { COMMON, errorDirective, fieldErrorsTemp, MAKE_ERROR_TYPE } from './errors';
import { iml, imlString } from './iml';
import { toInterfaceField, toMakeParameter, type MakeParameter } from './params';
import { classificationKey, content, SEP, writeKey } from './replay';
import { universalModule, UNIVERSAL_GROUP_LABEL } from './universal';

const ops = catalog.operations;
const f = catalog.fields;
const { testRequest } = catalog.credential;

export const CONNECTION_ID = catalog.service.name.toLowerCase();
const SCHEMA_RPC_ID = 'schemaOptions';
const SCHEMA_RPC = `rpc://${SCHEMA_RPC_ID}`;

/** Make gives an RPC 40 s and advises at most 3 requests (3 pages) per call. */
export const RPC_MAX_PAGES = 3;

/** Make logs requests; the Authorization header holds the API key and must never be logged. */
const SANITIZE = ['request.headers.authorization'];

/** "Classify Text" → "classifyText": module ids follow the catalog's labels. */
const idFromLabel = (label: string) =>
  label
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w, i) => (i ? w[0]!.toUpperCase() : w[0]!.toLowerCase()) + w.slice(1).toLowerCase())
    .join('');

/** Fields that shape the step on the platform but are not sent to the API. */
const CLIENT_ONLY = [
  f.categorySource,
  f.reviewThreshold,
  f.batchSize,
  f.concurrency,
  f.returnAll,
  f.limit,
];

/** Which field each "Categories From" option shows (Make's nested parameters). */
const NESTED_BY_SOURCE: Record<string, FieldSpec> = { list: f.categories, schema: f.schema };

// The connection's schema page: a boolean whatever Make makes of an empty `data` list (a new
// account has no schemas), so a good key with no schemas is never refused (decision 0418).
const CONNECTION_ANSWERED = 'body.has_more == true || body.has_more == false';

/**
 * What makes a 2xx an answer: core's mark of each operation's answer. A proxy's page or a broken
 * body is core's bad answer (temporary, decision 0011) in core's words, not an empty result.
 */
const valid = (op: string) => ({
  condition: iml(op === 'connection' ? CONNECTION_ANSWERED : `body.${ANSWER_MARK[op]!}`),
  message: formatError(malformedAnswer()),
  type: MAKE_ERROR_TYPE.temporary,
});

const baseUrlExpr = (scope: 'connection' | 'parameters') =>
  iml(`ifempty(${scope}.${f.baseUrl.key}, ${imlString(String(f.baseUrl.default))})`);

/** The connection; `dev`: a development build, which also takes http:// to this machine (the sandbox). */
function buildConnection(dev: boolean) {
  const params = catalog.credential.fields.map((field) => toMakeParameter(field, SCHEMA_RPC));
  // Make documents `validate.pattern` for text fields: the URL rule is core's, as a pattern.
  Object.assign(
    params.find((p) => p.name === f.baseUrl.key)!,
    {
      type: 'text',
      help: dev ? f.baseUrl.help : catalog.credential.hostedBaseUrlHelp,
      validate: { pattern: baseUrlPattern({ allowLocalHttp: dev }) },
    },
  );
  return {
    id: CONNECTION_ID,
    label: catalog.credential.label,
    params,
    // Validation reads one schema, core's test request (decision 0038): it bills nothing, a wrong
    // key is a 401 (Make's error directive, core's words) and a good one a 2xx, which is all Make
    // takes as a success. Without /v1/me there is no account to show: no `metadata`, so Make shows
    // the name the user gives the connection (decision 0418).
    communication: {
      url: `${baseUrlExpr('parameters')}${testRequest.path}`,
      method: testRequest.method,
      qs: testRequest.query,
      headers: { Authorization: `Bearer ${iml(`parameters.${f.apiKey.key}`)}` },
      response: {
        valid: valid('connection'),
        // A read that sends no fields: none of its errors can name one.
        error: errorDirective({ withFieldErrors: false }),
      },
      log: { sanitize: SANITIZE },
    },
  };
}

/** GET /v1/schemas as Make reads it: 100 a page, following the cursor, up to `limit` items. */
const schemaPages = (output: object, limit: string | number) => ({
  qs: { limit: LIMITS.schemaListMaxLimit },
  pagination: { qs: { cursor: iml('body.next_cursor') }, condition: iml('body.has_more') },
  response: { valid: valid(ops.listSchemas.key), iterate: iml('body.data'), output, limit },
});

/** Parameters of an operation: every field Make can use, "Categories From" with its nested fields. */
function mappableParams(op: OperationSpec, skip: readonly FieldSpec[] = []): MakeParameter[] {
  const nested = op.fields.includes(f.categorySource) ? Object.values(NESTED_BY_SOURCE) : [];
  return op.fields
    .filter((field) => !skip.includes(field) && !nested.includes(field))
    .map((field) => {
      const param = toMakeParameter(field, SCHEMA_RPC);
      if (field === f.categorySource && Array.isArray(param.options))
        param.options = param.options.map((option) => ({
          ...option,
          nested: [toMakeParameter(NESTED_BY_SOURCE[String(option.value)]!, SCHEMA_RPC)],
        }));
      return param;
    });
}

/**
 * A field's value in the body, as an IML expression. A field nested under a "Categories From"
 * option is sent only while that option is chosen: a value left over from the other option would
 * make the API refuse both. IML's `if` without an else gives nothing; Make leaves such a key out.
 */
function bodyExpr(field: FieldSpec): string {
  const source = Object.entries(NESTED_BY_SOURCE).find(([, nested]) => nested === field)?.[0];
  const value = `parameters.${field.key}`;
  return source ? `if(parameters.${f.categorySource.key} == '${source}', ${value})` : value;
}

/** The fields an operation sends in its body. */
const sent = (op: OperationSpec) =>
  op.fields.filter((field) => !CLIENT_ONLY.some((x) => x.key === field.key));

/**
 * The request's body and its Idempotency-Key (replay.ts): a classification always has one, a write
 * (Create Schema) only when the user gave a Deduplication Key. `value` overrides a field's value.
 */
function request(
  op: OperationSpec,
  keyed?: 'classification' | 'write',
  { value = bodyExpr, at }: { value?: (field: FieldSpec) => string; at?: string } = {},
) {
  const fields = sent(op);
  // A chunk's key also takes its place in the list: two equal chunks are two pieces of work.
  const text =
    at === undefined ? content(fields, value) : `${at} + ${SEP} + ${content(fields, value)}`;
  const key = keyed === 'write' ? writeKey(op.key, text) : classificationKey(op.key, text);
  return {
    ...(keyed ? { headers: { 'Idempotency-Key': iml(key) } } : {}),
    body: Object.fromEntries(fields.map((field) => [field.key, iml(value(field))])),
  };
}

/**
 * The request's URL: a schema ID goes into the path encoded as one segment (`encodeURL`), so that
 * `../v1/me?x=1` stays an ID; Make's own URL encoding (`encodeUrl`) is then off, not to encode twice.
 */
const urlOf = (op: OperationSpec) =>
  op.path.includes('{schema_id}')
    ? {
        url: op.path.replace('{schema_id}', iml(`encodeURL(parameters.${f.schemaId.key})`)),
        encodeUrl: false,
      }
    : { url: op.path };

/** A classification's output fields, read from the answer (`body`) or a batch item (`item`). */
function classificationOutput(fields: readonly OutputFieldSpec[], from: 'body' | 'item') {
  // The result's own id is `result.id` (single and batch alike, where the API sends it); a batch
  // item's `id` is the caller's reference.
  const path = (key: string) =>
    ({ reference: 'id', error: 'error.detail' })[key] ?? `result.${key}`;
  // core's review rule, `confidence < threshold`; a failed batch item has no confidence: it always
  // goes to a person.
  const review = `${from}.result.confidence < ifempty(parameters.${f.reviewThreshold.key}, ${DEFAULT_REVIEW_THRESHOLD})`;
  const failed = (rule: string) =>
    from === 'item' ? `if(item.status == 'failed', true, ${rule})` : rule;
  // A batch item's position is in the whole list: its chunk's start plus its place in the chunk,
  // counted from 1 as core's positionOf counts (decision 0416). A single answer's id is the
  // result's own, else the answer's top-level `id` (the one the vendor documents, decision 0037); a
  // batch item without `result.id` has none.
  const expression = (key: string) =>
    key === 'needs_review'
      ? failed(review)
      : key === 'index'
        ? `temp.offset + item.index + ${positionOf(0)}`
        : key === 'id' && from === 'body'
          ? 'ifempty(body.result.id, body.id)'
          : `${from}.${path(key)}`;
  return Object.fromEntries(fields.map(({ key }) => [key, iml(expression(key))]));
}

/** Output of an operation whose response (or item) carries the output fields by the same names. */
const sameNameOutput = (op: OperationSpec, from: 'body' | 'item' = 'body') =>
  Object.fromEntries(op.outputFields.map(({ key }) => [key, iml(`${from}.${key}`)]));

interface ModuleOptions {
  crud?: 'create' | 'read' | 'delete';
  /** Fields Make does not show. */
  skip?: FieldSpec[];
  /** Default: the output fields by their names in the answer. One that iterates makes a search. */
  response?: object;
  qs?: object;
  pagination?: object;
  /** Which Idempotency-Key the request carries, if any. */
  keyed?: 'classification' | 'write';
}

/** A module of an operation; a POST sends every field the API takes as its body. */
function module(
  op: OperationSpec,
  { crud, skip = [], response, keyed, ...paging }: ModuleOptions = {},
) {
  const keys = new Set(op.outputFields.map((field) => field.key));
  return {
    id: idFromLabel(op.label),
    label: op.label,
    description: op.description,
    moduleType: response && 'iterate' in response ? ('search' as const) : ('action' as const),
    crud,
    resource: op.resource as string,
    communication: {
      ...urlOf(op),
      method: op.method,
      ...(op.method === 'POST' ? request(op, keyed) : {}),
      ...paging,
      response: { valid: valid(op.key), ...(response ?? { output: sameNameOutput(op) }) },
    },
    staticParams: [] as MakeParameter[],
    mappableParams: [
      ...mappableParams(op, skip),
      ...(keyed ? [toMakeParameter(f.deduplicationKey, SCHEMA_RPC)] : []),
    ],
    interface: op.outputFields.map(toInterfaceField),
    samples: Object.fromEntries(
      Object.entries(op.sample)
        .filter(([key]) => keys.has(key))
        .map(([key, v]) => [key, key === 'index' ? positionOf(Number(v)) : v]),
    ),
  };
}

/**
 * Classify Batch: any list up to MAX_BATCH_ITEMS, sent in chunks by Make's pagination (batch.ts,
 * decision 0415), each chunk with its own key; its items come out one bundle each, in order.
 */
function classifyBatchModule() {
  const op = ops.classifyBatch;
  const items = `parameters.${f.items.key}`;
  const chunk = (offset: string) =>
    request(op, 'classification', {
      value: (field) => (field === f.items ? chunkAt(items, offset) : bodyExpr(field)),
      at: offset,
    });
  const output = classificationOutput(op.outputFields, 'item');
  // `limit`: one bundle per item, said outright, so that no page can ever add more.
  const limit = iml(`length(${items})`);
  const response = { temp: CHUNK_TEMP, iterate: iml('body.results'), output, limit };
  const pagination = { ...chunk('temp.next'), condition: iml(`temp.next < length(${items})`) };
  const skip = [f.batchSize, f.concurrency];
  const batch = module(op, { response, skip, pagination, keyed: 'classification' });
  Object.assign(batch.communication, chunk('0'));
  const param = batch.mappableParams.find((p) => p.name === f.items.key)!;
  param.validate = { ...param.validate, maxItems: MAX_BATCH_ITEMS };
  param.help = `${param.help} Up to ${MAX_BATCH_ITEMS.toLocaleString('en-US')} in one bundle.`;
  return batch;
}

function buildModules() {
  const { classify, createSchema, getSchema, listSchemas, deleteSchema } = ops;
  const output = classificationOutput(classify.outputFields, 'body');
  const listed = schemaPages(sameNameOutput(listSchemas, 'item'), iml(`parameters.${f.limit.key}`));
  return [
    module(classify, { crud: 'create', response: { output }, keyed: 'classification' }),
    classifyBatchModule(),
    module(createSchema, { crud: 'create', keyed: 'write' }),
    module(getSchema, { crud: 'read' }),
    // Make's search modules stop at a limit; "return all" is a matter of a high limit there.
    module(listSchemas, { ...listed, skip: [f.returnAll] }),
    module(deleteSchema, { crud: 'delete' }),
    universalModule(baseUrlExpr('connection')),
  ];
}

export function buildApp({ dev = false } = {}) {
  const modules = buildModules();
  const group = (label: string, resource: string) => ({
    label,
    modules: modules.filter((m) => m.resource === resource).map((m) => m.id),
  });
  return {
    base: {
      baseUrl: baseUrlExpr('connection'),
      headers: { Authorization: `Bearer ${iml(`connection.${f.apiKey.key}`)}` },
      timeout: DEFAULT_TIMEOUT_MS,
      response: { temp: fieldErrorsTemp(), error: errorDirective() },
      log: { sanitize: SANITIZE },
    },
    common: COMMON,
    readme: `# ${catalog.service.name}\n\n${catalog.service.description}\n\n## Modules\n\n${modules
      .map((m) => `- **${m.label}**: ${m.description}`)
      .join(
        '\n',
      )}\n\nDocumentation: ${catalog.service.guides.make}\nGet an API key: ${catalog.service.keyGuides.make}\n`,
    groups: [
      group(catalog.resources.classification.label, 'classification'),
      group(catalog.resources.schema.label, 'schema'),
      group(UNIVERSAL_GROUP_LABEL, 'universal'),
    ],
    connection: buildConnection(dev),
    rpcs: [
      {
        id: SCHEMA_RPC_ID,
        label: ops.listSchemas.label,
        params: [] as MakeParameter[],
        communication: {
          url: ops.listSchemas.path,
          method: 'GET',
          ...schemaPages(
            { label: iml('item.name'), value: iml('item.id') },
            RPC_MAX_PAGES * LIMITS.schemaListMaxLimit,
          ),
        },
      },
    ],
    modules,
  };
}

export type MakeApp = ReturnType<typeof buildApp>;
