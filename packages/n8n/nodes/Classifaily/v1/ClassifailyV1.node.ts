import {
  NodeConnectionTypes,
  NodeOperationError,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeType,
  type INodeTypeDescription,
} from 'n8n-workflow';

import { classifailyIcon } from '../icon';
import { toNodeError } from './errors';
import { schemaDescription } from './resources/schema';
import { getMany as getManySchemas } from './resources/schema/getMany';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;

// resource -> operation -> implementation. Phase 2 adds the Classification resource and the
// remaining schema operations here.
const operations: Record<string, Record<string, Operation>> = {
  schema: { getAll: getManySchemas },
};

export class ClassifailyV1 implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Classifaily',
    name: 'classifaily',
    icon: classifailyIcon,
    group: ['transform'],
    description: 'Classify text into your categories with Classifaily',
    version: 1,
    subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
    defaults: { name: 'Classifaily' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'classifailyApi', required: true }],
    properties: [
      {
        displayName: 'Resource',
        name: 'resource',
        type: 'options',
        noDataExpression: true,
        options: [{ name: 'Schema', value: 'schema' }],
        default: 'schema',
      },
      ...schemaDescription,
    ],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const returnData: INodeExecutionData[] = [];

    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
      try {
        const resource = this.getNodeParameter('resource', itemIndex) as string;
        const operation = this.getNodeParameter('operation', itemIndex) as string;
        const run = operations[resource]?.[operation];
        if (!run) {
          throw new NodeOperationError(
            this.getNode(),
            `The operation "${operation}" of "${resource}" is not supported by this node version`,
            { itemIndex },
          );
        }
        returnData.push(...(await run.call(this, itemIndex)));
      } catch (error) {
        if (this.continueOnFail()) {
          returnData.push({
            json: { error: toNodeError(this.getNode(), error, itemIndex).message },
            pairedItem: { item: itemIndex },
          });
          continue;
        }
        throw toNodeError(this.getNode(), error, itemIndex);
      }
    }

    return [returnData];
  }
}
