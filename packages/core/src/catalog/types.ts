import type { AssumptionKey } from '../generated/assumptions';
import type { paths } from '../generated/openapi';

/** The kinds of field every platform can render; each adapter maps them onto its own types. */
export type FieldType =
  | 'string' // one line of text
  | 'text' // long text (multi-line)
  | 'password'
  | 'url'
  | 'number'
  | 'boolean'
  | 'select' // one of `options`
  | 'stringList' // a list of short strings (category names)
  | 'schemaId' // a saved schema, picked from a list loaded from the API
  | 'collection'; // a list of objects with `children` fields (batch items, schema categories)

export interface FieldOption {
  value: string;
  label: string;
  help?: string;
}

export interface FieldSpec {
  /** The key adapters use for the field (camelCase; valid on n8n, Zapier and Make). */
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Plain-words help shown under the field. */
  help: string;
  default?: string | number | boolean;
  placeholder?: string;
  options?: readonly FieldOption[];
  min?: number;
  max?: number;
  /** Step for numbers: an adapter shows this many decimals. */
  precision?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  children?: readonly FieldSpec[];
  /** For lists: what one entry is called ("Category"), for "Add Category" buttons. */
  itemLabel?: string;
  /** Rarely changed: shown under "options"/"advanced" where the platform has such a place. */
  advanced?: boolean;
}

export type OutputType = 'string' | 'number' | 'boolean' | 'object' | 'array';

export interface OutputFieldSpec {
  key: string;
  label: string;
  type: OutputType;
  help: string;
  /** A string that is a point in time (ISO 8601), for platforms with a date type (Make's `date`). */
  format?: 'date-time';
  /** For arrays of objects: the fields of one element, so platforms can offer them for mapping. */
  children?: readonly FieldSpec[];
  /**
   * The assumption (docs/api/assumptions.md) the field rests on: the API may not send it, and the
   * platform shows `help`, which says so, where people build on the field (Zapier's Paths, Make).
   */
  needs?: AssumptionKey;
}

type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The methods the contract defines for a path (openapi-typescript spells the others `?: never`). */
type MethodsOf<P extends keyof paths> = {
  [M in HttpMethod]-?: [NonNullable<paths[P][M]>] extends [never] ? never : M;
}[HttpMethod];

/**
 * Every (path, method) pair of the OpenAPI document, as an operation names it: an operation whose
 * path or method the contract does not define does not compile.
 */
export type ContractEndpoint = {
  [P in keyof paths]: { path: P; method: Uppercase<MethodsOf<P>> };
}[keyof paths];

interface OperationFields {
  key: string;
  /** Which resource the operation belongs to (n8n groups by it). */
  resource: 'classification' | 'schema' | 'account';
  /** Imperative label: "Classify Text". */
  label: string;
  /** Short noun for the resource action, as n8n shows it in the operation list ("Classify"). */
  action: string;
  /** One sentence on what it does, for the step's description. */
  description: string;
  /**
   * The same in the third person ("Classifies …", "Creates …"): the voice of a step's description
   * where the platform's style guide asks for it (Zapier's action and search descriptions).
   */
  thirdPersonDescription: string;
  /** As a trigger reads it, where an operation is one ("Triggers when …", Zapier's check D021). */
  triggerDescription?: string;
  /** Is it safe to repeat (Zapier: search vs create; Make: action vs search)? */
  readOnly: boolean;
  /**
   * What a key that may not do this reads (a 403): the operation's own words, so that a read-only
   * key that only classified is not told it "cannot create, change or delete anything".
   */
  denied: string;
  fields: readonly FieldSpec[];
  outputFields: readonly OutputFieldSpec[];
  /** What the step outputs, before it has run; each operation's sample satisfies its output type. */
  sample: Readonly<Record<string, unknown>>;
}

export type OperationSpec = OperationFields & ContractEndpoint;
