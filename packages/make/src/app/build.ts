// Builds the whole Make app in memory from core's catalog. Every label, help text, limit, default
// and sample comes from the catalog; this file only decides how they map onto Make's components.
import {
  catalog,
  DEFAULT_REVIEW_THRESHOLD,
  DEFAULT_TIMEOUT_MS,
  LIMITS,
  type FieldSpec,
  type OperationSpec,
  type OutputFieldSpec,
} from '@classifaily/core';
import type {
  ActionCrud,
  MakeApp,
  MakeBase,
  MakeConnection,
  MakeModule,
  MakeParameter,
  MakeRequest,
  MakeRpc,
} from '../make-format';
import { iml, imlString } from '../iml/literal';
import { errorDirective } from './errors';
import { toInterfaceField, toMakeParameter, type ParamContext } from './params';
import { universalModule, UNIVERSAL_GROUP_LABEL } from './universal';
import { readme } from './readme';

const ops = catalog.operations;
const f = catalog.fields;

export const CONNECTION_ID = catalog.service.name.toLowerCase();
export const SCHEMA_RPC_ID = 'schemaOptions';
const ctx: ParamContext = { schemaRpcId: SCHEMA_RPC_ID };

/** Make logs requests; the Authorization header holds the API key and must never be logged. */
const SANITIZE = ['request.headers.authorization'];

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
  `ifempty(${scope}.${f.baseUrl.key}, ${imlString(String(f.baseUrl.default))})`;

/** The review rule of core (`confidence < threshold`), in IML. */
const needsReviewExpr = (confidence: string) =>
  `${confidence} < ifempty(parameters.${f.reviewThreshold.key}, ${DEFAULT_REVIEW_THRESHOLD})`;

export function buildBase(): MakeBase {
  return {
    baseUrl: iml(baseUrlExpr('connection')),
    headers: { Authorization: `Bearer ${iml(`connection.${f.apiKey.key}`)}` },
    timeout: DEFAULT_TIMEOUT_MS,
    response: { error: errorDirective() },
    log: { sanitize: SANITIZE },
  };
}

/**
 * The connection label, as IML. core's `connectionLabel(me)` is the one definition; rendering it
 * for a live and a test key shows which text only test keys get, so that the IML says the same.
 */
export function connectionLabelIml(): string {
  const placeholders = { account: 'body.account.name', key: 'body.key.name' };
  const render = (mode: 'live' | 'test') =>
    catalog.credential.connectionLabel({
      object: 'me',
      account: { id: 'acct', name: `⟦${placeholders.account}⟧` },
      key: { name: `⟦${placeholders.key}⟧`, mode },
    });
  const live = render('live');
  const test = render('test');
  let p = 0;
  while (p < live.length && live[p] === test[p]) p++;
  let s = 0;
  while (s < live.length - p && live[live.length - 1 - s] === test[test.length - 1 - s]) s++;
  const testOnly = test.slice(p, test.length - s);
  const withMode = `${live.slice(0, p)}${iml(`if(body.key.mode == 'test', ${imlString(testOnly)}, '')`)}${live.slice(p)}`;
  return withMode.replace(/⟦([a-z.]+)⟧/g, (_m, path: string) => iml(path));
}

export function buildConnection(): MakeConnection {
  const me = ops.me;
  return {
    id: CONNECTION_ID,
    label: catalog.credential.label,
    params: catalog.credential.fields.map((field) => toMakeParameter(field, ctx)),
    communication: {
      url: `${iml(baseUrlExpr('parameters'))}${catalog.credential.testPath}`,
      method: me.method,
      headers: { Authorization: `Bearer ${iml(`parameters.${f.apiKey.key}`)}` },
      response: {
        metadata: { type: 'text', value: connectionLabelIml() },
        error: errorDirective(),
      },
      log: { sanitize: SANITIZE },
    },
  };
}

export function buildSchemaRpc(): MakeRpc {
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
      },
    },
  };
}

function cursorPagination() {
  return { qs: { cursor: iml('body.next_cursor') }, condition: iml('body.has_more') };
}

/** Parameters of an operation: every field Make can use, "Categories From" with its nested fields. */
function mappableParams(op: OperationSpec, skip: readonly FieldSpec[] = []): MakeParameter[] {
  const nested = new Set(Object.values(NESTED_BY_SOURCE).map((field) => field.key));
  const params: MakeParameter[] = [];
  for (const field of op.fields) {
    if (skip.includes(field) || (nested.has(field.key) && hasSource(op))) continue;
    const param = toMakeParameter(field, ctx);
    if (field === f.categorySource && Array.isArray(param.options)) {
      param.options = param.options.map((option) => ({
        ...option,
        nested: [toMakeParameter(NESTED_BY_SOURCE[String(option.value)]!, ctx)],
      }));
    }
    params.push(param);
  }
  return params;
}

const hasSource = (op: OperationSpec) => op.fields.includes(f.categorySource);

/** The request body: every field the API takes, straight from the parameters. */
function body(op: OperationSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of op.fields) {
    if (CLIENT_ONLY.has(field.key)) continue;
    out[field.key] = iml(`parameters.${field.key}`);
  }
  return out;
}

