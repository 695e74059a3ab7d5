import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  catalog,
  LIMITS,
  needsReview,
  presentResult,
  DEFAULT_REVIEW_THRESHOLD,
  type ContractEndpoint,
  type FieldSpec,
} from '../src';

// Checked by `tsc` (pnpm typecheck): an operation must name a path and method the contract defines.
// @ts-expect-error: the contract has no PUT /v1/me
const wrongMethod: ContractEndpoint = { path: '/v1/me', method: 'PUT' };
// @ts-expect-error: nor a path /v1/classify/async
const wrongPath: ContractEndpoint = { path: '/v1/classify/async', method: 'POST' };
const right: ContractEndpoint = { path: '/v1/schemas/{schema_id}', method: 'DELETE' };
void [wrongMethod, wrongPath, right];

const allFields = (fields: readonly FieldSpec[]): FieldSpec[] =>
  fields.flatMap((f) => [f, ...allFields(f.children ?? [])]);

describe('the operation catalog', () => {
  const operations = Object.values(catalog.operations);

  it('gives every field and output a label and a help text', () => {
    for (const op of operations) {
      expect(op.label).toMatch(/^[A-Z]/);
      expect(op.description.length).toBeGreaterThan(10);
      expect(op.thirdPersonDescription).toMatch(/^[A-Z][a-z]+s /);
      for (const field of allFields(op.fields)) {
        expect(field.label).toMatch(/^[A-Z]/);
        expect(field.help.length).toBeGreaterThan(10);
        expect(field.key).toMatch(/^[a-z][A-Za-z0-9]*$/);
      }
      for (const out of op.outputFields) expect(out.help.length).toBeGreaterThan(3);
    }
  });

  it('names only paths and methods the OpenAPI document defines', () => {
    const spec = parse(
      fs.readFileSync(path.join(__dirname, '../openapi/classifaily.openapi.yaml'), 'utf8'),
    ) as { paths: Record<string, Record<string, unknown>> };
    for (const op of operations)
      expect(spec.paths[op.path]?.[op.method.toLowerCase()]).toBeDefined();
  });

  it('takes its limits from the OpenAPI document', () => {
    const { fields } = catalog;
    expect(fields.input.maxLength).toBe(LIMITS.inputMaxLength);
    expect(fields.categories.minItems).toBe(LIMITS.categoriesMin);
    expect(fields.categories.maxItems).toBe(LIMITS.categoriesMax);
    expect(fields.batchSize.max).toBe(LIMITS.batchMaxItems);
    expect(fields.reviewThreshold.default).toBe(DEFAULT_REVIEW_THRESHOLD);
  });

  it('has samples that carry every output field they promise', () => {
    for (const op of operations) {
      for (const out of op.outputFields) {
        if (out.key === 'error' || out.key === 'reference' || out.key === 'index') continue;
        expect(op.sample).toHaveProperty(out.key);
      }
    }
  });

  it('labels a connection by account and key, never by the key itself', () => {
    expect(
      catalog.credential.connectionLabel({
        object: 'me',
        account: { id: 'a', name: 'Acme' },
        key: { name: 'Zaps', mode: 'test' },
      }),
    ).toBe('Acme (Zaps, test mode)');
    // Where the API says the key may only read, the label says it before a first step fails.
    expect(
      catalog.credential.connectionLabel({
        object: 'me',
        account: { id: 'a', name: 'Acme' },
        key: { name: 'Reports', mode: 'live', read_only: true },
      }),
    ).toBe('Acme (Reports, read-only)');
  });
});

describe('the review rule', () => {
  it('flags confidences below the threshold, 0.80 by default', () => {
    expect(needsReview(0.79)).toBe(true);
    expect(needsReview(0.8)).toBe(false);
    expect(needsReview(0.5, 0.4)).toBe(false);
    expect(needsReview(Number.NaN)).toBe(true);
  });

  it('shapes a result the same way for every platform', () => {
    expect(
      presentResult({
        id: 'cls_1',
        label: 'billing',
        confidence: 0.6,
        scores: { billing: 0.6, other: 0.4 },
      }),
    ).toEqual({
      id: 'cls_1',
      label: 'billing',
      confidence: 0.6,
      needs_review: true,
      scores: { billing: 0.6, other: 0.4 },
    });
  });
});
