// Core's field specs as Make parameters (what a module takes) and interface fields (what it gives).
import { catalog, type FieldSpec, type OutputFieldSpec } from '@classifaily/core';

/** A Make parameter or interface field; Make's schema `parameters.json` is the judge of the files. */
export interface MakeParameter {
  name: string;
  type: string;
  label?: string;
  help?: string;
  required?: boolean;
  default?: unknown;
  advanced?: boolean;
  multiline?: boolean;
  /** An option list, or `rpc://<rpcId>` to load it from an RPC. */
  options?: { label: string; value: unknown; nested?: MakeParameter[] }[] | string;
  editable?: boolean;
  mode?: 'edit';
  /** For `array`: one element; for `collection`: its fields. */
  spec?: Partial<MakeParameter> | MakeParameter[];
  validate?: { min?: number; max?: number; minItems?: number; maxItems?: number; pattern?: string };
}

const MAKE_TYPE: Record<FieldSpec['type'] | OutputFieldSpec['type'], string> = {
  string: 'text',
  text: 'text',
  password: 'password',
  url: 'url',
  number: 'number',
  boolean: 'boolean',
  select: 'select',
  schemaId: 'select',
  stringList: 'array',
  collection: 'array',
  object: 'collection',
  array: 'array',
};

/** `schemaRpc`: the RPC (`rpc://<id>`) that lists saved schemas, for schema pickers. */
export function toMakeParameter(field: FieldSpec, schemaRpc: string): MakeParameter {
  const { key: name, label, help, required } = field;
  const param: MakeParameter = { name, label, type: MAKE_TYPE[field.type], help, required };
  if (field.default !== undefined) param.default = field.default;
  if (field.advanced) param.advanced = true;
  if (field.type === 'text') param.multiline = true;
  if (field.options) param.options = field.options.map((o) => ({ label: o.label, value: o.value }));
  if (field.type === 'schemaId') {
    // A dropdown loaded from the API that also takes a mapped or typed id. The schema a step acts
    // on (Get, Delete) usually comes mapped from an earlier module: that picker starts in map mode.
    Object.assign(param, { options: schemaRpc, editable: true });
    if (field === catalog.fields.schemaId) param.mode = 'edit';
  }
  if (field.type === 'stringList') {
    const length = field.maxLength === undefined ? {} : { validate: { max: field.maxLength } };
    param.spec = { type: 'text', label, ...length };
  }
  if (field.type === 'collection') {
    const spec = (field.children ?? []).map((child) => toMakeParameter(child, schemaRpc));
    param.spec = { type: 'collection', label: field.itemLabel ?? label, spec };
  }
  const validate = {
    minItems: field.minItems,
    maxItems: field.maxItems,
    ...(field.type === 'number' ? { min: field.min, max: field.max } : {}),
    ...(field.type !== 'stringList' && field.maxLength !== undefined
      ? { max: field.maxLength }
      : {}),
  };
  if (Object.values(validate).some((v) => v !== undefined)) param.validate = validate;
  return param;
}

/** An output field as Make shows it for mapping: dates as `date`, arrays with their element. */
export function toInterfaceField(field: OutputFieldSpec): MakeParameter {
  const type = field.format === 'date-time' ? 'date' : MAKE_TYPE[field.type];
  const out: MakeParameter = { name: field.key, label: field.label, type };
  // A field the API may not send says so where people build on it (Router filters, mapping).
  if (field.needs) out.help = field.help;
  if (field.children) {
    const spec = field.children.map((c) => ({
      name: c.key,
      label: c.label,
      type: MAKE_TYPE[c.type],
    }));
    out.spec = { type: 'collection', spec };
  }
  return out;
}
