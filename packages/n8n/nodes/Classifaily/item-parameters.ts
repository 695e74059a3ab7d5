import type { IExecuteFunctions, IGetNodeParameterOptions, INodeExecutionData } from 'n8n-workflow';

import { hasExpression, NOT_PLAIN, plainReader } from './plain-path';

/** A parameter's value for the item at an index. */
export type ItemParameter<T = unknown> = (itemIndex: number) => T;

/**
 * Reads a parameter for every item at the least cost that still gives n8n's own value (decision
 * 0207): once per run when it holds no expression; from the item itself when its expressions are
 * plain `$json` paths (plain-path.ts), falling back to n8n for an item whose value is not certain;
 * through n8n's `getNodeParameter` for the item otherwise.
 */
export function itemParameter<T = unknown>(
  context: IExecuteFunctions,
  items: INodeExecutionData[],
  name: string,
  fallback?: unknown,
  options?: IGetNodeParameterOptions,
): ItemParameter<T> {
  const evaluate = (itemIndex: number) =>
    context.getNodeParameter(name, itemIndex, fallback, options) as T;
  const raw = context.getNode().parameters[name];
  if (!hasExpression(raw)) return once(() => evaluate(0));
  const read = plainReader(raw);
  if (!read) return evaluate;
  return (itemIndex) => {
    const value = read(items[itemIndex]?.json);
    if (value === NOT_PLAIN) return evaluate(itemIndex);
    if (!options?.extractValue) return value as T;
    // A resource locator's "From List" and "By ID" modes carry the ID itself (n8n's extractValue
    // returns `value` for modes without an extraction rule); any other shape is left to n8n.
    const locator = value as { mode?: unknown; value?: unknown };
    return locator.mode === 'list' || locator.mode === 'id'
      ? (locator.value as T)
      : evaluate(itemIndex);
  };
}

/** The value, or the error, of the first read, for every item. */
function once<T>(read: () => T): ItemParameter<T> {
  let outcome: { value: T } | { error: unknown } | undefined;
  return () => {
    if (!outcome) {
      try {
        outcome = { value: read() };
      } catch (error) {
        outcome = { error };
      }
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  };
}
