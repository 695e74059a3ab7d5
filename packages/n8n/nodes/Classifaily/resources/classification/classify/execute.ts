import {
  catalog,
  checkInput,
  parseCategoryList,
  presentResult,
  targetError,
  validationError,
  type BatchQueue,
  type BatchTarget,
  type ClassificationResult,
} from '@classifaily/core';
import {
  NodeOperationError,
  sleep,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
} from 'n8n-workflow';

import { categorySource } from '../../../category-source';
import { errorText, toNodeError } from '../../../errors';
import { nodeReplayKeys } from '../../../idempotency';
import { itemParameter } from '../../../item-parameters';
import { routing, type Routing } from '../../../routing';
import { classifailyClient } from '../../../transport';

const f = catalog.fields;
interface Options {
  batchSize?: number;
  concurrency?: number;
  rateLimitWait?: number;
  outputField?: string;
  reviewThreshold?: number;
}

type Outcome = { ok: true; result: ClassificationResult } | { ok: false; error: unknown };

/** An item ready to send: its text and what it is classified against. */
interface Prepared {
  input: string;
  target: BatchTarget;
}

/**
 * How long the loop preparing items runs before it lets the event loop turn, in ms: the batches it
 * has filled go out, and answers free their slots, while the next items are prepared.
 */
const YIELD_EVERY_MS = 5;

/**
 * Classifies every incoming item. Each item's text and target (categories or schema, and explain)
 * are read at the least cost (item-parameters.ts) and checked with core's rules; items with the
 * same target share batches (⌈n/batch size⌉ requests per target), sent with bounded concurrency
 * over all targets. Every result is merged into its own item; one bad item fails alone.
 *
 * Batches go out while later items are still being read (decision 0206), in both error modes,
 * and reading stays one round ahead of the sending (`queue.room()`, decision 0252): it fills the
 * next round's batches while a round is in flight, then waits, so that answers and sends never
 * wait behind reading that is not yet needed; and once an answer has freed a slot it lets the
 * event loop turn before reading on, so that the round's other answers and new sends go first
 * (`queue.answered()`, decision 0255).
 * Without "continue on fail" the first bad item stops the run: nothing after it is sent, nor the
 * partial batches before it; batches already in flight keep their answers, and the replay rule
 * bills them once when the fixed run sends them again (decision 0250, superseding 0208).
 */
export async function classify(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const source = categorySource(this.getNode());
  const route = routing(this.getNode());
  const stopOnError = !this.continueOnFail();
  const cancelled = this.getExecutionCancelSignal?.();
  const prepare = itemPreparer(this, items, source);

  const outcomes = new Array<Outcome>(items.length);
  const settled: Array<Promise<void>> = [];
  let queue: BatchQueue | undefined;
  let answerFailed = false;
  const send = async (index: number, item: Prepared) => {
    queue ??= await batchQueue.call(this, cancelled, stopOnError);
    settled.push(
      queue.add({ input: item.input }, item.target).then(
        (outcome) => {
          if (!outcome.ok && outcome.error.code !== 'not_sent') answerFailed = true;
          outcomes[index] = outcome.ok
            ? { ok: true, result: outcome.result }
            : { ok: false, error: outcome.error };
        },
        (error: unknown) => {
          answerFailed = true;
          outcomes[index] = { ok: false, error };
        },
      ),
    );
  };

  let lastYield = Date.now();
  let answered = 0;
  for (let index = 0; index < items.length && !cancelled?.aborted; index++) {
    // Stopping: a failed answer already stopped the queue; reading on would only cost time.
    if (stopOnError && answerFailed) break;
    let item: Prepared;
    try {
      item = prepare(index);
    } catch (error) {
      outcomes[index] = { ok: false, error };
      if (!stopOnError) continue;
      queue?.stop();
      break;
    }
    await send(index, item);
    // One round of batches waits for slots: read on once a slot takes one (decision 0252).
    if (queue) await queue.room();
    // Answers came in: the event loop turns before the next item, so that the round's other
    // answers, and the sends they start, are not held up by reading (decision 0255).
    const freed = queue?.answered() ?? 0;
    if (freed !== answered || Date.now() - lastYield >= YIELD_EVERY_MS) {
      answered = freed;
      await sleep(0);
      lastYield = Date.now();
    }
  }

  if (queue) await queue.flush();
  await Promise.all(settled);
  if (cancelled?.aborted) return route.outputs.map(() => []);
  return place.call(this, items, outcomes, route);
}

/**
 * Reads an item's text and target and checks them with core's rules (the same the queue applies),
 * so that a bad item fails here, before anything is sent.
 */
