import { catalog } from '@classifaily/core';
import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty } from '../../../fields';
import { showFor } from '../shared';

export const getProperties: INodeProperties[] = [
  fieldProperty(catalog.fields.schemaId, { displayOptions: showFor('get') }),
];
