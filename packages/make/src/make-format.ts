// Our own TypeScript types for the subset of Make's custom-app format that this generator emits.
// Written from Make's documentation and the JSON schemas of the Make Apps Editor for VS Code
// (integromat/vscode-apps-sdk, syntaxes/imljson/schemas); src/make-format.schema.json says the same
// in JSON Schema, and test/format.test.ts checks every generated file against both.

/** Every parameter type Make knows (parameters.json). Nothing else may appear in `type`. */
export const MAKE_PARAMETER_TYPES = [
  'any',
  'array',
  'boolean',
  'buffer',
  'cert',
  'collection',
  'color',
  'date',
  'email',
  'filename',
  'folder',
  'file',
  'filter',
  'hidden',
  'json',
  'integer',
  'uinteger',
  'number',
  'password',
  'path',
  'pkey',
  'port',
  'select',
  'text',
  'time',
  'timestamp',
  'timezone',
  'url',
  'uuid',
  'banner',
  'udt',
] as const;
export type MakeParameterType = (typeof MAKE_PARAMETER_TYPES)[number];

/** Make's error types (enums.json `error-type`). */
export const MAKE_ERROR_TYPES = [
  'RuntimeError',
  'DataError',
  'RateLimitError',
  'OutOfSpaceError',
  'ConnectionError',
  'InvalidConfigurationError',
  'InvalidAccessTokenError',
  'IncompleteDataError',
  'DuplicateDataError',
] as const;
export type MakeErrorType = (typeof MAKE_ERROR_TYPES)[number];

/** Component id rules of Make (vscode-apps-sdk `validate-id.ts`). */
export const MAKE_ID_PATTERNS = {
  module: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/,
  rpc: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/,
  connection: /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/,
  app: /^[a-z][0-9a-z-]{1,28}[0-9a-z]$/,
} as const;

/** Parameter names Make uses itself on a connection; a parameter so named mirrors Make's value. */
export const MAKE_RESERVED_CONNECTION_PARAMETERS = ['accountName', 'teamID'] as const;

export interface MakeOption {
  label: string;
  value: string | number | boolean;
  nested?: MakeParameter[];
}

export interface MakeValidate {
  min?: number;
  max?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

export interface MakeParameter {
  name: string;
  label?: string;
  type: MakeParameterType;
  help?: string;
  required?: boolean;
  default?: string | number | boolean;
  advanced?: boolean;
  multiline?: boolean;
  /** An option list, or `rpc://<rpcId>` to load it from an RPC. */
  options?: MakeOption[] | string;
  /** For `array`: the shape of one element; for `collection`: its fields. */
  spec?: MakeParameter | Omit<MakeParameter, 'name'> | MakeParameter[];
  validate?: MakeValidate;
  editable?: boolean;
}

/** An interface (output) field: the same shape as a parameter, without input-only keys. */
export interface MakeInterfaceField {
  name: string;
  label: string;
  type: MakeParameterType;
  spec?: MakeInterfaceField[];
}

export interface MakeErrorSpec {
  message: string;
  type?: MakeErrorType;
}

/** `response.error`: a default message and type, plus one entry per HTTP status ("401": {...}). */
export type MakeErrorDirective = MakeErrorSpec & { [status: string]: MakeErrorSpec | string };

export interface MakeResponse {
  output?: unknown;
  iterate?: string;
  limit?: string | number;
  error?: MakeErrorDirective;
  metadata?: { type: 'text' | 'email'; value: string };
}

export interface MakePagination {
  qs?: Record<string, string>;
  condition?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request in a module's, an RPC's or a connection's communication. */
export interface MakeRequest {
  url: string;
  method: HttpMethod | string;
  headers?: Record<string, string> | string;
  qs?: Record<string, string | number> | string;
  body?: unknown;
  type?: 'json';
  pagination?: MakePagination;
  response?: MakeResponse;
  log?: { sanitize: string[] };
}

/** general/base.iml.json: what every module's and RPC's request inherits. */
export interface MakeBase {
  baseUrl: string;
  headers: Record<string, string>;
  timeout: number;
  response: { error: MakeErrorDirective };
  log: { sanitize: string[] };
}

export interface MakeGroup {
  label: string;
  modules: string[];
}

export type ModuleType = 'action' | 'search' | 'universal';
export type ActionCrud = 'create' | 'read' | 'update' | 'delete';

export interface MakeConnection {
  id: string;
  label: string;
  communication: MakeRequest;
  params: MakeParameter[];
}

export interface MakeRpc {
  id: string;
  label: string;
  communication: MakeRequest;
  params: MakeParameter[];
}

export interface MakeModule {
  id: string;
  label: string;
  description: string;
  moduleType: ModuleType;
  crud?: ActionCrud;
  communication: MakeRequest;
  staticParams: MakeParameter[];
  mappableParams: MakeParameter[];
  interface: MakeInterfaceField[];
  samples: Record<string, unknown>;
}

/** The whole app, in memory, before it is laid out as files. */
export interface MakeApp {
  base: MakeBase;
  common: Record<string, never>;
  readme: string;
  groups: MakeGroup[];
  connection: MakeConnection;
  rpcs: MakeRpc[];
  modules: MakeModule[];
}

/** makecomapp.json, as the Make Apps Editor for VS Code reads it (fileVersion 1). */
export interface MakecomappJson {
  fileVersion: 1;
  generalCodeFiles: { base: string; common: string | null; readme: string; groups: string };
  components: {
    connection: Record<string, ComponentMetadata>;
    webhook: Record<string, ComponentMetadata>;
    module: Record<string, ComponentMetadata>;
    rpc: Record<string, ComponentMetadata>;
    function: Record<string, ComponentMetadata>;
  };
  origins: unknown[];
}

export interface ComponentMetadata {
  label: string;
  description?: string;
  connectionType?: 'basic';
  moduleType?: ModuleType;
  actionCrud?: ActionCrud;
  connection?: string | null;
  altConnection?: string | null;
  codeFiles: Record<string, string | null>;
}
