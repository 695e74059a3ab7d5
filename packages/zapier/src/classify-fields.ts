// Input and output fields shared by Classify Text and Classify Batch, from core's catalog:
// "Categories From" decides whether the next field is the category list or the schema dropdown,
// and the output gains one score field per category (known from the list, or the chosen schema).
import { catalog, type OperationSpec, type OutputFieldSpec } from '@classifaily/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

import { withClient } from './client';
import {
  scoreOutputFields,
  toInputField,
  type ZapierInputField,
  type ZapierOutputField,
} from './fields';
import { targetFields, targetOf } from './inputs';

const F = catalog.fields;

type DynamicFields = (
  z: ZObject,
  bundle: Bundle,
) => Promise<ZapierInputField[]> | ZapierInputField[];

/** The operation's fields in catalog order; categories and schema become one dynamic field. */
export function classifyInputFields(op: OperationSpec): (ZapierInputField | DynamicFields)[] {
  return op.fields.flatMap((spec): (ZapierInputField | DynamicFields)[] => {
    if (spec.key === F.categorySource.key)
      return [toInputField(spec, { altersDynamicFields: true })];
    if (spec.key === F.categories.key) return [targetFields];
    if (spec.key === F.schema.key) return [];
    return [toInputField(spec)];
  });
}

const scoresSpec = (op: OperationSpec): OutputFieldSpec =>
  op.outputFields.find((field) => field.key === 'scores') ?? {
    key: 'scores',
    label: 'Scores',
    type: 'object',
    help: '',
  };

/** One output field per category: from the typed list, or read from the chosen schema. */
export function scoreFieldsFor(op: OperationSpec, prefix = '') {
  return async (z: ZObject, bundle: Bundle): Promise<ZapierOutputField[]> => {
    const target = targetOf(bundle.inputData);
    let categories = target.categories ?? [];
    if (target.schema) {
      try {
        const schema = await withClient(z, bundle, (client) => client.schemas.get(target.schema!));
        categories = schema.categories.map((category) => category.name);
      } catch {
        categories = []; // the field list is a convenience: the step itself reports the problem
      }
    }
    return scoreOutputFields(categories, scoresSpec(op), prefix);
  };
}
