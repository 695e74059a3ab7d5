// Maps core's field specs onto Make parameters: one function per direction, no labels of its own.
import type { FieldSpec, OutputFieldSpec } from '@classifaily/core';
import type { MakeInterfaceField, MakeParameter, MakeParameterType } from '../make-format';

/** Option lists loaded from an RPC are written `rpc://<id>`. */
export const rpcOptions = (rpcId: string) => `rpc://${rpcId}`;

export interface ParamContext {
  /** The RPC that lists saved schemas, for `schemaId` fields. */
  schemaRpcId: string;
}

export function toMakeParameter(field: FieldSpec, ctx: ParamContext): MakeParameter {
  const param: MakeParameter = {
    name: field.key,
    label: field.label,
    type: makeType(field),
    help: field.help,
    required: field.required,
  };
  if (field.default !== undefined) param.default = field.default;
  if (field.advanced) param.advanced = true;
  if (field.type === 'text') param.multiline = true;
  if (field.options) param.options = field.options.map((o) => ({ label: o.label, value: o.value }));
  if (field.type === 'schemaId') {
    // A dropdown loaded from the API that also takes a mapped or typed id.
    param.options = rpcOptions(ctx.schemaRpcId);
    param.editable = true;
  }
  if (field.type === 'stringList') {
    param.spec = { type: 'text', label: field.label, ...lengthRule(field) };
  }
  if (field.type === 'collection') {
    param.spec = {
      type: 'collection',
      label: field.label,
      spec: (field.children ?? []).map((child) => toMakeParameter(child, ctx)),
    };
  }
  const validate = { ...itemsRule(field), ...rangeRule(field) };
  if (field.type !== 'stringList' && field.maxLength !== undefined) validate.max = field.maxLength;
  if (Object.keys(validate).length > 0) param.validate = validate;
  return param;
}

function makeType(field: FieldSpec): MakeParameterType {
  switch (field.type) {
    case 'string':
    case 'text':
      return 'text';
    case 'password':
      return 'password';
    case 'url':
      return 'url';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'select':
    case 'schemaId':
      return 'select';
    case 'stringList':
    case 'collection':
      return 'array';
  }
}

function lengthRule(field: FieldSpec) {
  return field.maxLength === undefined ? {} : { validate: { max: field.maxLength } };
}

function itemsRule(field: FieldSpec) {
  const rule: { minItems?: number; maxItems?: number } = {};
  if (field.minItems !== undefined) rule.minItems = field.minItems;
  if (field.maxItems !== undefined) rule.maxItems = field.maxItems;
  return rule;
}

function rangeRule(field: FieldSpec) {
  const rule: { min?: number; max?: number } = {};
  if (field.type !== 'number') return rule;
  if (field.min !== undefined) rule.min = field.min;
  if (field.max !== undefined) rule.max = field.max;
  return rule;
}

export function toInterfaceField(field: OutputFieldSpec): MakeInterfaceField {
  const type: MakeParameterType = {
    string: 'text',
    number: 'number',
    boolean: 'boolean',
    object: 'collection',
    array: 'array',
  }[field.type] as MakeParameterType;
  return { name: field.key, label: field.label, type };
}
