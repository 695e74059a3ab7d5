// The OpenAPI document is the only schema: every request and response validator is compiled from it
// at startup, so a change to the contract changes the sandbox's checks with no second copy to edit.
import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

// Loose shapes of the parts of an OpenAPI 3.1 document this module reads.
type JsonSchema = Record<string, unknown>;
interface Parameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}
interface MediaTypes {
  [mediaType: string]: { schema?: JsonSchema };
}
interface Response {
  $ref?: string;
  headers?: Record<string, { $ref?: string; schema?: JsonSchema }>;
  content?: MediaTypes;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: MediaTypes };
  responses: Record<string, Response>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation | Parameter[]>>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, Response>;
    headers: Record<string, { schema?: JsonSchema }>;
  };
  [key: string]: unknown;
}

export function specPath(): string {
  return require.resolve('@classifaily/core/openapi.yaml');
}

export function loadSpec(file = specPath()): OpenApiDocument {
  return parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

const DOC_ID = 'classifaily-openapi';

interface CompiledResponse {
  /** Validates the body, for a JSON response; absent when the response has no content. */
  body?: ValidateFunction;
  contentType?: string;
  /** Header names the spec lists for this response, lowercased. */
  headers: string[];
}

export interface CompiledOperation {
  operationId: string;
  method: string;
  /** OpenAPI path, such as `/v1/schemas/{schema_id}`. */
  path: string;
  body?: ValidateFunction;
  bodyRequired: boolean;
  /** One validator per parameter location, over an object of that location's values. */
  params: Partial<Record<'path' | 'query' | 'header', ValidateFunction>>;
  /** The query parameters the operation defines. */
  queryNames: string[];
  /** Those of type integer: `limit=5` means 5, as OpenAPI's query serialization says. */
  queryIntegers: string[];
  responses: Record<string, CompiledResponse>;
}

export interface CompiledSpec {
  document: OpenApiDocument;
  operations: Record<string, CompiledOperation>;
  /** Validates a value against `#/components/schemas/<name>`. */
  schema(name: string): ValidateFunction;
}

function resolve<T extends { $ref?: string }>(doc: OpenApiDocument, value: T): T {
  if (!value.$ref) return value;
  const parts = value.$ref.replace(/^#\//, '').split('/');
  let node: unknown = doc;
  for (const part of parts) node = (node as Record<string, unknown>)[part];
  return resolve(doc, node as T);
}

// `$ref`s in the document are `#/components/...`; inside our wrapper schema they point at the
// wrapper's own `components`, so they resolve unchanged.
function ref(pointer: string): JsonSchema {
  return { $ref: `${DOC_ID}#${pointer}` };
}

function newAjv(): Ajv2020 {
  // No coercion, no defaults, no removal of unknown fields: the sandbox must see what the client
  // sent. Query values, which arrive as strings, are converted by the caller (queryIntegers).
  // `strict: false` because the document carries OpenAPI keywords (example, ...).
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
  });
  addFormats(ajv);
  return ajv;
}

export function compileSpec(document: OpenApiDocument = loadSpec()): CompiledSpec {
  const wrapper = { $id: DOC_ID, components: document.components };
  // One Ajv instance: adding the document costs a meta-schema check, worth paying once.
  const bodies = newAjv();
  bodies.addSchema(wrapper);

  const operations: Record<string, CompiledOperation> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    for (const [method, value] of Object.entries(item)) {
      if (method === 'parameters' || method.startsWith('x-')) continue; // source marks (decision 0035)
      const op = value as Operation;
      const all = [...shared, ...(op.parameters ?? [])].map((p) => resolve(document, p));
      const paramValidators: CompiledOperation['params'] = {};
      for (const location of ['path', 'query', 'header'] as const) {
        const list = all.filter((p) => p.in === location);
        if (list.length === 0) continue;
        const key = (p: Parameter) => (location === 'header' ? p.name.toLowerCase() : p.name);
        paramValidators[location] = lazy(() =>
          bodies.compile({
            type: 'object',
            properties: Object.fromEntries(list.map((p) => [key(p), inline(p.schema)])),
            required: list.filter((p) => p.required).map(key),
          }),
        );
      }
      const jsonBody = op.requestBody?.content['application/json']?.schema;
      const responses: Record<string, CompiledResponse> = {};
      for (const [status, raw] of Object.entries(op.responses)) {
        const response = resolve(document, raw);
        const [contentType, media] = Object.entries(response.content ?? {})[0] ?? [];
        responses[status] = {
          contentType,
          body: media?.schema ? lazy(() => bodies.compile(inline(media.schema!))) : undefined,
          headers: Object.keys(response.headers ?? {}).map((h) => h.toLowerCase()),
        };
      }
      operations[op.operationId] = {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        body: jsonBody ? lazy(() => bodies.compile(inline(jsonBody))) : undefined,
        bodyRequired: Boolean(op.requestBody?.required),
        params: paramValidators,
        queryNames: all.filter((p) => p.in === 'query').map((p) => p.name),
        queryIntegers: all
          .filter((p) => p.in === 'query' && p.schema.type === 'integer')
          .map((p) => p.name),
        responses,
      };
    }
  }

  const named = new Map<string, ValidateFunction>();
  return {
    document,
    operations,
    schema(name) {
      let fn = named.get(name);
      if (!fn) {
        fn = bodies.compile(ref(`/components/schemas/${name}`));
        named.set(name, fn);
      }
      return fn;
    },
  };
}

// Compiling every validator up front costs most of a second; each is compiled on first use instead,
// so the sandbox starts fast and a request pays for its own operation once.
function lazy(make: () => ValidateFunction): ValidateFunction {
  let compiled: ValidateFunction | undefined;
  const validate = ((data: unknown) => {
    compiled ??= make();
    const ok = compiled(data);
    validate.errors = compiled.errors;
    return ok;
  }) as ValidateFunction;
  return validate;
}

// A schema taken out of the document: its top-level `$ref` re-pointed into the wrapper. Nested
// `$ref`s are rewritten too, since a compiled schema has its own base URI.
function inline(schema: JsonSchema): JsonSchema {
  return JSON.parse(
    JSON.stringify(schema, (key, value) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${DOC_ID}${value}`
        : value,
    ),
  ) as JsonSchema;
}

export type { ErrorObject };
