// The app's definition is core's catalog on Zapier's model: nothing retyped.
import { catalog, type FieldSpec } from '@classifaily/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

import { SCHEMA_DROPDOWN, type ZapierInputField } from '../src/fields';
import { App } from './sandbox';

const operations = [
  ['creates', 'classify'],
  ['creates', 'classifyBatch'],
  ['creates', 'createSchema'],
  ['searches', 'findSchema'],
  ['triggers', 'listSchemas'],
] as const;

type Operation = {
  display: { label?: string; description?: string };
  operation: { sample?: object; outputFields?: unknown[]; inputFields?: unknown[] };
};
const get = (kind: string, key: string) =>
  (App as unknown as Record<string, Record<string, Operation>>)[kind]![key]!;

/** Static input fields, with the dynamic target field resolved for both choices. */
function inputFields(op: Operation): ZapierInputField[] {
  return (op.operation.inputFields ?? []).flatMap((field) =>
    typeof field === 'function'
      ? ['list', 'schema'].flatMap((source) =>
          field({} as ZObject, { inputData: { categorySource: source } } as unknown as Bundle),
        )
      : [field as ZapierInputField],
  );
}

const specsByKey = new Map<string, FieldSpec[]>();
const fieldSpecs: ReadonlyArray<FieldSpec | string> = Object.values(catalog.fields);
for (const spec of fieldSpecs) {
  if (typeof spec !== 'object') continue;
  for (const s of [spec, ...(spec.children ?? [])])
    specsByKey.set(s.key, [...(specsByKey.get(s.key) ?? []), s]);
}

describe.each(operations)('%s.%s', (kind, key) => {
  const op = get(kind, key);
  const spec = catalog.operations[key];

  it('has the catalog’s label and description, a sample and output fields', () => {
    expect(op.display.label).toBe(spec.label);
    expect(op.display.description).toBe(spec.description);
    expect(op.operation.sample).toBeDefined();
    expect(op.operation.outputFields?.length).toBeGreaterThan(0);
  });

  it('takes every input label, help text and default from the catalog', () => {
    for (const field of inputFields(op)) {
      const children = field.children ?? [];
      for (const f of [field, ...children]) {
        const candidates = [...(specsByKey.get(f.key) ?? [])];
        if (f.key === 'category') candidates.push(catalog.fields.schemaCategoryName);
        expect(candidates.some((c) => c.label === f.label)).toBe(true);
        if (f.helpText) expect(candidates.some((c) => c.help === f.helpText)).toBe(true);
        if (f.default !== undefined)
          expect(candidates.some((c) => String(c.default) === f.default)).toBe(true);
      }
    }
  });
});

test('the Schema field is the dropdown fed by the hidden trigger, for both classify actions', () => {
  for (const key of ['classify', 'classifyBatch']) {
    const schemaField = inputFields(get('creates', key)).find((f) => f.key === 'schema');
    expect(schemaField).toMatchObject({ dynamic: SCHEMA_DROPDOWN, search: 'findSchema.id' });
  }
  expect(SCHEMA_DROPDOWN.split('.')[0]).toBe(App.triggers.listSchemas.key);
  const threshold = inputFields(get('creates', 'classify')).find(
    (f) => f.key === 'reviewThreshold',
  );
  expect(threshold?.default).toBe('0.8');
});

test('the batch output is line items with the catalog’s item fields', () => {
  const keys = (get('creates', 'classifyBatch').operation.outputFields ?? [])
    .filter((f): f is { key: string } => typeof f === 'object')
    .map((f) => f.key);
  expect(keys).toEqual(
    expect.arrayContaining([
      'results[]reference',
      'results[]label',
      'results[]needs_review',
      'results[]error',
    ]),
  );
});
