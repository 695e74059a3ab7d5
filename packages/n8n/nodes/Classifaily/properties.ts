import { catalog } from '@classifaily/core';
import type { INodeProperties, NodeHint } from 'n8n-workflow';

import { classifyProperties } from './resources/classification/classify/properties';
import { schemaProperties } from './resources/schema';
import { ROUTING_NEEDS_TYPED_CATEGORIES } from './routing';

const classifyOp = catalog.operations.classify;

/**
 * The parameters of one version of the node (each version's class holds the rest of its
 * description, as n8n's lint expects). V2 renames the schema's category list (`schemaCategories`,
 * so that no two parameters share the name `categories`), adds Low-Confidence Items to routing,
 * and carries the tool description when used as an AI tool (decision 0209).
 */
export function nodeProperties(version: number): INodeProperties[] {
  return [
    {
      displayName: 'Resource',
      name: 'resource',
      type: 'options',
      noDataExpression: true,
      options: [
        { name: 'Classification', value: 'classification' },
        { name: 'Schema', value: 'schema' },
      ],
      default: 'classification',
    },
    {
      displayName: 'Operation',
      name: 'operation',
      type: 'options',
      noDataExpression: true,
      displayOptions: { show: { resource: ['classification'] } },
      options: [
        {
          name: classifyOp.action,
          value: 'classify',
          action: classifyOp.label,
          description: classifyOp.description,
        },
      ],
      default: 'classify',
    },
    ...classifyProperties(version),
    ...schemaProperties(version),
  ];
}

/** The editor's warning when Route by Category meets a category from an expression. */
export const nodeHints: NodeHint[] = [
  {
    message: ROUTING_NEEDS_TYPED_CATEGORIES.hint,
    type: 'warning',
    location: 'ndv',
    whenToDisplay: 'always',
    displayCondition:
      '={{ $parameter.categorySource !== "schema" && $parameter.options?.routeByCategory === true && [].concat($parameter.categories ?? []).some((c) => String(c).startsWith("=")) }}',
  },
];
