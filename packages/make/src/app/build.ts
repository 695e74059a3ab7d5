// Builds the whole Make app in memory from core's catalog. Every label, help text, limit, default
// and sample comes from the catalog; this file only decides how they map onto Make's components.
import {
  baseUrlPattern,
  catalog,
  DEFAULT_REVIEW_THRESHOLD,
  DEFAULT_TIMEOUT_MS,
  LIMITS,
  type FieldSpec,
  type OperationSpec,
  type OutputFieldSpec,
} from '@classifaily/core';
import type {
  MakeApp,
  MakeComponent,
  MakeModule,
  MakeParameter,
  MakeRequest,
} from '../make-format';
import { errorDirective } from './errors';
import { iml, imlString } from './iml';
import { toInterfaceField, toMakeParameter } from './params';
import { readme } from './readme';
import { universalModule, UNIVERSAL_GROUP_LABEL } from './universal';

const ops = catalog.operations;
const f = catalog.fields;

export const CONNECTION_ID = catalog.service.name.toLowerCase();
export const SCHEMA_RPC_ID = 'schemaOptions';
const SCHEMA_RPC = `rpc://${SCHEMA_RPC_ID}`;

/** Make gives an RPC 40 s and advises at most 3 requests (3 pages) per call. */
export const RPC_MAX_PAGES = 3;

/** Make logs requests; the Authorization header holds the API key and must never be logged. */
const SANITIZE = ['request.headers.authorization'];

export interface BuildOptions {
  /**
   * A development build: the connection also takes plain http:// to this machine (the sandbox).
   * The production build takes https:// only, as core's client does for a remote host.
   */
  dev?: boolean;
}

