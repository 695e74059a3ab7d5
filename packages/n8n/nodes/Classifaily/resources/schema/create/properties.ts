import { catalog } from '@classifaily/core';
import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty } from '../../../fields';
import { showFor } from '../shared';

const f = catalog.fields;

/**
 * The parameter holding a new schema's categories: `categories` in V1, `schemaCategories` from V2
 * on, so that it no longer shares its name with Classify's list of a different type.
 */
export const schemaCategoriesParameter = (version: number) =>
  version >= 2 ? 'schemaCategories' : f.schemaCategories.key;

export const createProperties = (version: number): INodeProperties[] => [
  fieldProperty(f.schemaName, { displayOptions: showFor('create') }),
  fieldProperty(f.schemaCategories, {
    name: schemaCategoriesParameter(version),
    displayOptions: showFor('create'),
  }),
];
