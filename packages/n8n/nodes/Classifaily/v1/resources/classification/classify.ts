import {
  catalog,
  parseCategoryList,
  presentResult,
  type ClassifailyClient,
  type ClassificationResult,
} from '@classifaily/core';
import type {
  IDataObject,
  IExecuteFunctions,
  INodeExecutionData,
  INodeProperties,
} from 'n8n-workflow';

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

/** What a group of items is classified against; items with the same target share batches. */
interface Target {
  categories?: string[];
  schema?: string;
  explain: boolean;
}

type Outcome = { ok: true; result: ClassificationResult } | { ok: false; error: unknown };

/**
 * Classifies every incoming item: items are grouped by what they are classified against (categories
 * or schema, and explain, all of which may be per-item expressions), each group goes through core's
 * classifyMany (⌈n/batch size⌉ requests, bounded concurrency, results in input order), and every
 * result is merged into its own item. One bad item fails alone.
 */
export async function classify(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const outcomes = new Array<Outcome>(items.length);
  const groups = new Map<
    string,
    { target: Target; members: Array<{ index: number; input: string }> }
  >();

  for (let index = 0; index < items.length; index++) {
    try {
      const target = resolveTarget.call(this, index);
      const input = this.getNodeParameter(f.input.key, index) as unknown;
      const key = JSON.stringify(target);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { target, members: [] }));
      // Core checks the text per item (empty, too long, not text) so that it fails alone.
      group.members.push({ index, input: input as string });
    } catch (error) {
      outcomes[index] = { ok: false, error };
    }
  }

  if (groups.size > 0) {
    // Batch size and concurrency are the node's, not an item's: read from the first item.
    const nodeOptions = this.getNodeParameter('options', 0, {}) as Options;
    const client: ClassifailyClient = await classifailyClient.call(this);
    for (const { target, members } of groups.values()) {
      try {
        const results = await client.classifyMany(
          {
            items: members.map(({ input }) => ({ input })),
            ...(target.schema ? { schema: target.schema } : { categories: target.categories }),
            explain: target.explain,
          },
          {
            batchSize: nodeOptions.batchSize ?? Number(f.batchSize.default),
            concurrency: nodeOptions.concurrency ?? Number(f.concurrency.default),
            signal: this.getExecutionCancelSignal?.(),
          },
        );
        for (const outcome of results) {
          const { index } = members[outcome.index]!;
          outcomes[index] = outcome.ok
            ? { ok: true, result: outcome.result }
            : { ok: false, error: outcome.error };
        }
      } catch (error) {
        // Something wrong with the group as a whole (its categories, say): each of its items fails.
        for (const { index } of members) outcomes[index] = { ok: false, error };
      }
    }
  }

  return place.call(this, items, outcomes);
}

function resolveTarget(this: IExecuteFunctions, index: number): Target {
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
