import type { INodeProperties } from 'n8n-workflow';

import { getManyProperties } from './getMany';

// Phase 1 ships Get Many only; Create, Get and Delete follow with core's client.
export const schemaDescription: INodeProperties[] = [
  {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: ['schema'] } },
    options: [
      {
        name: 'Get Many',
        value: 'getAll',
        action: 'Get many schemas',
        description: 'List saved schemas (named category lists)',
      },
    ],
    default: 'getAll',
  },
  ...getManyProperties,
];
