import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { classifailyClient } from '../../../transport';
import { one, schemaIdAt } from '../shared';

export async function get(this: IExecuteFunctions, itemIndex: number) {
  const client = await classifailyClient.call(this);
  const schema = await client.schemas.get(schemaIdAt.call(this, itemIndex));
  return one(schema as IDataObject, itemIndex);
}