/** "Classify Text" → "classifyText": module ids follow the catalog's labels. */
export function idFromLabel(label: string): string {
  const words = label.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

/** Fields that shape the step on the platform but are not sent to the API. */
const CLIENT_ONLY = new Set<string>([
  f.categorySource.key,
  f.reviewThreshold.key,
  f.batchSize.key,
  f.concurrency.key,
  f.returnAll.key,
  f.limit.key,
]);

/** Which field each "Categories From" option shows (Make's nested parameters). */
const NESTED_BY_SOURCE: Record<string, FieldSpec> = { list: f.categories, schema: f.schema };

const baseUrlExpr = (scope: 'connection' | 'parameters') =>
  iml(`ifempty(${scope}.${f.baseUrl.key}, ${imlString(String(f.baseUrl.default))})`);

/** The review rule of core (`confidence < threshold`), in IML. */
const needsReviewExpr = (confidence: string) =>
  `${confidence} < ifempty(parameters.${f.reviewThreshold.key}, ${DEFAULT_REVIEW_THRESHOLD})`;

/**
 * The connection label, as IML. core's `connectionLabel(me)` is the one definition; rendering it
 * for a live and a test key shows which text only test keys get, so that the IML says the same.
 */
export function connectionLabelIml(): string {
  const render = (mode: 'live' | 'test') =>
    catalog.credential.connectionLabel({
      object: 'me',
      account: { id: 'acct', name: '⟦body.account.name⟧' },
      key: { name: '⟦body.key.name⟧', mode },
    });
  const [live, test] = [render('live'), render('test')];
  let p = 0;
  while (p < live.length && live[p] === test[p]) p++;
  let s = 0;
  while (s < live.length - p && live[live.length - 1 - s] === test[test.length - 1 - s]) s++;
  const testOnly = imlString(test.slice(p, test.length - s));
  const withMode = `${live.slice(0, p)}${iml(`if(body.key.mode == 'test', ${testOnly}, '')`)}${live.slice(p)}`;
  return withMode.replace(/⟦([a-z.]+)⟧/g, (_m, path: string) => iml(path));
}

export function buildConnection({ dev = false }: BuildOptions = {}): MakeComponent {
  const params = catalog.credential.fields.map((field) => toMakeParameter(field, SCHEMA_RPC));
  const baseUrl = params.find((p) => p.name === f.baseUrl.key)!;
  // Make documents `validate.pattern` for text fields: the URL rule is core's, as a pattern.
  Object.assign(baseUrl, {
    type: 'text',
    help: dev ? f.baseUrl.help : catalog.credential.hostedBaseUrlHelp,
    validate: { pattern: baseUrlPattern({ allowLocalHttp: dev }) },
  });
  return {
    id: CONNECTION_ID,
    label: catalog.credential.label,
    params,
    communication: {
      url: `${baseUrlExpr('parameters')}${catalog.credential.testPath}`,
      method: ops.me.method,
      headers: { Authorization: `Bearer ${iml(`parameters.${f.apiKey.key}`)}` },
      response: {
        metadata: { type: 'text', value: connectionLabelIml() },
        error: errorDirective(),
      },
      log: { sanitize: SANITIZE },
    },
  };
}

const cursorPagination = () => ({
  qs: { cursor: iml('body.next_cursor') },
  condition: iml('body.has_more'),
});

export function buildSchemaRpc(): MakeComponent {
  return {
    id: SCHEMA_RPC_ID,
    label: ops.listSchemas.label,
    params: [],
    communication: {
      url: ops.listSchemas.path,
      method: 'GET',
      qs: { limit: LIMITS.schemaListMaxLimit },
      pagination: cursorPagination(),
      response: {
        iterate: iml('body.data'),
        output: { label: iml('item.name'), value: iml('item.id') },
        limit: RPC_MAX_PAGES * LIMITS.schemaListMaxLimit,
      },
    },
  };
}

/** Parameters of an operation: every field Make can use, "Categories From" with its nested fields. */
function mappableParams(op: OperationSpec, skip: readonly FieldSpec[] = []): MakeParameter[] {
  const hasSource = op.fields.includes(f.categorySource);
  const nested = Object.values(NESTED_BY_SOURCE);
  return op.fields
    .filter((field) => !skip.includes(field) && !(hasSource && nested.includes(field)))
    .map((field) => {
      const param = toMakeParameter(field, SCHEMA_RPC);
      if (field === f.categorySource && Array.isArray(param.options)) {
        param.options = param.options.map((option) => ({
          ...option,
          nested: [toMakeParameter(NESTED_BY_SOURCE[String(option.value)]!, SCHEMA_RPC)],
        }));
      }
      return param;
    });
}

/** The request body: every field the API takes, straight from the parameters. */
const body = (op: OperationSpec) =>
  Object.fromEntries(
    op.fields
      .filter((field) => !CLIENT_ONLY.has(field.key))
      .map((field) => [field.key, iml(`parameters.${field.key}`)]),
  );

/** Where each classification output field is found in a result, relative to `from`. */
function classificationOutput(fields: readonly OutputFieldSpec[], from: 'body' | 'item') {
  const paths: Record<string, string> = {
    id: `${from}.result.id`,
    index: `${from}.index`,
    reference: `${from}.id`,
    label: `${from}.result.label`,
    confidence: `${from}.result.confidence`,
    explanation: `${from}.result.explanation`,
    scores: `${from}.result.scores`,
    error: `${from}.error.detail`,
  };
  const rule = needsReviewExpr(paths.confidence!);
  const entries = fields.map((field) => {
    // A failed batch item has no confidence: it always goes to a person.
    if (field.key === 'needs_review')
      return [
        field.key,
        iml(from === 'item' ? `if(item.status == 'failed', true, ${rule})` : rule),
      ];
    const path = paths[field.key];
    if (!path) throw new Error(`No response path for output field ${field.key}`);
    return [field.key, iml(path)];
  });
  return Object.fromEntries(entries);
}

/** Output of an operation whose response (or item) carries the output fields by the same names. */
const sameNameOutput = (fields: readonly OutputFieldSpec[], from: 'body' | 'item') =>
  Object.fromEntries(fields.map((field) => [field.key, iml(`${from}.${field.key}`)]));

function module(
  op: OperationSpec,
  moduleType: MakeModule['moduleType'],
  { url, ...communication }: Omit<MakeRequest, 'method'>,
  params: MakeParameter[],
  crud?: MakeModule['crud'],
): MakeModule {
  const keys = new Set(op.outputFields.map((field) => field.key));
  return {
    id: idFromLabel(op.label),
    label: op.label,
    description: op.description,
    moduleType,
    ...(crud ? { crud } : {}),
    communication: { url, method: op.method, ...communication },
    staticParams: [],
    mappableParams: params,
    interface: op.outputFields.map(toInterfaceField),
    samples: Object.fromEntries(Object.entries(op.sample).filter(([key]) => keys.has(key))),
  };
}

const schemaPath = (op: OperationSpec) =>
  op.path.replace('{schema_id}', iml(`parameters.${f.schemaId.key}`));

/**
 * Classify Batch is one request of at most one batch (decision 0405): Make's own iterators and
 * aggregators make the batches, so its texts say exactly that instead of core's "sent 25 per request".
 */
function classifyBatchModule(): MakeModule {
  const n = LIMITS.batchMaxItems;
  const items: MakeParameter = {
    ...toMakeParameter(f.items, SCHEMA_RPC),
    help: `Up to ${n} texts, each with an optional reference; one bad text fails alone. For a longer list, put an Array aggregator before this module with Group by ceil(position / ${n}): each group is one call.`,
    validate: { minItems: f.items.minItems ?? 1, maxItems: n },
  };
  const op = ops.classifyBatch;
  const batch = module(
    op,
    'search',
    {
      url: op.path,
      body: body(op),
      response: {
        iterate: iml('body.results'),
        output: classificationOutput(op.outputFields, 'item'),
      },
    },
    [items, ...mappableParams(op, [f.items, f.batchSize, f.concurrency])],
  );
  batch.description = `Classify up to ${n} texts in one request; each gets its own result, in the same order, and one bad text fails alone.`;
  return batch;
}

export function buildModules(): MakeModule[] {
  const output = (op: OperationSpec, from: 'body' | 'item' = 'body') => ({
    output: sameNameOutput(op.outputFields, from),
  });
  const { classify, createSchema, getSchema, listSchemas, deleteSchema } = ops;
  return [
    module(
      classify,
      'action',
      {
        url: classify.path,
        body: body(classify),
        response: { output: classificationOutput(classify.outputFields, 'body') },
      },
      mappableParams(classify),
      'create',
    ),
    classifyBatchModule(),
    module(
      createSchema,
      'action',
      { url: createSchema.path, body: body(createSchema), response: output(createSchema) },
      mappableParams(createSchema),
      'create',
    ),
    module(
      getSchema,
      'action',
      { url: schemaPath(getSchema), response: output(getSchema) },
      mappableParams(getSchema),
      'read',
    ),
    module(
      listSchemas,
      'search',
      {
        url: listSchemas.path,
        qs: { limit: LIMITS.schemaListMaxLimit },
        pagination: cursorPagination(),
        response: {
          iterate: iml('body.data'),
          ...output(listSchemas, 'item'),
          limit: iml(`parameters.${f.limit.key}`),
        },
      },
      // Make's search modules stop at a limit; "return all" is a matter of a high limit there.
      mappableParams(listSchemas, [f.returnAll]),
    ),
    module(
      deleteSchema,
      'action',
      { url: schemaPath(deleteSchema), response: output(deleteSchema) },
      mappableParams(deleteSchema),
      'delete',
    ),
    universalModule(baseUrlExpr('connection')),
  ];
}

export function buildApp(options: BuildOptions = {}): MakeApp {
  const modules = buildModules();
  const ids = (resource: OperationSpec['resource']) =>
    Object.values(ops)
      .filter((op) => op.resource === resource)
      .map((op) => idFromLabel(op.label))
      .filter((id) => modules.some((m) => m.id === id));
  return {
    base: {
      baseUrl: baseUrlExpr('connection'),
      headers: { Authorization: `Bearer ${iml(`connection.${f.apiKey.key}`)}` },
      timeout: DEFAULT_TIMEOUT_MS,
      response: { error: errorDirective() },
      log: { sanitize: SANITIZE },
    },
    readme: readme(modules),
    groups: [
      { label: catalog.resources.classification.label, modules: ids('classification') },
      { label: catalog.resources.schema.label, modules: ids('schema') },
      {
        label: UNIVERSAL_GROUP_LABEL,
        modules: modules.filter((m) => m.moduleType === 'universal').map((m) => m.id),
      },
    ],
    connection: buildConnection(options),
    rpcs: [buildSchemaRpc()],
    modules,
  };
}
