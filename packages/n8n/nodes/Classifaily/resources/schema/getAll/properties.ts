import { catalog } from '@classifaily/core';
import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty } from '../../../fields';
import { showFor } from '../shared';

const f = catalog.fields;

export const getAllProperties: INodeProperties[] = [
  fieldProperty(f.returnAll, { displayOptions: showFor('getAll') }),
  fieldProperty(f.limit, { displayOptions: showFor('getAll', { returnAll: [false] }) }),
];
