// Create "Classify Text": one text against a category list or a saved schema. The output holds the
// label, the confidence, needs_review (confidence below the review threshold) and every category's
// score as its own field (scores__billing), ready for Filters and Paths.
import { catalog, classifyOptionsOf, textOf, thresholdOf } from '@classifaily/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';

import { withClient } from '../client';
import { classifyInputFields, scoreFieldsFor } from '../classify-fields';
import { nounOf, toOutputFields } from '../fields';
import { classificationOutput, scores } from '../output';

const op = catalog.operations.classify;

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, op.key, async ({ client, keys }) => {
    const input = bundle.inputData;
    const threshold = thresholdOf(input);
    const body = { input: textOf(input[catalog.fields.input.key]), ...classifyOptionsOf(input) };
    const idempotencyKey = await keys.classification(body);
    const classification = await client.classify(body, { idempotencyKey });
    // Its classification id (Zapier's `id` for a create) is the result's own, else the answer's
    // top-level `id`, the one the vendor documents.
    return classificationOutput(classification.result, threshold, classification.id);
  });

export default defineCreate({
  key: op.key,
  noun: nounOf(op.resource),
  display: { label: op.label, description: op.thirdPersonDescription },
  operation: {
    inputFields: classifyInputFields(op),
    perform,
    sample: scores.flatten(op.sample),
    outputFields: [...toOutputFields(op.outputFields, { primary: ['id'] }), scoreFieldsFor(op)],
  },
});
