// Create "Create Schema": a named category list (line items: category + description). Its request
// has no derived key (Zapier names no run): a later run is a new write (decision 0017).
import { catalog, schemaRequestOf } from '@classifaily/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';

import { withClient } from '../client';
import { nounOf, schemaOutputFields, toInputField } from '../fields';

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

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, op.key, async ({ client, keys }) => {
    const body = schemaRequestOf(bundle.inputData, CATEGORY_NAME_KEY);
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
