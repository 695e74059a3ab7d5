// TypeScript shapes of the parts of Make's custom-app format that the generator writes. They keep the
// generator honest while it builds the files; the judge of the files is Make's own JSON schemas
// (those of the Make Apps Editor for VS Code), which `check` and the tests apply.

export type MakeErrorType =
  | 'RuntimeError'
  | 'DataError'
  | 'RateLimitError'
  | 'ConnectionError'
  | 'InvalidConfigurationError'
  | 'InvalidAccessTokenError';

export interface MakeOption {
  label: string;
  value: string | number | boolean;
  nested?: MakeParameter[];
}

/** A parameter, an interface (output) field, or the element of an array (no name). */
export interface MakeParameter {
  name: string;
  label?: string;
  type: string;
  help?: string;
  required?: boolean;
  default?: unknown;
  advanced?: boolean;
  multiline?: boolean;
  /** An option list, or `rpc://<rpcId>` to load it from an RPC. */
  options?: MakeOption[] | string;
  editable?: boolean;
  /** With `editable`: start in "map" (edit) mode rather than in the dropdown. */
  mode?: 'edit' | 'choose';
  /** For `array`: the shape of one element; for `collection`: its fields. */
  spec?: Partial<MakeParameter> | MakeParameter[];
  validate?: { min?: number; max?: number; minItems?: number; maxItems?: number; pattern?: string };
}

export interface MakeErrorSpec {
  message: string;
  type?: MakeErrorType;
}

/** `response.error`: a default message and type, plus one entry per HTTP status ("401": {...}). */
export type MakeErrorDirective = MakeErrorSpec & { [status: string]: MakeErrorSpec | string };

/** One request of a module's, an RPC's or a connection's communication. */
export interface MakeRequest {
  url: string;
  method: string;
  headers?: Record<string, string>;
  qs?: Record<string, string | number>;
  body?: unknown;
  type?: 'json' | 'text';
  pagination?: { qs?: Record<string, string>; condition?: string };
  response?: {
    output?: unknown;
    iterate?: string;
    limit?: string | number;
    error?: MakeErrorDirective;
    metadata?: { type: 'text'; value: string };
  };
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

/** A connection or an RPC: a request and its parameters. */
export interface MakeComponent {
  id: string;
  label: string;
  communication: MakeRequest;
  params: MakeParameter[];
}

export type ModuleType = 'action' | 'search' | 'universal';

export interface MakeModule {
  id: string;
  label: string;
  description: string;
  moduleType: ModuleType;
  crud?: 'create' | 'read' | 'update' | 'delete';
  communication: MakeRequest;
  staticParams: MakeParameter[];
  mappableParams: MakeParameter[];
  interface: MakeParameter[];
  samples: Record<string, unknown>;
}

/** The whole app, in memory, before it is laid out as files. */
export interface MakeApp {
  base: MakeBase;
  readme: string;
  groups: { label: string; modules: string[] }[];
  connection: MakeComponent;
  rpcs: MakeComponent[];
  modules: MakeModule[];
}

/** Where the Make Apps Editor deploys the folder to (makecomapp.json `origins`). */
export interface MakeOrigin {
  label?: string;
  baseUrl: string;
  appId: string;
  appVersion: number;
  apikeyFile: string;
  idMapping?: unknown;
}

export interface ComponentMetadata {
  label?: string;
  description?: string;
  connectionType?: 'basic';
  moduleType?: ModuleType;
  actionCrud?: MakeModule['crud'];
  connection?: string | null;
  altConnection?: string | null;
  codeFiles: Record<string, string | null>;
}

/** makecomapp.json, as the Make Apps Editor reads it (fileVersion 1). */
export interface MakecomappJson {
  fileVersion: 1;
  generalCodeFiles: Record<'base' | 'common' | 'readme' | 'groups', string | null>;
  components: Record<string, Record<string, ComponentMetadata>>;
  origins: MakeOrigin[];
}
