import { LIMITS } from '../generated/limits';
import * as f from './fields';
import { classificationOutputFields, itemOutputFields, schemaOutputFields } from './outputs';
import {
  batchItemSample,
  classificationSample,
  deletedSchemaSample,
  meSample,
  schemaSample,
} from './samples';
import type { OperationSpec } from './types';

export const classify = {
  key: 'classify',
  resource: 'classification',
  label: 'Classify Text',
  action: 'Classify',
  description:
    'Classify a text into one of your categories, with a confidence from 0 to 1 and, if you ask, a short explanation.',
  thirdPersonDescription:
    'Classifies a text into one of your categories, with a confidence from 0 to 1 and, if you ask, a short explanation.',
  method: 'POST',
  path: '/v1/classify',
  readOnly: false,
  denied: 'This API key may not classify texts.',
  fields: [f.input, f.categorySource, f.categories, f.schema, f.explain, f.reviewThreshold],
  outputFields: classificationOutputFields,
  sample: classificationSample,
} as const satisfies OperationSpec;

export const classifyBatch = {
  key: 'classifyBatch',
  resource: 'classification',
  label: 'Classify Batch',
  action: 'Classify Batch',
  description: `Classify a list of texts, ${LIMITS.batchMaxItems} per request; each gets its own result, in the same order, and one bad text fails alone.`,
  thirdPersonDescription: `Classifies a list of texts, ${LIMITS.batchMaxItems} per request; each gets its own result, in the same order, and one bad text fails alone.`,
  method: 'POST',
  path: '/v1/classify/batch',
  readOnly: false,
  denied: 'This API key may not classify texts.',
  fields: [
    f.items,
    f.categorySource,
    f.categories,
    f.schema,
    f.explain,
    f.reviewThreshold,
    f.batchSize,
    f.concurrency,
  ],
  outputFields: itemOutputFields,
  sample: batchItemSample,
} as const satisfies OperationSpec;

export const createSchema = {
  key: 'createSchema',
  resource: 'schema',
  label: 'Create Schema',
  action: 'Create',
  description:
    'Save a named category list, so that workflows can classify against it without repeating it.',
  thirdPersonDescription:
    'Creates a saved schema: a named category list that workflows can classify against without repeating it.',
  method: 'POST',
  path: '/v1/schemas',
  readOnly: false,
  denied: 'This API key may not create schemas.',
  fields: [f.schemaName, f.schemaCategories],
  outputFields: schemaOutputFields,
  sample: schemaSample,
} as const satisfies OperationSpec;

export const getSchema = {
  key: 'getSchema',
  resource: 'schema',
  label: 'Get Schema',
  action: 'Get',
  description: 'Get a saved schema and its categories.',
  thirdPersonDescription: 'Gets a saved schema and its categories.',
  method: 'GET',
  path: '/v1/schemas/{schema_id}',
  readOnly: true,
  denied: 'This API key may not read schemas.',
  fields: [f.schemaId],
  outputFields: schemaOutputFields,
  sample: schemaSample,
} as const satisfies OperationSpec;

export const listSchemas = {
  key: 'listSchemas',
  resource: 'schema',
  label: 'List Schemas',
  action: 'Get Many',
  description: 'List your saved schemas, newest first.',
  thirdPersonDescription: 'Lists your saved schemas, newest first.',
  triggerDescription:
    'Triggers when a schema is saved; lists your saved schemas, newest first, for the Schema dropdown.',
  method: 'GET',
  path: '/v1/schemas',
  readOnly: true,
  denied: 'This API key may not read schemas.',
  fields: [f.returnAll, f.limit],
  outputFields: schemaOutputFields,
  sample: schemaSample,
} as const satisfies OperationSpec;

/** @public Zapier's Find Schema search (read through `catalog.operations`). */
export const findSchema = {
  key: 'findSchema',
  resource: 'schema',
  label: 'Find Schema',
  action: 'Find',
  description: 'Find a saved schema by its name.',
  thirdPersonDescription: 'Finds a saved schema by its name.',
  method: 'GET',
  path: '/v1/schemas',
  readOnly: true,
  denied: 'This API key may not read schemas.',
  fields: [f.schemaNameFilter],
  outputFields: schemaOutputFields,
  sample: schemaSample,
} as const satisfies OperationSpec;

export const deleteSchema = {
  key: 'deleteSchema',
  resource: 'schema',
  label: 'Delete Schema',
  action: 'Delete',
  description:
    'Delete a saved schema. Workflows that use it will stop working until you pick another.',
  thirdPersonDescription:
    'Deletes a saved schema. Workflows that use it stop working until you pick another.',
  method: 'DELETE',
  path: '/v1/schemas/{schema_id}',
  readOnly: false,
  denied: 'This API key may not delete schemas.',
  fields: [f.schemaId],
  outputFields: [
    { key: 'id', label: 'Schema ID', type: 'string', help: 'The deleted schema.' },
    { key: 'deleted', label: 'Deleted', type: 'boolean', help: 'Always true.' },
  ],
  sample: deletedSchemaSample,
} as const satisfies OperationSpec;

export const me = {
  key: 'me',
  resource: 'account',
  label: 'Get Account',
  action: 'Get',
  description: 'Who the API key belongs to.',
  thirdPersonDescription: 'Gets the account and the key name this API key belongs to.',
  method: 'GET',
  path: '/v1/me',
  readOnly: true,
  denied: 'This API key may not read the account it belongs to.',
  fields: [],
  outputFields: [
    { key: 'account', label: 'Account', type: 'object', help: 'The account: id and name.' },
    { key: 'key', label: 'Key', type: 'object', help: "The key's name and mode (live or test)." },
  ],
  sample: meSample,
} as const satisfies OperationSpec;
