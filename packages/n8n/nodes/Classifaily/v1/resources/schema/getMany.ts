import { LIMITS, type components } from '@classifaily/core';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { classifailyApiRequest } from '../../transport';

type SchemaList = components['schemas']['SchemaList'];

const showOnlyForGetMany = { resource: ['schema'], operation: ['getAll'] };

export const getManyProperties: INodeProperties[] = [
  {
    displayName: 'Return All',
    name: 'returnAll',
    type: 'boolean',
    displayOptions: { show: showOnlyForGetMany },
    default: false,
    description: 'Whether to return all results or only up to a given limit',
  },
  {
    displayName: 'Limit',
    name: 'limit',
    type: 'number',
    displayOptions: { show: { ...showOnlyForGetMany, returnAll: [false] } },
    typeOptions: { minValue: 1 },
    default: 50,
    description: 'Max number of results to return',
  },
];

/** Lists saved schemas, newest first, following the API's cursor pagination. */
export async function getMany(
  this: IExecuteFunctions,
  itemIndex: number,
): Promise<INodeExecutionData[]> {
  const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
  const limit = returnAll
    ? Number.POSITIVE_INFINITY
    : (this.getNodeParameter('limit', itemIndex) as number);

  const schemas: SchemaList['data'] = [];
  let cursor: string | undefined;
  do {
    const pageSize = Math.min(LIMITS.schemaListMaxLimit, limit - schemas.length);
    const page = (await classifailyApiRequest.call(this, 'GET', '/v1/schemas', {
      limit: pageSize,
      cursor,
    })) as unknown as SchemaList;
    schemas.push(...page.data);
    cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
  } while (cursor !== undefined && schemas.length < limit);

  return schemas.slice(0, limit).map((schema) => ({
    json: { ...schema },
    pairedItem: { item: itemIndex },
  }));
}
