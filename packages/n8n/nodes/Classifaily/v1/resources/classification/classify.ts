import {
  catalog,
  createBatchQueue,
  parseCategoryList,
  presentResult,
  type BatchQueue,
  type BatchTarget,
  type ClassifailyClient,
  type ClassificationResult,
} from '@classifaily/core';
import {
  sleep,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
} from 'n8n-workflow';

import { batchSender } from '../../batch-sender';
import { errorText, toNodeError } from '../../errors';
import { fieldProperty } from '../../fields';
import { configuredOutputs, OUTPUT_LABELS } from '../../outputs';
import { classifailyClient } from '../../transport';

const f = catalog.fields;
const show = { resource: ['classification'], operation: ['classify'] };

export const classifyProperties: INodeProperties[] = [
  fieldProperty(f.input, { displayOptions: { show } }),
  fieldProperty(f.categorySource, { displayOptions: { show } }),
  fieldProperty(f.categories, { displayOptions: { show: { ...show, categorySource: ['list'] } } }),
  fieldProperty(f.schema, { displayOptions: { show: { ...show, categorySource: ['schema'] } } }),
  fieldProperty(f.explain, { displayOptions: { show } }),
  {
    displayName: 'Options',
    name: 'options',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    displayOptions: { show },
    options: [
      fieldProperty(f.batchSize),
      fieldProperty(f.concurrency),
      fieldProperty(f.outputField),
      fieldProperty(f.reviewThreshold),
      // Outputs are named at design time, from the typed list (decision 0203).
      fieldProperty(f.routeByCategory, {
        displayOptions: { show: { '/categorySource': ['list'] } },
      }),
    ],
  },
];

interface Options {
  batchSize?: number;
  concurrency?: number;
  outputField?: string;
  reviewThreshold?: number;
}

type Outcome = { ok: true; result: ClassificationResult } | { ok: false; error: unknown };

/**
 * How long the loop resolving items' parameters runs before it lets the event loop turn, in ms:
 * the batches it has filled go out, and answers free their slots, while the next items resolve.
 */
const YIELD_EVERY_MS = 5;

/**
 * Classifies every incoming item: each item's parameters are resolved in turn and the item is added
 * to core's batch queue with its target (categories or schema, and explain, all of which may be
 * per-item expressions). Items with the same target share batches (⌈n/batch size⌉ requests per
 * target); a batch goes out as soon as it is full, with bounded concurrency over all targets, while
 * the next items are still being resolved (n8n's expression evaluation is the node's main CPU cost).
 * Every result is merged into its own item; one bad item fails alone.
 */
export async function classify(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const outcomes = new Array<Outcome>(items.length);
  const settled: Array<Promise<void>> = [];
  let queue: BatchQueue | undefined;
  let lastYield = Date.now();

  for (let index = 0; index < items.length; index++) {
    let target: BatchTarget;
    let input: unknown;
    try {
      target = resolveTarget.call(this, index);
      input = this.getNodeParameter(f.input.key, index) as unknown;
    } catch (error) {
      outcomes[index] = { ok: false, error };
      continue;
    }
    queue ??= await batchQueue.call(this);
    // Core checks the text (empty, too long, not text) and the target, so that each fails alone.
    settled.push(
      queue.add({ input: input as string }, target).then(
        (outcome) => {
          outcomes[index] = outcome.ok
            ? { ok: true, result: outcome.result }
            : { ok: false, error: outcome.error };
        },
        (error: unknown) => {
          outcomes[index] = { ok: false, error };
        },
      ),
    );
    if (Date.now() - lastYield >= YIELD_EVERY_MS) {
      await sleep(0);
      lastYield = Date.now();
    }
  }

  if (queue) await queue.flush();
  await Promise.all(settled);
  return place.call(this, items, outcomes);
}

async function batchQueue(this: IExecuteFunctions): Promise<BatchQueue> {
  // Batch size and concurrency are the node's, not an item's: read from the first item.
  const nodeOptions = this.getNodeParameter('options', 0, {}) as Options;
  const client: ClassifailyClient = await classifailyClient.call(this);
  try {
    return createBatchQueue(batchSender.call(this, client), {
      batchSize: nodeOptions.batchSize ?? Number(f.batchSize.default),
      concurrency: nodeOptions.concurrency ?? Number(f.concurrency.default),
      signal: this.getExecutionCancelSignal?.(),
    });
  } catch (error) {
    // A Batch Size out of range (from an expression): every item fails with it, as before.
    return { add: () => Promise.reject(error), flush: () => Promise.resolve() };
  }
}

function resolveTarget(this: IExecuteFunctions, index: number): BatchTarget {
  const explain = this.getNodeParameter(f.explain.key, index, false) as boolean;
  const source = this.getNodeParameter(f.categorySource.key, index) as string;
  if (source === 'schema') {
    const schema = this.getNodeParameter(f.schema.key, index, '', { extractValue: true }) as string;
    return { schema: String(schema).trim(), explain };
  }
  const raw = this.getNodeParameter(f.categories.key, index, []) as unknown;
  return { categories: categoryNames(raw), explain };
}

/** The typed list as names: each entry may be a name, an expression giving a list, or lines. */
export function categoryNames(raw: unknown): string[] {
  const entries = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return parseCategoryList(
    entries.flatMap((entry: unknown) => (Array.isArray(entry) ? entry : [entry])).map(String),
  );
}

/** Puts each item on its output: the main one, or its category's / Needs Review when routing. */
function place(
  this: IExecuteFunctions,
  items: INodeExecutionData[],
  outcomes: Outcome[],
): INodeExecutionData[][] {
  const node = this.getNode();
  const asTool = node.type.endsWith('Tool');
  const declared = asTool
    ? [{ type: 'main' as const }]
    : configuredOutputs(node.parameters, OUTPUT_LABELS);
  const routing = declared.length > 1;
  const outputs: INodeExecutionData[][] = declared.map(() => []);
  const needsReviewOutput = declared.length - 1;
  const routeNames = declared.slice(0, -1).map((o) => o.displayName);

  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const outcome = outcomes[index]!;
    const pairedItem = { item: index };
    if (!outcome.ok) {
      const error = toNodeError(node, outcome.error, index);
      if (!this.continueOnFail()) throw error;
      // `{ error }` alone: n8n's error output recognises it and adds the input item's data.
      outputs[0]!.push({ json: { error: errorText(error) }, pairedItem });
      continue;
    }
    const options = this.getNodeParameter('options', index, {}) as Options;
    const threshold = options.reviewThreshold ?? Number(f.reviewThreshold.default);
    const field = (options.outputField ?? '').trim() || String(f.outputField.default);
    const presented = presentResult(outcome.result, threshold);
    const json: IDataObject = { ...item.json, [field]: presented as unknown as IDataObject };
    const out: INodeExecutionData = {
      json,
      pairedItem,
      ...(item.binary ? { binary: item.binary } : {}),
    };
    if (!routing) {
      outputs[0]!.push(out);
      continue;
    }
    const byLabel = routeNames.indexOf(presented.label);
    // Below the threshold, or a label no output is named after (categories given by expression).
    const target = presented.needs_review || byLabel < 0 ? needsReviewOutput : byLabel;
    outputs[target]!.push(out);
  }
  return outputs;
}
