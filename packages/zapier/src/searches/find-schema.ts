// Search "Find Schema": a saved schema by its exact name (not case-sensitive), so a Zap can look
// up a schema's ID by name instead of hard-wiring it. Paired with Create Schema as "Find or Create
// Schema" (index.ts): the two share the `name` input, which Zapier carries over to the create.
import { catalog } from '@classifaily/core';
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';

import { withClient } from '../client';
import { nounOf, schemaOutputFields, toInputField } from '../fields';

const op = catalog.operations.findSchema;
const nameField = catalog.fields.schemaNameFilter;

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, op.key, ({ client }) =>
    client.schemas.listAll({ name: String(bundle.inputData[nameField.key] ?? '').trim(), max: 1 }),
  );

export default defineSearch({
  key: op.key,
  noun: nounOf(op.resource),
  display: { label: op.label, description: op.thirdPersonDescription },
  operation: {
    inputFields: op.fields.map((spec) => toInputField(spec)),
    perform,
    sample: op.sample,
    outputFields: schemaOutputFields(op),
  },
});
