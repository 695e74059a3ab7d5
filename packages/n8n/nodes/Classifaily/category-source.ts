import { catalog } from '@classifaily/core';
import { NodeOperationError, type INode } from 'n8n-workflow';

const field = catalog.fields.categorySource;
const choices = field.options.map((option) => option.label).join(' or ');

/**
 * Categories From as saved, checked before anything is read or sent. It takes no expression, so
 * when a workflow is imported (or written by an AI builder) with one, n8n strips its `=`, hides
 * Categories and Schema and drops them: the leftover text must not be read as "a list" and fail
 * every item with "give at least 2 categories".
 */
export function categorySource(node: INode): string {
  const value = node.parameters[field.key] ?? field.default;
  if (field.options.some((option) => option.value === value)) return value as string;
  const shown = typeof value === 'string' ? value.replace(/^=/, '') : JSON.stringify(value);
  throw new NodeOperationError(
    node,
    `${field.label} must be ${choices}, but it is ${shown || 'empty'}`,
    {
      description: `${field.label} cannot be an expression. Open the node, choose ${choices} in ${field.label}, then fill in the categories or pick the schema again: n8n hides and drops them while ${field.label} holds anything else.`,
    },
  );
}
