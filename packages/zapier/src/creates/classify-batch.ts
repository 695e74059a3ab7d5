// Create "Classify Batch": line items (text + reference) classified with core's classifyMany —
// 25 per request, up to 10 requests at a time (chosen in code to fit Zapier's 30 s: client.ts), so
// 500 lines take two rounds of requests. The output is line items in input order, each a result
// or its own error. The step succeeds only when every line is final (batch-step.ts).
import {
  catalog,
  checkInput,
  MESSAGES,
  positionOf,
  validationError,
  type ManyItem,
} from '@classifaily/core';
import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';

import { batchStepError } from '../batch-step';
import { BATCH_QUEUE, withClient } from '../client';
import { classifyInputFields, scoreFieldsFor } from '../classify-fields';
import { describeFailure } from '../errors';
import { nounOf, toOutputFields } from '../fields';
import { booleanOf, targetOf, textOf, thresholdOf } from '../inputs';
import { itemOutput, sampleOutput } from '../output';

const op = catalog.operations.classifyBatch;
const F = catalog.fields;
/** The line-item group's key in the output. */
const RESULTS_KEY = 'results';

function itemsOf(input: Record<string, unknown>): ManyItem[] {
  const lines = Array.isArray(input[F.items.key]) ? (input[F.items.key] as unknown[]) : [];
  // A list of plain texts mapped onto Items itself has no Text to Classify in any line: say where
  // the texts go instead of classifying nothing.
  const plain = lines.findIndex((line) => !line || typeof line !== 'object');
  if (plain !== -1)
    throw refused(
      'item_not_a_line',
      `Line ${plain + 1} of ${F.items.label} is a plain value, not a line with a ${F.itemInput.label}. Map your texts into the ${F.itemInput.label} field of ${F.items.label}, one text per line.`,
    );
  const items = lines.map((line): ManyItem => {
    const record = (line && typeof line === 'object' ? line : {}) as Record<string, unknown>;
    const reference = textOf(record[F.itemReference.key]);
    return {
      input: textOf(record[F.itemInput.key]),
      ...(reference === '' ? {} : { id: reference }),
    };
  });
  if (items.length === 0) throw refused('batch_empty', MESSAGES.batchEmpty);
  // Every line empty is a mapping that gave nothing (a field name mistyped), not N bad texts.
  const blank = (item: ManyItem) =>
    ['input_empty', 'input_missing'].includes(checkInput(item.input)?.code ?? '');
  if (items.every(blank))
    throw refused(
      'batch_no_text',
      `${items.length === 1 ? 'The line' : `All ${items.length} lines`} of ${F.items.label} ${items.length === 1 ? 'has' : 'have'} an empty ${F.itemInput.label}. Check what is mapped into ${F.itemInput.label}: the previous step may name that field differently.`,
    );
  return items;
}

/** The whole step refused before anything is sent, naming Items. */
const refused = (code: string, message: string) =>
  validationError([{ field: F.items.key, code, message }], code);

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, op.key, async ({ client, keys, deadline }) => {
    const input = bundle.inputData;
    const threshold = thresholdOf(input);
    const items = itemsOf(input);
    const outcomes = await client.classifyMany(
      { items, ...targetOf(input), ...(booleanOf(input[F.explain.key]) ? { explain: true } : {}) },
      // Each batch with its replay-stable key: a re-run sends the same batches under the same keys.
      { ...BATCH_QUEUE, deadline, idempotencyKeys: keys.classification },
    );
    const failure = batchStepError(z, outcomes);
    if (failure) throw failure;
    return { [RESULTS_KEY]: outcomes.map((outcome) => itemOutput(outcome, threshold)) };
  });

/** Line items use `position` (1-based, as people count) where the catalog has `index`. */
const RENAME = { index: 'position' };
const prefix = `${RESULTS_KEY}[]`;

/** A classified line and a line refused for its own input: every output field appears. */
const { index: sampleIndex, ...classifiedLine } = sampleOutput(op.sample);
const sample = {
  [RESULTS_KEY]: [
    { position: positionOf(Number(sampleIndex)), ...classifiedLine },
    {
      position: positionOf(1),
      reference: 'ticket-2',
      error: describeFailure(
        validationError([
          { field: F.itemInput.key, code: 'input_empty', message: MESSAGES.inputEmpty },
        ]),
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
      ...toOutputFields(op.outputFields, { prefix, rename: RENAME }),
      scoreFieldsFor(op, prefix),
    ],
  },
});
