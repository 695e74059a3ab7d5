import { catalog } from '@classifaily/core';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { nodeReplayKeys } from '../../../idempotency';
import { classifailyClient } from '../../../transport';
import { one } from '../shared';
import { schemaCategoriesParameter } from './properties';

export async function create(this: IExecuteFunctions, itemIndex: number) {
  const name = this.getNodeParameter(catalog.fields.schemaName.key, itemIndex) as string;
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
}
