// Create "Classify Batch": line items (text + reference) classified with core's classifyMany —
// 25 per request, up to 10 requests at a time (chosen in code to fit Zapier's 30 s: client.ts), so
// 500 lines take two rounds of requests. The output is line items in input order, each a result
// or its own error. The step succeeds only when every line is final (core's batchShortfall).
import {
  batchItemsOf,
  batchShortfall,
  catalog,
  classifyOptionsOf,
  failureText,
  MESSAGES,
  positionOf,
  thresholdOf,
  validationError,
} from '@classifaily/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';

import { BATCH_QUEUE, withClient } from '../client';
import { classifyInputFields, scoreFieldsFor } from '../classify-fields';
import { toZapierError } from '../errors';
import { nounOf, toOutputFields } from '../fields';
import { itemOutput, scores } from '../output';

const op = catalog.operations.classifyBatch;
/** The line-item group's key in the output. */
const RESULTS_KEY = 'results';

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, op.key, async ({ client, keys, deadline }) => {
    const input = bundle.inputData;
    const threshold = thresholdOf(input);
    const items = batchItemsOf(input[catalog.fields.items.key]);
    const outcomes = await client.classifyMany(
      { items, ...classifyOptionsOf(input) },
      // Each batch with its replay-stable key: a re-run sends the same batches under the same keys.
      { ...BATCH_QUEUE, deadline, idempotencyKeys: keys.classification },
    );
    // A line that is not final fails the step: core judges and words it, Zapier's error says it.
    const shortfall = batchShortfall(outcomes);
    if (shortfall) throw toZapierError(z, shortfall.error, shortfall.outcome, shortfall.message);
    return { [RESULTS_KEY]: outcomes.map((outcome) => itemOutput(outcome, threshold)) };
  });

const prefix = `${RESULTS_KEY}[]`;

/** A classified line and a line refused for its own input: every output field appears. */
const { index: sampleIndex, ...classifiedLine } = scores.flatten(op.sample);
const sample = {
  [RESULTS_KEY]: [
    { position: positionOf(Number(sampleIndex)), ...classifiedLine },
    {
      position: positionOf(1),
      reference: 'ticket-2',
      error: failureText(
        validationError([
          {
            field: catalog.fields.itemInput.key,
            code: 'input_empty',
            message: MESSAGES.inputEmpty,
          },
        ]),
        'zapier',
      ),
    },
  ],
};

export default defineCreate({
  key: op.key,
  noun: nounOf(op.resource),
  display: { label: op.label, description: op.thirdPersonDescription },
  operation: {
    inputFields: classifyInputFields(op),
    perform,
    sample,
    outputFields: [
      // Line items use `position` (1-based, as people count) where the catalog has `index`.
      ...toOutputFields(op.outputFields, { prefix, rename: { index: 'position' } }),
      scoreFieldsFor(op, prefix),
    ],
  },
});
