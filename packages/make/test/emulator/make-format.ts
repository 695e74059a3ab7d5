// TypeScript shapes of the Make custom-app format as the emulator and the tests read it back from
// an app folder. The product writes the files without them; the judge of the files is Make's own JSON
// schemas (those of the Make Apps Editor for VS Code), which `check` and the tests apply.

import type { MakeParameter } from '../../src/app/params';

export type MakeErrorType =
  | 'RuntimeError'
  | 'DataError'
  | 'RateLimitError'
  | 'ConnectionError'
  | 'InvalidConfigurationError'
  | 'InvalidAccessTokenError'
  | 'ModuleTimeoutError';

export type { MakeParameter };

export interface MakeErrorSpec {
  message: string;
  /** A Make error type, or IML that gives one. */
  type?: MakeErrorType | string;
}

/** `response.error`: a default message and type, plus one entry per HTTP status ("401": {...}). */
export type MakeErrorDirective = MakeErrorSpec & { [status: string]: MakeErrorSpec | string };

/** One request of a module's, an RPC's or a connection's communication. */
export interface MakeRequest {
  url: string;
  encodeUrl?: boolean;
  method: string;
  headers?: Record<string, string>;
  qs?: Record<string, string | number>;
  body?: unknown;
  type?: 'json' | 'text';
  pagination?: {
    mergeWithParent?: boolean;
    url?: string;
    method?: string;
    headers?: Record<string, string>;
    qs?: Record<string, string>;
    body?: unknown;
    condition?: string;
  };
  response?: {
    output?: unknown;
    iterate?: string;
    limit?: string | number;
    temp?: Record<string, unknown>;
    error?: MakeErrorDirective;
    valid?: string | boolean | { condition: string; message?: string; type?: string };
    metadata?: { type: 'text'; value: string };
  };
  log?: { sanitize: string[] };
}

/** general/base.iml.json: what every module's and RPC's request inherits. */
export interface MakeBase {
  baseUrl: string;
  headers: Record<string, string>;
  timeout: number;
  response: { temp: Record<string, string>; error: MakeErrorDirective };
  log: { sanitize: string[] };
}

/** A connection or an RPC: a request and its parameters. */
export interface MakeComponent {
  id: string;
  label: string;
  communication: MakeRequest;
  params: MakeParameter[];
}

type ModuleType = 'action' | 'search' | 'universal';

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
  common: Record<string, unknown>;
  readme: string;
  groups: { label: string; modules: string[] }[];
  connection: MakeComponent;
  rpcs: MakeComponent[];
  modules: MakeModule[];
}

/** Where the Make Apps Editor deploys the folder to (makecomapp.json `origins`). */
interface MakeOrigin {
  label?: string;
  baseUrl: string;
  appId: string;
  appVersion: number;
  apikeyFile: string;
  idMapping?: unknown;
}

interface ComponentMetadata {
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
