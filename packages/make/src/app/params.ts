// Maps core's field specs onto Make parameters: one function per direction, no labels of its own.
import { catalog, type FieldSpec, type OutputFieldSpec } from '@classifaily/core';
import type { MakeParameter } from '../make-format';

const MAKE_TYPE: Record<FieldSpec['type'], string> = {
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
};

/** `schemaRpc`: the RPC (`rpc://<id>`) that lists saved schemas, for schema pickers. */
export function toMakeParameter(field: FieldSpec, schemaRpc: string): MakeParameter {
  const param: MakeParameter = {
    name: field.key,
    label: field.label,
    type: MAKE_TYPE[field.type],
    help: field.help,
    required: field.required,
  };
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
    param.spec = { type: 'text', label: field.label, ...length };
  }
  if (field.type === 'collection') {
    const spec = (field.children ?? []).map((child) => toMakeParameter(child, schemaRpc));
    param.spec = { type: 'collection', label: field.itemLabel ?? field.label, spec };
  }
  const validate = {
    ...(field.minItems === undefined ? {} : { minItems: field.minItems }),
    ...(field.maxItems === undefined ? {} : { maxItems: field.maxItems }),
    ...(field.type === 'number' ? { min: field.min, max: field.max } : {}),
    ...(field.type !== 'stringList' && field.maxLength !== undefined
      ? { max: field.maxLength }
      : {}),
  };
  if (Object.values(validate).some((v) => v !== undefined)) param.validate = validate;
  return param;
}

const INTERFACE_TYPE: Record<OutputFieldSpec['type'], string> = {
  string: 'text',
  number: 'number',
  boolean: 'boolean',
  object: 'collection',
  array: 'array',
};

/** An output field as Make shows it for mapping: dates as `date`, arrays with their element. */
export function toInterfaceField(field: OutputFieldSpec): MakeParameter {
  const type = field.format === 'date-time' ? 'date' : INTERFACE_TYPE[field.type];
  const out: MakeParameter = { name: field.key, label: field.label, type };
  if (field.children) {
    const spec = field.children.map((child) => ({
      name: child.key,
      label: child.label,
      type: MAKE_TYPE[child.type],
    }));
    out.spec = { type: 'collection', spec };
  }
  return out;
}
