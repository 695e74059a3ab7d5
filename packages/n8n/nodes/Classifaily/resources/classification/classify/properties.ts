import { catalog } from '@classifaily/core';
import type { INodeProperties } from 'n8n-workflow';

import { fieldProperty } from '../../../fields';

const f = catalog.fields;
const show = { resource: ['classification'], operation: ['classify'] };

export const classifyProperties = (version: number): INodeProperties[] => [
  fieldProperty(f.input, { displayOptions: { show } }),
  fieldProperty(f.categorySource, { displayOptions: { show } }),
  fieldProperty(f.categories, { displayOptions: { show: { ...show, categorySource: ['list'] } } }),
  fieldProperty(f.schema, { displayOptions: { show: { ...show, categorySource: ['schema'] } } }),
  fieldProperty(f.explain, { displayOptions: { show } }),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show },
    options: [
      fieldProperty(f.batchSize),
      fieldProperty(f.concurrency),
      fieldProperty(f.rateLimitWait),
      fieldProperty(f.outputField),
      fieldProperty(f.reviewThreshold),
      // Outputs are named at design time, from the typed list (decision 0203).
      fieldProperty(f.routeByCategory, {
        displayOptions: { show: { '/categorySource': ['list'] } },
      }),
      // V2: what routing does with results below the threshold (its outputs depend on it).
      ...(version >= 2
        ? [
            fieldProperty(f.lowConfidence, {
              displayOptions: { show: { '/categorySource': ['list'], routeByCategory: [true] } },
            }),
          ]
        : []),
    ],
  },
  // V2, shown only on the AI tool: the tool-grade description an agent decides from.
  ...(version >= 2
    ? [
        fieldProperty(f.toolDescription, {
          displayOptions: { show: { ...show, '@tool': [true] } },
        }),
      ]
    : []),
];
