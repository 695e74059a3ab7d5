// The app's definition is core's catalog on Zapier's model, ready for Zapier's review: nothing
// retyped, descriptions in Zapier's voice, complete samples, primary keys, safe score keys.
import { catalog, SAMPLE_CATEGORIES, type FieldSpec } from '@classifaily/core';
import type { Bundle, PlainInputField, PlainOutputField, ZObject } from 'zapier-platform-core';

import RealApp from '../src/index';
import { SCHEMA_DROPDOWN, zapierHelp } from '../src/fields';
import { scores as flatScores } from '../src/output';
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
  operation: {
    sample?: Record<string, unknown>;
    outputFields?: unknown[];
    inputFields?: unknown[];
  };
};
const get = (kind: string, key: string) =>
  (App as unknown as Record<string, Record<string, Operation>>)[kind]![key]!;

/** Static input fields, with the dynamic target field resolved for both choices. */
function inputFields(op: Operation): PlainInputField[] {
  return (op.operation.inputFields ?? []).flatMap((field) =>
    typeof field === 'function'
      ? ['list', 'schema'].flatMap((source) =>
          field({} as ZObject, { inputData: { categorySource: source } } as unknown as Bundle),
        )
      : [field as PlainInputField],
  );
}

const staticOutputFields = (op: Operation) =>
  (op.operation.outputFields ?? []).filter(
    (field): field is PlainOutputField => typeof field === 'object',
  );

/** A sample's keys as Zapier names output fields: `results[]label` for line items. */
function sampleKeys(sample: Record<string, unknown>, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(sample)) {
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object')) {
      for (const line of value)
        for (const k of sampleKeys(line as Record<string, unknown>, `${prefix}${key}[]`))
          keys.add(k);
    } else keys.add(`${prefix}${key}`);
  }
  return keys;
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

  it('has the catalog’s label, and its description in Zapier’s voice ("Classifies …")', () => {
    expect(op.display.label).toBe(spec.label);
    // A trigger, hidden or not, reads "Triggers when …" (Zapier's check D021).
    if (kind === 'triggers') {
      expect(op.display.description).toBe(
        (spec as { triggerDescription?: string }).triggerDescription,
      );
      expect(op.display.description).toMatch(/^Triggers when .+\.$/);
    } else {
      expect(op.display.description).toBe(spec.thirdPersonDescription);
      expect(op.display.description).toMatch(/^(Classifies|Creates|Finds) .+\.$/);
    }
  });

  it('has a sample holding every output field it declares', () => {
    const declared = staticOutputFields(op).map((field) => field.key);
    expect(declared.length).toBeGreaterThan(0);
    const inSample = sampleKeys(op.operation.sample ?? {});
    expect(declared.filter((k) => !inSample.has(k))).toEqual([]);
  });

  it('takes every input label, help text and default from the catalog', () => {
    for (const field of inputFields(op)) {
      if (field.type === 'copy') {
        // A note on an output the API may not send: that output's catalog help (decision 0037).
        const noted = spec.outputFields.filter((o) => o.needs);
        expect(noted.map((o) => `**${o.label}:** ${o.help}`)).toContain(field.helpText);
        continue;
      }
      const children = (field.children ?? []) as PlainInputField[];
      for (const f of [field, ...children]) {
        const candidates = [...(specsByKey.get(f.key) ?? [])];
        if (f.key === 'category') candidates.push(catalog.fields.schemaCategoryName);
        expect(candidates.some((c) => c.label === f.label)).toBe(true);
        if (f.helpText)
          expect(candidates.some((c) => zapierHelp(c.help) === f.helpText)).toBe(true);
        if (f.default !== undefined)
          expect(candidates.some((c) => String(c.default) === f.default)).toBe(true);
      }
    }
  });
});

test('Batch Size and Concurrency are chosen in code, not asked of the user', () => {
  const keys = inputFields(get('creates', 'classifyBatch')).map((field) => field.key);
  expect(keys).not.toContain(catalog.fields.batchSize.key);
  expect(keys).not.toContain(catalog.fields.concurrency.key);
});

test('the identity fields are primary: a classification’s and a schema’s id', () => {
  for (const [kind, key] of operations) {
    if (key === 'classifyBatch') continue;
    const primary = staticOutputFields(get(kind, key)).filter((field) => field.primary);
    expect(primary.map((field) => field.key)).toEqual(['id']);
  }
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

test('the batch output is line items with 1-based positions and the catalog’s item fields', () => {
  const fields = staticOutputFields(get('creates', 'classifyBatch'));
  expect(fields.map((f) => f.key)).toEqual(
    expect.arrayContaining([
      'results[]position',
      'results[]reference',
      'results[]label',
      'results[]needs_review',
      'results[]error',
    ]),
  );
  expect(fields.map((f) => f.key)).not.toContain('results[]index');
  const { results } = get('creates', 'classifyBatch').operation.sample as {
    results: { position: number }[];
  };
  expect(results.map((line) => line.position)).toEqual([1, 2]);
});

test('Find Schema and Create Schema make a "Find or Create Schema" pair on the same name field', () => {
  const app = RealApp as unknown as {
    searchOrCreates: Record<string, { key: string; search: string; create: string }>;
  };
  expect(app.searchOrCreates.findSchema).toMatchObject({
    key: 'findSchema',
    search: 'findSchema',
    create: 'createSchema',
    display: { label: 'Find or Create Schema' },
  });
  const searchKeys = inputFields(get('searches', 'findSchema')).map((f) => f.key);
  const createKeys = inputFields(get('creates', 'createSchema')).map((f) => f.key);
  expect(searchKeys.every((k) => createKeys.includes(k))).toBe(true);
});

describe('score fields', () => {
  it('keep a safe category name as it is', () => {
    expect([...flatScores.keys(SAMPLE_CATEGORIES).values()]).toEqual(
      SAMPLE_CATEGORIES.map((name) => `scores__${name}`),
    );
  });

  it('give any other name a safe key, unique in its list, whatever the order', () => {
    const names = [
      'Billing & Payments',
      'billing',
      'Billing',
      'Équipe ✓',
      '请求',
      '😀',
      'a b',
      'a_b',
    ];
    const keys = flatScores.keys(names);
    for (const key of keys.values()) expect(key).toMatch(/^scores__[a-z0-9_]+$/);
    expect(new Set(keys.values()).size).toBe(names.length);
    expect(keys.get('Billing & Payments')).toBe('scores__billing_payments');
    expect(keys.get('Équipe ✓')).toBe('scores__equipe');
    expect(keys.get('billing')).toBe('scores__billing');
    expect(new Map(flatScores.keys([...names].reverse()))).toEqual(keys);
  });

  it('name the output field after the category, and flatten results with the same keys', () => {
    const scores = { 'Billing & Payments': 0.9, 'Account access': 0.1 };
    expect(flatScores.flatten({ label: 'x', scores })).toEqual({
      label: 'x',
      scores__billing_payments: 0.9,
      scores__account_access: 0.1,
    });
  });
});

test('no help text in the app has a bare URL: each is a Markdown link (Zapier’s check D008)', () => {
  const helps: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value))
        if (key === 'helpText' && typeof child === 'string') helps.push(child);
        else walk(child);
  };
  walk(JSON.parse(JSON.stringify(RealApp)));
  for (const [kind, key] of operations) walk(inputFields(get(kind, key)));
  expect(helps.some((help) => help.includes('](https://'))).toBe(true);
  for (const help of helps)
    expect(help.replace(/\]\(https?:\/\/[^)\s]+\)/g, '](…)')).not.toMatch(/https?:\/\//);
});
