import { catalog, schemaRequestOf } from '@classifaily/core';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { nodeReplayKeys } from '../../../idempotency';
import { classifailyClient } from '../../../transport';
import { one } from '../shared';
import { schemaCategoriesParameter } from './properties';

const f = catalog.fields;

export async function create(this: IExecuteFunctions, itemIndex: number) {
  const parameter = schemaCategoriesParameter(this.getNode().typeVersion);
  const collection = this.getNodeParameter(parameter, itemIndex, {}) as { values?: IDataObject[] };
  // Core reads the body as on every platform: name and category lines trimmed, an empty
  // description left out (decision 0022).
  const body = schemaRequestOf({
    [f.schemaName.key]: this.getNodeParameter(f.schemaName.key, itemIndex),
    [f.schemaCategories.key]: collection.values,
  });
  const client = await classifailyClient.call(this);
  // A retry of this run writes once; a later run is a new write (the replay rule, 0017).
  const idempotencyKey = await nodeReplayKeys(this).write(body);
  return one((await client.schemas.create(body, { idempotencyKey })) as IDataObject, itemIndex);
}
