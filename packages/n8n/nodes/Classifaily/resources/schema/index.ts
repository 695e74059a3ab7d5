import { catalog, type OperationSpec } from '@classifaily/core';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { create } from './create/execute';
import { createProperties } from './create/properties';
import { deleteSchema } from './delete/execute';
import { deleteProperties } from './delete/properties';
import { get } from './get/execute';
import { getProperties } from './get/properties';
import { getAll } from './getAll/execute';
import { getAllProperties } from './getAll/properties';
import type { ItemOperation } from './shared';

const ops = catalog.operations;

/** n8n's operation values (getAll for "Get Many", as in n8n's own nodes) and their catalog entries. */
const OPERATIONS: Array<[string, OperationSpec]> = [
  ['create', ops.createSchema],
  ['delete', ops.deleteSchema],
  ['get', ops.getSchema],
  ['getAll', ops.listSchemas],
];

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
  ...createProperties(version),
  ...getProperties,
  ...deleteProperties,
  ...getAllProperties,
];

export const schemaOperations: Record<string, ItemOperation> = {
  create,
  get,
  delete: deleteSchema,
  getAll,
};
