// Create "Classify Batch": line items (text + reference) classified with core's classifyMany —
// 25 per request, 4 requests at a time by default, so 100 lines take one round of requests inside
// Zapier's 30 s. The output is line items in input order, each a result or its own error.
// The whole step fails only when no line could be classified for a reason that concerns the whole
// request: then a ThrottledError (every chunk was rate-limited) lets Zapier re-run it later, and a
// 401 asks the user to reconnect. Otherwise failed lines carry their error and the rest go on.
import {
  catalog,
  ClassifailyError,
  MESSAGES,
  RateLimitError,
  validationError,
  type ManyItem,
  type ManyOutcome,
} from '@classifaily/core';
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
import { booleanOf, numberOf, targetOf, thresholdOf } from '../inputs';
import { flattenScores, itemOutput } from '../output';

const op = catalog.operations.classifyBatch;
const F = catalog.fields;
/** The line-item group's key in the output. */
export const RESULTS_KEY = 'results';

function itemsOf(input: Record<string, unknown>): ManyItem[] {
  const lines = Array.isArray(input[F.items.key]) ? (input[F.items.key] as unknown[]) : [];
  const items = lines.map((line): ManyItem => {
    const record = (line && typeof line === 'object' ? line : {}) as Record<string, unknown>;
    const text = record[F.itemInput.key];
    const reference = record[F.itemReference.key];
    const item: ManyItem = { input: typeof text === 'string' ? text : String(text ?? '') };
    if (reference !== undefined && reference !== null && String(reference) !== '')
      item.id = String(reference);
    return item;
  });
  if (items.length === 0) {
    throw validationError(
      [{ field: F.items.key, code: 'batch_empty', message: MESSAGES.batchEmpty }],
      'batch_empty',
    );
  }
  return items;
}

/** A failure of the whole request (status, connection, timeout), as opposed to one bad line. */
const concernsRequest = (error: ClassifailyError) => error.status !== undefined || error.retryable;

/** The error to fail the step with, when no line succeeded and every failure was request-wide. */
export function wholeStepFailure(outcomes: readonly ManyOutcome[]): ClassifailyError | undefined {
  const errors = outcomes.map((outcome) => (outcome.ok ? undefined : outcome.error));
  if (errors.length === 0 || errors.some((e) => e === undefined || !concernsRequest(e)))
    return undefined;
  const failures = errors as ClassifailyError[];
  if (failures.every((e) => e instanceof RateLimitError)) {
    // Wait as long as the slowest chunk was told to.
    return failures.reduce((a, b) =>
      ((b as RateLimitError).retryAfterMs ?? 0) > ((a as RateLimitError).retryAfterMs ?? 0) ? b : a,
    );
  }
  return failures.find((e) => !(e instanceof RateLimitError));
}

const perform = (z: ZObject, bundle: Bundle) =>
  withClient(z, bundle, async (client) => {
    const input = bundle.inputData;
    const threshold = thresholdOf(input);
    const items = itemsOf(input);
    const outcomes = await client.classifyMany(
      { items, ...targetOf(input), ...(booleanOf(input[F.explain.key]) ? { explain: true } : {}) },
      {
        batchSize: Math.floor(numberOf(input[F.batchSize.key], F.batchSize)),
        concurrency: Math.floor(numberOf(input[F.concurrency.key], F.concurrency)),
      },
    );
    const failure = wholeStepFailure(outcomes);
    if (failure) throw failure;
    return { [RESULTS_KEY]: outcomes.map((outcome) => itemOutput(outcome, threshold)) };
  });

const prefix = `${RESULTS_KEY}[]`;
const sample: Record<string, unknown> = {
  [RESULTS_KEY]: [flattenScores(op.sample as { scores: Record<string, number> })],
};

export default defineCreate({
  key: op.key,
  noun: nounOf(op.resource),
  display: { label: op.label, description: op.description },
  operation: {
    inputFields: classifyInputFields(op) as InputFields,
    perform,
    sample,
    outputFields: [
      ...toOutputFields(op.outputFields, { prefix }),
      scoreFieldsFor(op, prefix),
    ] as OutputFields,
  },
});