/** Where each classification output field is found in a result, relative to `from`. */
function classificationOutput(
  fields: readonly OutputFieldSpec[],
  from: 'body' | 'item',
): Record<string, string> {
  const paths: Record<string, string> = {
    id: `${from}.id`,
    index: `${from}.index`,
    reference: `${from}.id`,
    label: `${from}.result.label`,
    confidence: `${from}.result.confidence`,
    explanation: `${from}.result.explanation`,
    scores: `${from}.result.scores`,
    error: `${from}.error.detail`,
  };
  const out: Record<string, string> = {};
  for (const field of fields) {
    if (field.key === 'needs_review') {
      const rule = needsReviewExpr(paths.confidence!);
      // A failed batch item has no confidence: it always goes to a person.
      out[field.key] = iml(from === 'item' ? `if(item.status == 'failed', true, ${rule})` : rule);
      continue;
    }
    const path = paths[field.key];
    if (!path) throw new Error(`No response path for output field ${field.key}`);
    out[field.key] = iml(path);
  }
  return out;
}

/** Output of an operation whose response (or item) carries the output fields by the same names. */
function sameNameOutput(fields: readonly OutputFieldSpec[], from: 'body' | 'item') {
  return Object.fromEntries(fields.map((field) => [field.key, iml(`${from}.${field.key}`)]));
}

function samples(op: OperationSpec): Record<string, unknown> {
  const keys = new Set(op.outputFields.map((field) => field.key));
  return Object.fromEntries(Object.entries(op.sample).filter(([key]) => keys.has(key)));
}

function module(
  op: OperationSpec,
  moduleType: MakeModule['moduleType'],
  communication: MakeRequest,
  params: MakeParameter[],
  crud?: ActionCrud,
): MakeModule {
  return {
    id: idFromLabel(op.label),
    label: op.label,
    description: op.description,
    moduleType,
    ...(crud ? { crud } : {}),
    communication,
    staticParams: [],
    mappableParams: params,
    interface: op.outputFields.map(toInterfaceField),
    samples: samples(op),
  };
}

const schemaPath = (op: OperationSpec) =>
  op.path.replace('{schema_id}', iml(`parameters.${f.schemaId.key}`));

export function buildModules(): MakeModule[] {
  const classifyBatchItems: MakeParameter = {
    ...toMakeParameter(f.items, ctx),
    // One module call is one API request: Make's own iterators feed it, at most a batch at a time.
    validate: { minItems: f.items.minItems ?? 1, maxItems: LIMITS.batchMaxItems },
  };
  const batchParams = mappableParams(ops.classifyBatch, [f.items, f.batchSize, f.concurrency]);
  return [
    module(
      ops.classify,
      'action',
      {
        url: ops.classify.path,
        method: ops.classify.method,
        body: body(ops.classify),
        response: { output: classificationOutput(ops.classify.outputFields, 'body') },
      },
      mappableParams(ops.classify),
      'create',
    ),
    module(
      ops.classifyBatch,
      'search',
      {
        url: ops.classifyBatch.path,
        method: ops.classifyBatch.method,
        body: body(ops.classifyBatch),
        response: {
          iterate: iml('body.results'),
          output: classificationOutput(ops.classifyBatch.outputFields, 'item'),
        },
      },
      [classifyBatchItems, ...batchParams],
    ),
    module(
      ops.createSchema,
      'action',
      {
        url: ops.createSchema.path,
        method: ops.createSchema.method,
        body: body(ops.createSchema),
        response: { output: sameNameOutput(ops.createSchema.outputFields, 'body') },
      },
      mappableParams(ops.createSchema),
      'create',
    ),
    module(
      ops.getSchema,
      'action',
      {
        url: schemaPath(ops.getSchema),
        method: ops.getSchema.method,
        response: { output: sameNameOutput(ops.getSchema.outputFields, 'body') },
      },
      mappableParams(ops.getSchema),
      'read',
    ),
    module(
      ops.listSchemas,
      'search',
      {
        url: ops.listSchemas.path,
        method: ops.listSchemas.method,
        qs: { limit: LIMITS.schemaListMaxLimit },
        pagination: cursorPagination(),
        response: {
          iterate: iml('body.data'),
          output: sameNameOutput(ops.listSchemas.outputFields, 'item'),
          limit: iml(`parameters.${f.limit.key}`),
        },
      },
      // Make's search modules stop at a limit; "return all" is a matter of a high limit there.
      mappableParams(ops.listSchemas, [f.returnAll]),
    ),
    module(
      ops.deleteSchema,
      'action',
      {
        url: schemaPath(ops.deleteSchema),
        method: ops.deleteSchema.method,
        response: { output: sameNameOutput(ops.deleteSchema.outputFields, 'body') },
      },
      mappableParams(ops.deleteSchema),
      'delete',
    ),
    universalModule(),
  ];
}

export function buildApp(): MakeApp {
  const modules = buildModules();
  const byResource = (resource: OperationSpec['resource']) =>
    Object.values(ops)
      .filter((op) => op.resource === resource)
      .map((op) => idFromLabel(op.label))
      .filter((id) => modules.some((m) => m.id === id));
  const universal = modules.filter((m) => m.moduleType === 'universal').map((m) => m.id);
  return {
    base: buildBase(),
    common: {},
    readme: readme(modules),
    groups: [
      { label: catalog.resources.classification.label, modules: byResource('classification') },
      { label: catalog.resources.schema.label, modules: byResource('schema') },
      { label: UNIVERSAL_GROUP_LABEL, modules: universal },
    ],
    connection: buildConnection(),
    rpcs: [buildSchemaRpc()],
    modules,
  };
}
