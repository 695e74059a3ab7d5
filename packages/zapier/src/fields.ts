// Core's catalog on Zapier's field model (zapier-platform-core's own PlainInputField and
// PlainOutputField): every label, help text, default, placeholder and choice comes from
// @classifaily/core's FieldSpec / OutputFieldSpec. Only Zapier's own shape is added here (types,
// line items, `dynamic`, `primary`, safe score keys).
import { type FieldSpec, type OperationSpec, type OutputFieldSpec } from '@classifaily/core';
import type { PlainInputField, PlainOutputField } from 'zapier-platform-core';

/**
 * A catalog help text as Zapier's: Markdown, at most 1,000 characters, every bare URL a Markdown
 * link (Zapier's check D008), "(https://…)" shown as "([app.classifaily.com/…](https://…))".
 */
export const zapierHelp = (help: string) =>
  help
    // A URL not already a link's target; a full stop or comma after it ends the sentence, not the URL.
    .replace(
      /(?<!\]\()\bhttps?:\/\/[^\s)]*[^\s).,;:]/g,
      (url) => `[${url.replace(/^https?:\/\//, '')}](${url})`,
    )
    .slice(0, 1000);
const helpText = (spec: { help: string }) => zapierHelp(spec.help);

/** The hidden trigger that feeds the schema dropdown: `<trigger key>.<value>.<label>`. */
export const SCHEMA_DROPDOWN = 'listSchemas.id.name';

/** Catalog field types that Zapier has under the same name; the others are text (`string`). */
const ZAPIER_TYPE: Partial<Record<FieldSpec['type'], PlainInputField['type']>> = {
  text: 'text',
  password: 'password',
  number: 'number',
  boolean: 'boolean',
};

export function toInputField(
  spec: FieldSpec,
  overrides: Partial<PlainInputField> = {},
): PlainInputField {
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
  const field: PlainInputField = {
    key: spec.key,
    label: spec.label,
    helpText: helpText(spec),
    required: spec.required,
    type: ZAPIER_TYPE[spec.type] ?? 'string',
  };
  if (spec.type === 'stringList') field.list = true;
  if (spec.type === 'select') {
    field.choices = (spec.options ?? []).map((o) => ({
      value: o.value,
      label: o.label,
      sample: o.value,
    }));
  }
  if (spec.type === 'schemaId') field.dynamic = SCHEMA_DROPDOWN;
  if (spec.default !== undefined && spec.default !== '') field.default = String(spec.default);
  if (spec.placeholder) field.placeholder = spec.placeholder;
  return { ...field, ...overrides };
}

export interface OutputOptions {
  /** Prepended to every key: `results[]` for the fields of Classify Batch's line items. */
  prefix?: string;
  /** Keys Zapier should treat as the record's identity (`primary`). */
  primary?: readonly string[];
  /** Zapier keys that differ from the catalog's (`index` → `position`, 1-based for people). */
  rename?: Record<string, string>;
}

/**
 * Output fields: scalars as they are; an `object` (scores) is left to the caller (its keys depend
 * on the categories); an `array` becomes line items of its child fields (`categories[]name`).
 */
export function toOutputFields(
  specs: readonly OutputFieldSpec[],
  options: OutputOptions = {},
): PlainOutputField[] {
  const prefix = options.prefix ?? '';
  return specs.flatMap((spec): PlainOutputField[] => {
    if (spec.type === 'object') return [];
    if (spec.type === 'array') {
      return (spec.children ?? []).map((child) => ({
        key: `${prefix}${spec.key}[]${child.key}`,
        label: `${spec.label}: ${child.label}`,
        type: 'string',
      }));
    }
    const key = options.rename?.[spec.key] ?? spec.key;
    return [
      {
        key: `${prefix}${key}`,
        label: spec.label,
        type: spec.type,
        ...(options.primary?.includes(key) ? { primary: true } : {}),
      },
    ];
  });
}

/** A saved schema's output (Create Schema, Find Schema, the dropdown): `id` is its identity. */
export const schemaOutputFields = (op: OperationSpec) =>
  toOutputFields(op.outputFields, { primary: ['id'] });

/** The Zapier noun of an operation's resource ("schema" → "Schema"). */
export const nounOf = (resource: string) => resource.charAt(0).toUpperCase() + resource.slice(1);
