// The hidden trigger behind the Schema dropdown. The API pages with an opaque cursor; Zapier asks
// for page 0, 1, 2… as the user scrolls ("Load more"), so each page stores the API's next cursor
// with z.cursor for the next one, and a page after the last returns nothing.
import { catalog, LIMITS } from '@classifaily/core';
import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';

import { withClient } from '../client';
import { nounOf, schemaOutputFields } from '../fields';

const op = catalog.operations.listSchemas;

/** Schemas per dropdown page: the most the API gives in one request. */
export const PAGE_SIZE = LIMITS.schemaListMaxLimit;

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, op.key, async ({ client }) => {
    const page = Number(bundle.meta?.page ?? 0);
    let cursor: string | undefined;
    if (page > 0) {
      cursor = (await z.cursor.get()) || undefined;
      if (!cursor) return [];
    }
    const list = await client.schemas.list({ limit: PAGE_SIZE, cursor });
    await z.cursor.set(list.has_more && list.next_cursor ? list.next_cursor : '');
    return list.data;
  });

export default defineTrigger({
  key: op.key,
  noun: nounOf(op.resource),
  display: { label: op.label, description: op.triggerDescription, hidden: true },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: op.sample,
    outputFields: schemaOutputFields(op),
  },
});
