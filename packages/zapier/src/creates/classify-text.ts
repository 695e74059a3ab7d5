// Create "Classify Text": one text against a category list or a saved schema. The output holds the
// label, the confidence, needs_review (confidence below the review threshold) and every category's
// score as its own field (scores__billing), ready for Filters and Paths.
import { catalog } from '@classifaily/core';
import {
  defineCreate,
  type Bundle,
  type InputFields,
  type OutputFields,
  type ZObject,
} from 'zapier-platform-core';

import { withClient } from '../client';
import { classifyInputFields, scoreFieldsFor } from '../classify-fields';
import { nounOf, toOutputFields } from '../fields';
import { booleanOf, targetOf, thresholdOf } from '../inputs';
import { classificationOutput, flattenScores } from '../output';

const op = catalog.operations.classify;
const F = catalog.fields;

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, async (client) => {
    const input = bundle.inputData;
    const threshold = thresholdOf(input);
    const classification = await client.classify({
      input: input[F.input.key] as string,
      ...targetOf(input),
      ...(booleanOf(input[F.explain.key]) ? { explain: true } : {}),
    });
    // The result carries its classification id (Zapier's `id` for a create), as batch items do.
    return classificationOutput(classification.result, threshold);
  });

export default defineCreate({
  key: op.key,
  noun: nounOf(op.resource),
  display: { label: op.label, description: op.description },
  operation: {
    inputFields: classifyInputFields(op) as InputFields,
    perform,
    sample: flattenScores(
      op.sample as typeof catalog.operations.classify.sample & { scores: Record<string, number> },
    ),
    outputFields: [...toOutputFields(op.outputFields), scoreFieldsFor(op)] as OutputFields,
  },
});
