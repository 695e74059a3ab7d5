import { catalog, type OperationSpec } from '@classifaily/core';
import type {
  IDataObject,
  IExecuteFunctions,
  INodeExecutionData,
  INodeProperties,
  INodePropertyOptions,
} from 'n8n-workflow';

import { fieldProperty } from '../../fields';
import { nodeReplayKeys } from '../../idempotency';
import { classifailyClient } from '../../transport';

const f = catalog.fields;
const ops = catalog.operations;

export type ItemOperation = (
  this: IExecuteFunctions,
  itemIndex: number,
) => Promise<INodeExecutionData[]>;

/** n8n's operation values (getAll for "Get Many", as in n8n's own nodes) and their catalog entries. */
const OPERATIONS: Array<[string, OperationSpec]> = [
  ['create', ops.createSchema],
  ['delete', ops.deleteSchema],
  ['get', ops.getSchema],
  ['getAll', ops.listSchemas],
];

const showFor = (operation: string, extra: IDataObject = {}) => ({
  show: { resource: ['schema'], operation: [operation], ...extra },
});

/**
 * The parameter holding a new schema's categories: `categories` in V1, `schemaCategories` from V2
 * on, so that it no longer shares its name with Classify's list of a different type.
 */
const schemaCategoriesParameter = (version: number) =>
  version >= 2 ? 'schemaCategories' : f.schemaCategories.key;

export const schemaProperties = (version: number): INodeProperties[] => [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['schema'] } },
    options: OPERATIONS.map(([value, op]): INodePropertyOptions => ({
      name: op.action,
      value,
      action: op.label,
      description: op.description,
    })),
    default: 'getAll',
  },
  fieldProperty(f.schemaName, { displayOptions: showFor('create') }),
  fieldProperty(f.schemaCategories, {
    name: schemaCategoriesParameter(version),
    displayOptions: showFor('create'),
  }),
  fieldProperty(f.schemaId, { displayOptions: showFor('get') }),
  fieldProperty(f.schemaId, { displayOptions: showFor('delete') }),
  fieldProperty(f.returnAll, { displayOptions: showFor('getAll') }),
  fieldProperty(f.limit, { displayOptions: showFor('getAll', { returnAll: [false] }) }),
];

const one = (json: IDataObject, itemIndex: number): INodeExecutionData[] => [
  { json, pairedItem: { item: itemIndex } },
];

function schemaIdAt(this: IExecuteFunctions, itemIndex: number): string {
  const id = this.getNodeParameter(f.schemaId.key, itemIndex, '', { extractValue: true });
  return String(id).trim();
}

export const schemaOperations: Record<string, ItemOperation> = {
  async create(itemIndex) {
    const name = this.getNodeParameter(f.schemaName.key, itemIndex) as string;
    const parameter = schemaCategoriesParameter(this.getNode().typeVersion);
    const collection = this.getNodeParameter(parameter, itemIndex, {}) as {
      values?: Array<{ name?: string; description?: string }>;
    };
    const categories = (collection.values ?? []).map(({ name: category, description }) => ({
      name: String(category ?? '').trim(),
      ...(description?.trim() ? { description: description.trim() } : {}),
    }));
    const client = await classifailyClient.call(this);
    const body = { name, categories };
    // A retry of this run writes once; a later run is a new write (the replay rule, 0017).
    const idempotencyKey = await nodeReplayKeys(this).write(body);
    return one((await client.schemas.create(body, { idempotencyKey })) as IDataObject, itemIndex);
  },

  async get(itemIndex) {
    const client = await classifailyClient.call(this);
    return one(
      (await client.schemas.get(schemaIdAt.call(this, itemIndex))) as IDataObject,
      itemIndex,
    );
  },

  async delete(itemIndex) {
    const client = await classifailyClient.call(this);
    return one(
      (await client.schemas.delete(schemaIdAt.call(this, itemIndex))) as IDataObject,
      itemIndex,
    );
  },

  /** Newest first, following the API's cursor pagination (core's listAll). */
  async getAll(itemIndex) {
    const returnAll = this.getNodeParameter(f.returnAll.key, itemIndex, false) as boolean;
    const max = returnAll ? undefined : (this.getNodeParameter(f.limit.key, itemIndex) as number);
    const client = await classifailyClient.call(this);
    const schemas = await client.schemas.listAll(max === undefined ? {} : { max });
    return schemas.map((schema) => ({
      json: schema as unknown as IDataObject,
      pairedItem: { item: itemIndex },
    }));
  },
};
