import { LIMITS } from '@classifaily/core';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { toNodeError } from '../errors';
import { classifailyClient } from '../transport';

/**
 * The schema picker: one page of saved schemas per call (n8n asks for the next page with the
 * token as the user scrolls), filtered by the search text on name or ID.
 */
export async function searchSchemas(
  this: ILoadOptionsFunctions,
  filter?: string,
  paginationToken?: string,
): Promise<INodeListSearchResult> {
  try {
    const client = await classifailyClient.call(this);
    const page = await client.schemas.list({
      limit: LIMITS.schemaListMaxLimit,
      ...(paginationToken ? { cursor: paginationToken } : {}),
    });
    const needle = filter?.trim().toLowerCase() ?? '';
    const results = page.data
      .filter((s) => !needle || s.name.toLowerCase().includes(needle) || s.id.includes(needle))
      .map((s) => ({
        name: s.name,
        value: s.id,
        description: s.categories.map((c) => c.name).join(', '),
      }));
    return {
      results,
      paginationToken: page.has_more ? (page.next_cursor ?? undefined) : undefined,
    };
  } catch (error) {
    throw toNodeError(this.getNode(), error);
  }
}
