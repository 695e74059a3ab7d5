// Create "Create Schema": a named category list (line items: category + description). Its request
// has no derived key (Zapier names no run): a later run is a new write (decision 0017).
import { catalog, type CreateSchemaRequest } from '@classifaily/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';

import { withClient } from '../client';
import { nounOf, schemaOutputFields, toInputField } from '../fields';
import { textOf } from '../inputs';

const op = catalog.operations.createSchema;
const F = catalog.fields;
/** Zapier wants input keys unique across line-item children too: the schema has a `name` already. */
const CATEGORY_NAME_KEY = 'category';

const inputFields = op.fields.map((spec) =>
  spec.key === F.schemaCategories.key
    ? toInputField(spec, {
        children: (spec.children ?? []).map((child) =>
          toInputField(
            child,
            child.key === F.schemaCategoryName.key ? { key: CATEGORY_NAME_KEY } : {},
          ),
        ),
      })
    : toInputField(spec),
);

function requestOf(input: Record<string, unknown>): CreateSchemaRequest {
  const lines = Array.isArray(input[F.schemaCategories.key])
    ? (input[F.schemaCategories.key] as Record<string, unknown>[])
    : [];
  const text = (value: unknown) => textOf(value).trim();
  return {
    name: text(input[F.schemaName.key]),
    categories: lines.map((line) => {
      const name = text(line?.[CATEGORY_NAME_KEY]);
      const description = text(line?.[F.schemaCategoryDescription.key]);
      return description === '' ? { name } : { name, description };
    }),
  };
}

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, op.key, async ({ client, keys }) => {
    const body = requestOf(bundle.inputData);
    return client.schemas.create(body, { idempotencyKey: await keys.write(body) });
  });

export default defineCreate({
  key: op.key,
  noun: nounOf(op.resource),
  display: { label: op.label, description: op.thirdPersonDescription },
  operation: {
    inputFields,
    perform,
    sample: op.sample,
    outputFields: schemaOutputFields(op),
  },
});
