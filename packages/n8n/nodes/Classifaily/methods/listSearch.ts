import { LIMITS } from '@classifaily/core';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { toNodeError } from '../errors';
import { classifailyClient } from '../transport';

/**
 * The schema picker: one page of saved schemas per call (n8n asks for the next page with the
 * token as the user scrolls), filtered by the search text on name or ID. With a search text, pages
 * without a match are read on until one has a match or none are left: n8n shows "No results" for an
 * empty answer and never asks for the next page, so a schema past the first page could not be
 * found (decision 0221). That costs at most one request per page of the account's schemas.
 */
export async function searchSchemas(
  this: ILoadOptionsFunctions,
  filter?: string,
  paginationToken?: string,
): Promise<INodeListSearchResult> {
  try {
    const client = await classifailyClient.call(this);
    const needle = filter?.trim().toLowerCase() ?? '';
    let cursor = paginationToken;
    for (;;) {
      const page = await client.schemas.list({
        limit: LIMITS.schemaListMaxLimit,
        ...(cursor ? { cursor } : {}),
      });
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
      const results = page.data
        .filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.id.includes(needle))
        .map((s) => ({
          name: s.name,
          value: s.id,
          description: s.categories.map((c) => c.name).join(', '),
        }));
      if (results.length > 0 || !cursor) return { results, paginationToken: cursor };
    }
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
