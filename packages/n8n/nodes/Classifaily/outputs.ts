import type { INodeParameters } from 'n8n-workflow';

import { catalog } from '@classifaily/core';

// Route by category: the node's outputs are computed from its parameters, the way n8n's Switch (V3)
// and Text Classifier nodes declare theirs. n8n evaluates `outputs` as an expression in the editor and
// at run time, so the function is stringified into it and must be self-contained: no imports, no
// helpers, no named inner functions (the bundler would add calls to them). What it needs from the
// catalog is passed in as JSON. test/unit checks the built expression on its own.

export interface OutputLabels {
  needsReview: string;
  defaultResource: string;
  defaultCategorySource: string;
}

export interface OutputConfiguration {
  type: 'main';
  displayName?: string;
}

export function configuredOutputs(
  parameters: INodeParameters,
  labels: OutputLabels,
): OutputConfiguration[] {
  const options = (parameters.options ?? {}) as {
    routeByCategory?: unknown;
    lowConfidence?: unknown;
  };
  const routing =
    (parameters.resource ?? labels.defaultResource) === 'classification' &&
    (parameters.categorySource ?? labels.defaultCategorySource) === 'list' &&
    options.routeByCategory === true;
  if (!routing) return [{ type: 'main' }];
  const categories = Array.isArray(parameters.categories)
    ? parameters.categories
    : parameters.categories === undefined
      ? []
      : [parameters.categories];
  const outputs: OutputConfiguration[] = categories.map((name) => ({
    type: 'main',
    displayName: String(name),
  }));
  // V2's "Low-Confidence Items: Discard" drops them instead of giving them an output.
  if (options.lowConfidence !== 'discard')
    outputs.push({ type: 'main', displayName: labels.needsReview });
  return outputs;
}

export const OUTPUT_LABELS: OutputLabels = {
  needsReview:
    catalog.operations.classify.outputFields.find((f) => f.key === 'needs_review')?.label ??
    'Needs Review',
  defaultResource: catalog.operations.classify.resource,
  defaultCategorySource: String(catalog.fields.categorySource.default),
};

/** The `outputs` expression of the node description. */
export const outputsExpression: `={{${string}}}` = `={{(${configuredOutputs.toString()})($parameter, ${JSON.stringify(OUTPUT_LABELS)})}}`;
