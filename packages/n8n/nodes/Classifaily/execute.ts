import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { errorText, toNodeError } from './errors';
import { searchSchemas } from './methods/listSearch';
import { classify } from './resources/classification/classify/execute';
import { schemaOperations } from './resources/schema';

/** The node's methods, the same in every version. */
export const methods = { listSearch: { searchSchemas } };

/** Runs the chosen operation: Classify on all items at once (batches), schema operations per item. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const resource = this.getNodeParameter('resource', 0) as string;
  const operation = this.getNodeParameter('operation', 0) as string;
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