function itemPreparer(context: IExecuteFunctions, items: INodeExecutionData[], source: string) {
  const text = itemParameter(context, items, f.input.key);
  const explain = itemParameter<boolean>(context, items, f.explain.key, false);
  const categories = itemParameter(context, items, f.categories.key, []);
  const schema = itemParameter(context, items, f.schema.key, '', { extractValue: true });
  const targets = targetMemo();

  return (index: number): Prepared => {
    const input = textOf(text(index));
    const problem = checkInput(input);
    if (problem) {
      const error = validationError([problem], problem.code);
      if (problem.code !== 'input_missing') throw error;
      throw new NodeOperationError(context.getNode(), error.message, {
        description: `${f.input.label} is ${String(context.getNode().parameters[f.input.key]).replace(/^=/, '')}, which gives nothing for this item. Check the field name, or that the previous node outputs it.`,
        itemIndex: index,
      });
    }
    const target =
      source === 'schema'
        ? targets(undefined, String(schema(index)).trim(), explain(index))
        : targets(categories(index), undefined, explain(index));
    const refused = targetError(target);
    if (refused) throw refused;
    return { input: input as string, target };
  };
}

/** A number from an expression is classified as its text (42 → "42"); anything else is checked as it is. */
function textOf(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
}

/**
 * One target object per distinct (categories, schema, explain), so that a target read once per run
 * is parsed and checked once, and the queue looks its group up once.
 */
function targetMemo() {
  let last:
    { categories: unknown; schema?: string; explain: boolean; target: BatchTarget } | undefined;
  return (categories: unknown, schema: string | undefined, explain: boolean): BatchTarget => {
    if (
      last &&
      last.categories === categories &&
      last.schema === schema &&
      last.explain === explain
    )
      return last.target;
    const target: BatchTarget =
      schema === undefined
        ? { categories: categoryNames(categories), explain }
        : { schema, explain };
    last = { categories, schema, explain, target };
    return target;
  };
}

/**
 * Core's batch queue on the node's client, configured: the node's batch size and concurrency, the
 * replay rule's keys, rate limits waited out, the run's cancel signal, and — without "continue on
 * fail" — nothing more sent after the first failed item.
 */
async function batchQueue(
  this: IExecuteFunctions,
  cancelled: AbortSignal | undefined,
  stopOnFirstFailure: boolean,
): Promise<BatchQueue> {
  try {
    // Batch size and concurrency are the node's, not an item's: read from the first item.
    const nodeOptions = this.getNodeParameter('options', 0, {}) as Options;
    const client = await classifailyClient.call(this);
    return client.batchQueue({
      batchSize: nodeOptions.batchSize ?? Number(f.batchSize.default),
      concurrency: nodeOptions.concurrency ?? Number(f.concurrency.default),
      signal: cancelled,
      stopOnFirstFailure,
      // In queue mode every worker shares the key's limit: 429s are a normal state (0212, 0018).
      rateLimitWait: (nodeOptions.rateLimitWait ?? Number(f.rateLimitWait.default)) * 1000,
      idempotencyKeys: nodeReplayKeys(this).classification,
    });
  } catch (error) {
    // A key that cannot be a key, a base URL refused, a Batch Size out of range (from an
    // expression): every item fails with it, each with its item index.
    return {
      add: () => Promise.reject(error),
      flush: () => Promise.resolve(),
      stop: () => {},
      room: () => Promise.resolve(),
      answered: () => 0,
    };
  }
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
  route: Routing,
): INodeExecutionData[][] {
  const node = this.getNode();
  const outputs: INodeExecutionData[][] = route.outputs.map(() => []);
  const options = itemParameter<Options>(this, items, 'options', {});

  // Stopping at the first failed item in input order; items left unsent (or unread) because of it
  // are not it.
  const failed = outcomes.findIndex(
    (o) =>
      o !== undefined && !o.ok && (o.error as { code?: unknown } | undefined)?.code !== 'not_sent',
  );
  if (failed >= 0 && !this.continueOnFail()) {
    throw toNodeError(node, (outcomes[failed] as { error: unknown }).error, failed);
  }

  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const outcome = outcomes[index]!;
    const pairedItem = { item: index };
    if (!outcome.ok) {
      const error = toNodeError(node, outcome.error, index);
      // `{ error }` alone: n8n's error output recognises it and adds the input item's data.
      outputs[0]!.push({ json: { error: errorText(error) }, pairedItem });
      continue;
    }
    const { reviewThreshold, outputField } = options(index);
    const threshold = reviewThreshold ?? Number(f.reviewThreshold.default);
    const field = (outputField ?? '').trim() || String(f.outputField.default);
    const presented = presentResult(outcome.result, threshold);
    const json: IDataObject = { ...item.json, [field]: presented as unknown as IDataObject };
    const out: INodeExecutionData = {
      json,
      pairedItem,
      ...(item.binary ? { binary: item.binary } : {}),
    };
    const output = route.outputFor(presented);
    if (output !== undefined) outputs[output]!.push(out);
  }
  return outputs;
}
