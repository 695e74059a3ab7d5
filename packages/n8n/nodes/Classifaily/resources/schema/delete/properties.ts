import { catalog } from '@classifaily/core';
import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty } from '../../../fields';
import { showFor } from '../shared';

export const deleteProperties: INodeProperties[] = [
  fieldProperty(catalog.fields.schemaId, { displayOptions: showFor('delete') }),
];
