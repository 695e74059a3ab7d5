import { catalog } from '@classifaily/core';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

/** A schema operation: runs for one item. */
export type ItemOperation = (
  this: IExecuteFunctions,
  itemIndex: number,
) => Promise<INodeExecutionData[]>;

/** Shows a parameter for one schema operation. */
export const showFor = (operation: string, extra: IDataObject = {}) => ({
  show: { resource: ['schema'], operation: [operation], ...extra },
});

/** One output item, paired with its input item. */
export const one = (json: IDataObject, itemIndex: number): INodeExecutionData[] => [
  { json, pairedItem: { item: itemIndex } },
];

/** The picked schema's ID (From List or By ID). */
export function schemaIdAt(this: IExecuteFunctions, itemIndex: number): string {
  const id = this.getNodeParameter(catalog.fields.schemaId.key, itemIndex, '', {
    extractValue: true,
  });
  return String(id).trim();
}
