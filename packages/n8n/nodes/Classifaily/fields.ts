import { SCHEMA_ID_PATTERN, type FieldSpec } from '@classifaily/core';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

// The one mapping from core's catalog (FieldSpec) to n8n parameters: labels, help texts, defaults,
// limits and placeholders are written once in @classifaily/core and only shaped here.

/** The list-search method that loads saved schemas for every schema picker. */
const SCHEMA_SEARCH_METHOD = 'searchSchemas';

export function fieldProperty(
  field: FieldSpec,
  extra: Partial<INodeProperties> = {},
): INodeProperties {
  const base = {
    displayName: field.label,
    name: field.key,
    description: field.help,
    ...(field.placeholder ? { placeholder: field.placeholder } : {}),
    ...(field.required && field.type !== 'boolean' ? { required: true } : {}),
  };
  return { ...base, ...typed(field), ...extra } as INodeProperties;
}

function typed(field: FieldSpec): Omit<INodeProperties, 'displayName' | 'name'> {
  switch (field.type) {
    case 'string':
    case 'url':
      return { type: 'string', default: field.default ?? '' };
    case 'text':
      return { type: 'string', default: field.default ?? '', typeOptions: { rows: 4 } };
    case 'password':
      return { type: 'string', default: '', typeOptions: { password: true } };
    case 'number':
      return {
        type: 'number',
        default: field.default ?? 0,
        typeOptions: {
          ...(field.min !== undefined ? { minValue: field.min } : {}),
          ...(field.max !== undefined ? { maxValue: field.max } : {}),
          ...(field.precision !== undefined ? { numberPrecision: field.precision } : {}),
        },
      };
    case 'boolean':
      return { type: 'boolean', default: field.default ?? false };
    case 'select':
      return {
        type: 'options',
        noDataExpression: true,
        default: field.default ?? field.options?.[0]?.value ?? '',
        options: (field.options ?? []).map((option): INodePropertyOptions => ({
          name: option.label,
          value: option.value,
          ...(option.help ? { description: option.help } : {}),
        })),
      };
    case 'stringList':
      return {
        type: 'string',
        default: [],
        typeOptions: {
          multipleValues: true,
          multipleValueButtonText: `Add ${field.itemLabel ?? 'Value'}`,
        },
      };
    case 'schemaId':
      return {
        type: 'resourceLocator',
        default: { mode: 'list', value: '' },
        modes: [
          {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            placeholder: 'Select a schema...',
            typeOptions: { searchListMethod: SCHEMA_SEARCH_METHOD, searchable: true },
          },
          {
            displayName: 'By ID',
            name: 'id',
            type: 'string',
            placeholder: field.placeholder,
            validation: [
              {
                type: 'regex',
                properties: {
                  // Core's rule for a schema ID, checked as the ID is typed.
                  regex: SCHEMA_ID_PATTERN,
                  errorMessage: 'Not a schema ID: schema IDs look like sch_abc123',
                },
              },
            ],
          },
        ],
      };
    case 'collection':
      return {
        type: 'fixedCollection',
        default: {},
        typeOptions: { multipleValues: true },
        placeholder: `Add ${field.itemLabel ?? 'Item'}`,
        options: [
          {
            displayName: field.itemLabel ?? 'Item',
            name: 'values',
            values: (field.children ?? []).map((child) => fieldProperty(child)),
          },
        ],
      };
  }
}
