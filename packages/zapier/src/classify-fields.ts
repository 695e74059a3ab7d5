// Input and output fields shared by Classify Text and Classify Batch, from core's catalog:
// "Categories From" decides whether the next field is the category list or the schema dropdown,
// and the output gains one score field per category (known from the list, or the chosen schema).
// Batch Size and Concurrency are not user fields on Zapier: they are chosen in code, to fit the
// step's time budget (client.ts).
import { catalog, targetOf, type OperationSpec } from '@classifaily/core';
import type { Bundle, InputField, PlainOutputField, ZObject } from 'zapier-platform-core';

import { withClient } from './client';
import { toInputField } from './fields';
import { scores } from './output';

const F = catalog.fields;
const INTERNAL = new Set<string>([F.batchSize.key, F.concurrency.key]);

/**
 * The field that follows "Categories From": a list of categories, or a schema picked from the
 * dropdown (or found by the Find Schema search step). Zapier re-asks when the choice changes.
 */
const targetFields = (_z: ZObject, bundle: Bundle) => [
  bundle.inputData[F.categorySource.key] === 'schema'
    ? toInputField(F.schema, { search: 'findSchema.id' })
    : toInputField(F.categories),
];

/**
 * The operation's fields in catalog order; categories and schema become one dynamic field. Then a
 * note for each output the API may not send (the scores, decision 0037), where a Zap's author
 * sees it before building Paths or Filters on it: the catalog's help of that output.
 */
export function classifyInputFields(op: OperationSpec): InputField[] {
  const fields = op.fields.flatMap((spec): InputField[] => {
    if (INTERNAL.has(spec.key) || spec.key === F.schema.key) return [];
    if (spec.key === F.categorySource.key)
      return [toInputField(spec, { altersDynamicFields: true })];
    if (spec.key === F.categories.key) return [targetFields];
    return [toInputField(spec)];
  });
  const notes = op.outputFields
    .filter((output) => output.needs)
    .map((output): InputField => ({
      key: `${output.key}_note`,
      type: 'copy',
      helpText: `**${output.label}:** ${output.help}`,
    }));
  return [...fields, ...notes];
}

/** One output field per category: from the typed list, or read from the chosen schema. */
export function scoreFieldsFor(op: OperationSpec, prefix = '') {
  return async (z: ZObject, bundle: Bundle): Promise<PlainOutputField[]> => {
    const target = targetOf(bundle.inputData);
    let categories = target.categories ?? [];
    if (target.schema) {
      try {
        const schema = await withClient(z, bundle, op.key, ({ client }) =>
          client.schemas.get(target.schema!),
        );
        categories = schema.categories.map((category) => category.name);
      } catch {
        categories = []; // the field list is a convenience: the step itself reports the problem
      }
    }
    return scores.fields(categories, prefix);
  };
}
