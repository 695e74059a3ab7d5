/* eslint-disable @typescript-eslint/no-explicit-any -- walks the untyped OpenAPI YAML */
// Every `{{body.…}}` and `{{item.…}}` the app reads exists in the OpenAPI contract's response for
// that request (errors: the Problem schema); every body key and query key it sends exists in the
// contract's request. And every label, help, limit, default and sample is core's catalog's.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  baseUrlPattern,
  catalog,
  positionOf,
  LIMITS,
  type FieldSpec,
  type OperationSpec,
} from '@classifaily/core';
import type { MakeParameter, MakeRequest } from './emulator/make-format';
import { MAX_BATCH_ITEMS } from '../src/app/batch';
import { DEFAULT_APP_DIR } from '../src/generate';
import { allParameters, readApp } from './emulator';
import { expressionsOf, referencedPaths } from './emulator/iml';

type Schema = Record<string, unknown> & {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
};
const spec = parse(readFileSync(require.resolve('@classifaily/core/openapi.yaml'), 'utf8'));
const deref = (s: Schema): Schema =>
  s.$ref
    ? deref(
        s.$ref
          .split('/')
          .slice(1)
          .reduce((o: Schema, k) => o[k] as Schema, spec),
      )
    : s;

function schemaAt(schema: Schema, parts: string[]): Schema | undefined {
  let s: Schema | undefined = deref(schema);
  for (const part of parts) {
    if (!s) return undefined;
    if (/^\[-?\d+\]$/.test(part)) s = s.items && deref(s.items);
    else if (s.properties?.[part]) s = deref(s.properties[part]!);
    else if (s.additionalProperties && typeof s.additionalProperties === 'object')
      s = deref(s.additionalProperties);
    else return undefined;
  }
  return s;
}

/** The contract's operation for a request: its path template matched against the rendered URL. */
function operationFor(request: MakeRequest) {
  const url = request.url.replace(/^\{\{ifempty\([^}]*\)\}\}/, '');
  for (const [path, item] of Object.entries<Record<string, unknown>>(spec.paths)) {
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '\\{\\{[^}]+\\}\\}')}$`);
    const op = item[request.method.toLowerCase()] as Record<string, any> | undefined;
    if (pattern.test(url) && op) return { path, op };
  }
  throw new Error(`No operation in the contract for ${request.method} ${request.url}`);
}

const app = readApp(DEFAULT_APP_DIR);
const requests: [string, MakeRequest][] = [
  [`connection ${app.connection.id}`, app.connection.communication],
  ...app.rpcs.map((r): [string, MakeRequest] => [`rpc ${r.id}`, r.communication]),
  ...app.modules
    .filter((m) => m.moduleType !== 'universal')
    .map((m): [string, MakeRequest] => [`module ${m.id}`, m.communication]),
];

function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe.each(requests)('%s reads and sends only what the contract has', (_name, request) => {
  const { op } = operationFor(request);
  const ok = Object.entries<any>(op.responses).find(([status]) => status.startsWith('2'))![1];
  const responseSchema = ok.content['application/json'].schema as Schema;
  const problem = spec.components.schemas.Problem as Schema;

  it('every body.x / item.x exists in the response schema', () => {
    const iterate = request.response?.iterate;
    const itemSchema = iterate
      ? schemaAt(responseSchema, referencedPaths(expressionsOf(iterate)[0]!)[0]!.slice(1))?.items
      : undefined;
    const missing: string[] = [];
    for (const [where, text] of strings({
      response: request.response,
      pagination: request.pagination,
    })) {
      const inError = where.startsWith('.response.error');
      for (const src of expressionsOf(text)) {
        for (const [root, ...rest] of referencedPaths(src)) {
          if (root === 'body' && !schemaAt(inError ? problem : responseSchema, rest))
            missing.push(`${where}: body.${rest.join('.')}`);
          if (root === 'item' && !(itemSchema && schemaAt(itemSchema, rest)))
            missing.push(`${where}: item.${rest.join('.')}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every body key and query key is in the request', () => {
    if (request.body) {
      const bodySchema = deref(op.requestBody.content['application/json'].schema);
      expect(
        Object.keys(request.body as object).filter((k) => !bodySchema.properties?.[k]),
      ).toEqual([]);
    }
    const queryNames = (op.parameters ?? [])
      .map((p: Schema) => deref(p))
      .filter((p: any) => p.in === 'query')
      .map((p: any) => p.name);
    const qs = { ...(request.qs as object), ...(request.pagination?.qs ?? {}) };
    expect(Object.keys(qs).filter((k) => !queryNames.includes(k))).toEqual([]);
  });
});

