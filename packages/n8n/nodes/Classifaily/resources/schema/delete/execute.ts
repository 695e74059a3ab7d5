import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { classifailyClient } from '../../../transport';
import { one, schemaIdAt } from '../shared';

export async function deleteSchema(this: IExecuteFunctions, itemIndex: number) {
  const client = await classifailyClient.call(this);
  const deleted = await client.schemas.delete(schemaIdAt.call(this, itemIndex));
  return one(deleted as IDataObject, itemIndex);
}
