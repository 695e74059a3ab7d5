import type { ClassificationOutput } from '@classifaily/core';
import { NodeOperationError, type INode } from 'n8n-workflow';

import { configuredOutputs, OUTPUT_LABELS, type OutputConfiguration } from './outputs';

/** Where a run's results go: the outputs the node declares, and the output of each result. */
export interface Routing {
  outputs: OutputConfiguration[];
  /** The output index for a result, or undefined when it is dropped (V2's Low-Confidence: Discard). */
  outputFor(result: ClassificationOutput): number | undefined;
}

const INSTEAD =
  'Type the category names in the list, or turn Route by Category off and route with a Switch node on the label and needs_review fields of the result.';

/** What the editor's hint and the failed run say when routing meets a category from an expression. */
export const ROUTING_NEEDS_TYPED_CATEGORIES = {
  hint: `Route by Category names one output after each category when you build the workflow, so a category from an expression cannot name an output, and the run will stop. ${INSTEAD}`,
  message: (position: number) =>
    `Route by Category needs the categories typed in, but category ${position} is an expression`,
  description: (expression: string) =>
    `Outputs are named after the categories when the workflow is built, so ${expression} cannot name one. ${INSTEAD}`,
};

const ONE_OUTPUT: Routing = { outputs: [{ type: 'main' }], outputFor: () => 0 };

/**
 * The node's outputs, computed from its saved parameters by the same function as the editor's
 * `outputs` expression, so that `execute` returns exactly the declared outputs. As an AI tool the
 * node has one output (n8n replaces them). Route by Category names its outputs after the typed
 * categories when the workflow is built, so a category given by an expression cannot be routed:
 * the run fails with what to do instead of sending every item to Needs Review.
 */
export function routing(node: INode): Routing {
  if (node.type.endsWith('Tool')) return ONE_OUTPUT;
  const outputs = configuredOutputs(node.parameters, OUTPUT_LABELS);
  if (outputs.length === 1) return ONE_OUTPUT;

  const { categories } = node.parameters;
  const typed: unknown[] = Array.isArray(categories) ? categories : [categories];
  const fromExpression = typed.findIndex((c) => typeof c === 'string' && c.startsWith('='));
  if (fromExpression >= 0) {
    throw new NodeOperationError(node, ROUTING_NEEDS_TYPED_CATEGORIES.message(fromExpression + 1), {
      description: ROUTING_NEEDS_TYPED_CATEGORIES.description(
        String(typed[fromExpression]).slice(1),
      ),
    });
  }

  const discard = outputs.length === typed.length;
  const names = outputs.slice(0, typed.length).map((o) => o.displayName);
  const review = discard ? undefined : outputs.length - 1;
  return {
    outputs,
    outputFor(result) {
      const byLabel = names.indexOf(result.label);
      // Below the threshold, or (never expected) a label that names no output.
      return result.needs_review || byLabel < 0 ? review : byLabel;
    },
  };
}
