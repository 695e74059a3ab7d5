import { catalog } from '@classifaily/core';
import {
  NodeConnectionTypes,
  NodeOperationError,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';

import { classifailyIcon } from '../icon';
import { errorText, toNodeError } from './errors';
import { searchSchemas } from './methods/listSearch';
import { outputsExpression } from './outputs';
import { classify, classifyProperties } from './resources/classification/classify';
import { schemaOperations, schemaProperties } from './resources/schema';
import { CREDENTIAL_TYPE } from './transport';

const classifyOp = catalog.operations.classify;

export class ClassifailyV1 implements INodeType {
  description: INodeTypeDescription = {
    displayName: catalog.service.name,
    name: 'classifaily',
    icon: classifailyIcon,
    group: ['transform'],
    description: catalog.service.description,
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    defaults: { name: catalog.service.name },
    // As an AI tool the node has one output (n8n replaces the outputs) and classifies the text
    // the agent gives it.
    usableAsTool: {
      replacements: {
        description: `${classifyOp.description} Results below the review threshold are marked needs_review.`,
      },
    },
    inputs: [NodeConnectionTypes.Main],
    outputs: outputsExpression,
    credentials: [{ name: CREDENTIAL_TYPE, required: true }],
    properties: [
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
      ...classifyProperties,
      ...schemaProperties,
    ],
  };

  methods = { listSearch: { searchSchemas } };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const resource = this.getNodeParameter('resource', 0) as string;
    const operation = this.getNodeParameter('operation', 0) as string;
    // Classification works on all items at once (batches); schema operations item by item.
    if (resource === 'classification' && operation === 'classify') return classify.call(this);

    const run = resource === 'schema' ? schemaOperations[operation] : undefined;
    if (!run) {
      throw new NodeOperationError(
        this.getNode(),
        `The operation "${operation}" of "${resource}" is not supported by this node version`,
      );
    }
    const items = this.getInputData();
    const returnData: INodeExecutionData[] = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        returnData.push(...(await run.call(this, itemIndex)));
      } catch (error) {
        const nodeError = toNodeError(this.getNode(), error, itemIndex);
        if (!this.continueOnFail()) throw nodeError;
        returnData.push({ json: { error: errorText(nodeError) }, pairedItem: { item: itemIndex } });
      }
    }
    return [returnData];
  }
}
