// Core's catalog on Zapier's field model: every label, help text, default, placeholder and choice
// of the app's input and output fields comes from @classifaily/core's FieldSpec / OutputFieldSpec.
// Nothing here is written twice; only Zapier's own shape (types, line items, `dynamic`) is added.
import type { FieldSpec, OutputFieldSpec } from '@classifaily/core';

/** The subset of Zapier's PlainInputField this app uses. */
export interface ZapierInputField {
  key: string;
  label?: string;
  helpText?: string;
  type?: 'string' | 'text' | 'number' | 'boolean' | 'password';
  required?: boolean;
  default?: string;
  placeholder?: string;
  list?: boolean;
  choices?: { value: string; label: string; sample: string }[];
  dynamic?: string;
  /** A search that can fill the field (`findSchema.id`). */
  search?: string;
  altersDynamicFields?: boolean;
  children?: ZapierInputField[];
}

/** The subset of Zapier's PlainOutputField this app uses. */
export interface ZapierOutputField {
  key: string;
  label?: string;
  type?: 'string' | 'number' | 'boolean';
}

/** Zapier's help texts are Markdown, at most 1,000 characters. */
const helpText = (spec: { help: string }) => spec.help.slice(0, 1000);

/** The hidden trigger that feeds the schema dropdown: `<trigger key>.<value>.<label>`. */
export const SCHEMA_DROPDOWN = 'listSchemas.id.name';

export function toInputField(
  spec: FieldSpec,
  overrides: Partial<ZapierInputField> = {},
): ZapierInputField {
  // A line-item group: Zapier allows no type, help text or default beside `children`.
  if (spec.type === 'collection') {
    return {
      key: spec.key,
      label: spec.label,
      required: spec.required,
      children: (spec.children ?? []).map((child) => toInputField(child)),
      ...overrides,
    };
  }
  const field: ZapierInputField = {
    key: spec.key,
    label: spec.label,
    helpText: helpText(spec),
    required: spec.required,
    type: 'string',
  };
  switch (spec.type) {
    case 'text':
    case 'password':
    case 'number':
    case 'boolean':
      field.type = spec.type;
      break;
    case 'stringList':
      field.list = true;
      break;
    case 'select':
      field.choices = (spec.options ?? []).map((o) => ({
        value: o.value,
        label: o.label,
        sample: o.value,
      }));
      break;
    case 'schemaId':
      field.dynamic = SCHEMA_DROPDOWN;
      break;
    default: // string, url
      break;
  }
  if (spec.default !== undefined && spec.default !== '') field.default = String(spec.default);
  if (spec.placeholder) field.placeholder = spec.placeholder;
  return { ...field, ...overrides };
}

/**
 * Output fields: scalars as they are; an `object` (scores) is left to `extra` (its keys depend on
 * the categories); an `array` becomes line items when its child fields are given.
 */
export function toOutputFields(
  specs: readonly OutputFieldSpec[],
  options: { prefix?: string; arrays?: Record<string, readonly FieldSpec[]> } = {},
): ZapierOutputField[] {
  const prefix = options.prefix ?? '';
  return specs.flatMap((spec): ZapierOutputField[] => {
    if (spec.type === 'object') return [];
    if (spec.type === 'array') {
      const children = options.arrays?.[spec.key] ?? [];
      return children.map((child) => ({
        key: `${prefix}${spec.key}[]${child.key}`,
        label: `${spec.label}: ${child.label}`,
        type: 'string',
      }));
    }
    return [{ key: `${prefix}${spec.key}`, label: spec.label, type: spec.type }];
  });
}

/** The Zapier field key of one category's score: Filters and Paths can test it directly. */
export const scoreKey = (category: string) => `scores__${category}`;

/** One output field per category score, labelled with the catalog's label for `scores`. */
export function scoreOutputFields(
  categories: readonly string[],
  scores: OutputFieldSpec,
  prefix = '',
): ZapierOutputField[] {
  return categories.map((category) => ({
    key: `${prefix}${scoreKey(category)}`,
    label: `${scores.label}: ${category}`,
    type: 'number',
  }));
}

/** The Zapier noun of an operation's resource ("schema" → "Schema"). */
export const nounOf = (resource: string) => resource.charAt(0).toUpperCase() + resource.slice(1);