it("the base's error directive and response.temp read only the contract's Problem", () => {
  const problem = spec.components.schemas.Problem as Schema;
  const missing = strings(app.base.response).flatMap(([where, text]) =>
    expressionsOf(text).flatMap((src) =>
      referencedPaths(src)
        .filter(([root, ...rest]) => root === 'body' && !schemaAt(problem, rest))
        .map((path) => `${where}: ${path.join('.')}`),
    ),
  );
  expect(missing).toEqual([]);
  expect(JSON.stringify(app.base.response)).toContain('body.errors[1].field');
});

describe('everything user-facing comes from the catalog', () => {
  const catalogFields: FieldSpec[] = [];
  const visit = (f: FieldSpec) => {
    catalogFields.push(f);
    f.children?.forEach(visit);
  };
  Object.values(catalog.fields).forEach((f) => visit(f as FieldSpec));

  const universal = app.modules.find((m) => m.moduleType === 'universal')!;
  const params: MakeParameter[] = [
    ...app.connection.params,
    ...app.modules
      .filter((m) => m !== universal)
      .flatMap((m) => allParameters([...m.staticParams, ...m.mappableParams]) as MakeParameter[]),
  ].filter((p) => p.name);

  /** Help texts the Make app says in its own words (decision 0405) or in the hosted variant. */
  const helpOf = (p: MakeParameter) =>
    p.name === catalog.fields.baseUrl.key && p.help === catalog.credential.hostedBaseUrlHelp
      ? catalog.fields.baseUrl.help
      : p.name === catalog.fields.items.key && p.label === catalog.fields.items.label
        ? catalog.fields.items.help
        : p.help;

  it.each(params.map((p) => [`${p.name} (${p.label})`, p]))(
    '%s: label, help, default and limits',
    (_n, p) => {
      const field = catalogFields.find(
        (f) => f.key === p.name && f.label === p.label && f.help === helpOf(p),
      );
      expect(field).toBeDefined();
      expect(p.required).toBe(field!.required);
      expect(p.default).toBe(field!.default);
      if (field!.maxItems !== undefined) expect(p.validate?.maxItems).toBe(field!.maxItems);
      if (field!.type === 'number')
        expect([p.validate?.min, p.validate?.max]).toEqual([field!.min, field!.max]);
      if (field!.key === catalog.fields.baseUrl.key)
        expect(p.validate?.pattern).toBe(baseUrlPattern({ allowLocalHttp: false }));
    },
  );

  it('module labels, descriptions and samples are the operations’', () => {
    const operations: readonly OperationSpec[] = Object.values(catalog.operations);
    for (const op of operations) {
      const m = app.modules.find((x) => x.label === op.label);
      if (!m) continue;
      expect(m.description).toBe(op.description);
      // Positions count from 1 where people see them (core's positionOf); the API's index from 0.
      for (const [k, v] of Object.entries(m.samples))
        expect(v).toEqual(k === 'index' ? positionOf(Number(op.sample[k])) : op.sample[k]);
      expect(m.interface.map((i) => i.label)).toEqual(op.outputFields.map((f) => f.label));
    }
  });

  it('Classify Batch takes any list up to its limit, in chunks of 25 (core’s words), and says so', () => {
    const batch = app.modules.find((m) => m.id === 'classifyBatch')!;
    const items = batch.mappableParams.find((p) => p.name === catalog.fields.items.key)!;
    expect(items.validate?.maxItems).toBe(MAX_BATCH_ITEMS);
    expect(items.help).toBe(`${catalog.fields.items.help} Up to 1,000 in one bundle.`);
    expect(items.help).toContain(`sent ${LIMITS.batchMaxItems} per request`);
    expect(batch.description).toBe(catalog.operations.classifyBatch.description);
  });

  it('samples use the ids the API gives (cls_…, sch_…)', () => {
    for (const m of app.modules)
      if (typeof m.samples.id === 'string') expect(m.samples.id).toMatch(/^(cls|sch)_/);
  });

  it('the connection is core’s credential label, with no account metadata (no /v1/me)', () => {
    expect(app.connection.label).toBe(catalog.credential.label);
    expect(app.connection.communication.response?.metadata).toBeUndefined();
  });
});
