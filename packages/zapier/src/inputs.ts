// Reading a step's inputData: Zapier hands values over as the user typed or mapped them (numbers and
// booleans may arrive as text), so each is read leniently here and checked by core's validation.
import { catalog, parseCategoryList, validationError } from '@classifaily/core';
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';

import { toInputField } from './fields';

const F = catalog.fields;

type InputData = Record<string, unknown>;

/** Categories typed as a list, or a saved schema: whichever `categorySource` says. */
export function targetOf(input: InputData): { categories?: string[]; schema?: string } {
  if (input[F.categorySource.key] === 'schema') {
    const schema =
      typeof input[F.schema.key] === 'string' ? String(input[F.schema.key]).trim() : '';
    return { schema };
  }
  const raw = input[F.categories.key];
  if (raw === undefined || raw === null || raw === '') return {};
  return { categories: parseCategoryList(Array.isArray(raw) ? raw.map(String) : String(raw)) };
}

/**
 * The field that follows "Categories From": a list of categories, or a schema picked from the
 * dropdown (or found by the Find Schema search step). Zapier re-asks when the choice changes.
 */
export function targetFields(_z: ZObject, bundle: Bundle): PlainInputField[] {
  return bundle.inputData[F.categorySource.key] === 'schema'
    ? [toInputField(F.schema, { search: 'findSchema.id' })]
    : [toInputField(F.categories)];
}

/** A text field's value; a number or anything else mapped into it becomes its text. */
export const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

export function booleanOf(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return ['true', 'yes', '1', 'on'].includes(
    String(value ?? '')
      .trim()
      .toLowerCase(),
  );
}

/** The review threshold within the catalog's min and max, or its default when left empty. */
export function thresholdOf(input: InputData): number {
  const spec = F.reviewThreshold;
  const value = input[spec.key];
  if (value === undefined || value === null || String(value).trim() === '')
    return Number(spec.default);
  const number = Number(value);
  const { min = -Infinity, max = Infinity } = spec;
  if (!Number.isFinite(number) || number < min || number > max) {
    const message = `${spec.label} must be a number from ${min} to ${max} (got "${String(value).slice(0, 40)}").`;
    throw validationError([{ field: spec.key, code: 'out_of_range', message }]);
  }
  return number;
}
