import { catalog } from '@classifaily/core';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { classifailyClient } from '../../../transport';
import { one } from '../shared';

const f = catalog.fields;

/** Newest first, following the API's cursor pagination (core's listAll). */
export async function getAll(
  this: IExecuteFunctions,
  itemIndex: number,
): Promise<INodeExecutionData[]> {
  const returnAll = this.getNodeParameter(f.returnAll.key, itemIndex, false) as boolean;
  const max = returnAll ? undefined : (this.getNodeParameter(f.limit.key, itemIndex) as number);
  const client = await classifailyClient.call(this);
  const schemas = await client.schemas.listAll(max === undefined ? {} : { max });
  return schemas.flatMap((schema) => one(schema as unknown as IDataObject, itemIndex));
}
