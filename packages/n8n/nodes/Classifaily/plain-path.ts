// The parameter values the node can read for an item without n8n's expression engine (decision
// 0207): text, static values, and expressions that are nothing but a plain path into the item,
// `={{ $json.body.text }}` or `={{ $json["名前"][0] }}`, the way drag and drop writes them. n8n spends
// ~0.5 ms on each evaluation; reading the path costs microseconds.
//
// A read is only taken when its answer is certain: a string (or a list of strings) reached through
// own data properties of plain objects and arrays, under names n8n's sandbox lets through. Anything
// else (a missing field, a number, an object, a getter, `constructor`…) gives NOT_PLAIN, and the
// caller asks n8n (`getNodeParameter`), so the value is always the one n8n would give.
// test/runtime/plain-path.test.ts checks this against n8n's own evaluation, on every pinned version.

/** "Ask n8n": this value is not certain without its expression engine. */
export const NOT_PLAIN: unique symbol = Symbol('not a plain read');

/** Reads a parameter's value for one item's JSON, or NOT_PLAIN. */
export type PlainReader = (json: unknown) => unknown;

// `$json` then `.name` / `["key"]` / `['key']` / `[0]`, nothing else, inside one `={{ … }}`. Keys in
// brackets may hold any character but quotes, backslashes (escapes), braces (n8n's template
// delimiters) and line breaks.
const IDENTIFIER = String.raw`[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*`;
const SEGMENT = String.raw`\.${IDENTIFIER}|\["[^"\\{}\n\r\u2028\u2029]*"\]|\['[^'\\{}\n\r\u2028\u2029]*'\]|\[(?:0|[1-9][0-9]{0,8})\]`;
const WHOLE = new RegExp(String.raw`^=\{\{[ \t]*\$json((?:${SEGMENT})+)[ \t]*\}\}$`, 'u');
const SEGMENTS = new RegExp(SEGMENT, 'gu');

// Names n8n's sandbox refuses or treats specially, and every name it reserves; a superset is safe:
// a name listed here is simply left to n8n. `.constructor` anywhere in an expression is refused by
// n8n even inside a longer name or a string (its check is a regular expression on the text).
const LEFT_TO_N8N = new Set([
  '__proto__',
  'prototype',
  'constructor',
  'getPrototypeOf',
  'setPrototypeOf',
  'getOwnPropertyDescriptor',
  'getOwnPropertyDescriptors',
  'defineProperty',
  'defineProperties',
  'mainModule',
  'binding',
  '_linkedBinding',
  '_load',
  'prepareStackTrace',
  'caller',
  'callee',
  'arguments',
  'getBuiltinModule',
  'dlopen',
  'execve',
  'loadEnvFile',
  'isProxy',
  'toJSON',
  '$',
]);
const CONSTRUCTOR_CHECK = /\.\s*constructor/;

/** Strings longer than this are left to n8n (its VM engine has a memory limit; the API a length limit). */
const LONGEST_PLAIN_STRING = 1_000_000;

/** The keys of a plain `$json` path expression, or undefined for any other value. */
function parsePlainPath(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || CONSTRUCTOR_CHECK.test(value)) return undefined;
  const match = WHOLE.exec(value);
  if (!match) return undefined;
  const keys = [...match[1]!.matchAll(SEGMENTS)].map(([segment]) =>
    segment.startsWith('.') ? segment.slice(1) : segment.replace(/^\[["']?|["']?\]$/g, ''),
  );
  return keys.some((key) => LEFT_TO_N8N.has(key) || key.startsWith('__')) ? undefined : keys;
}

/**
 * A reader for a raw parameter value (as saved in the workflow), or undefined when some expression
 * in it is not a plain path, so that n8n must evaluate it for every item.
 */
export function plainReader(raw: unknown): PlainReader | undefined {
  if (typeof raw === 'string') {
    if (!raw.startsWith('=')) return () => raw;
    const path = parsePlainPath(raw);
    return path && ((json) => readPath(json, path));
  }
  if (Array.isArray(raw)) {
    const readers = raw.map(plainReader);
    if (!readers.every((reader): reader is PlainReader => reader !== undefined)) return undefined;
    return (json) => {
      const values: unknown[] = [];
      for (const read of readers) {
        const value = read(json);
        if (value === NOT_PLAIN) return NOT_PLAIN;
        values.push(value);
      }
      return values;
    };
  }
  if (raw !== null && typeof raw === 'object') {
    const entries = Object.entries(raw).map(([key, value]) => [key, plainReader(value)] as const);
    if (!entries.every((entry): entry is readonly [string, PlainReader] => entry[1] !== undefined))
      return undefined;
    return (json) => {
      const values: Record<string, unknown> = {};
      for (const [key, read] of entries) {
        const value = read(json);
        if (value === NOT_PLAIN) return NOT_PLAIN;
        values[key] = value;
      }
      return values;
    };
  }
  return () => raw;
}

/** True when the raw value holds an expression anywhere. */
export function hasExpression(raw: unknown): boolean {
  if (typeof raw === 'string') return raw.startsWith('=');
  if (raw !== null && typeof raw === 'object')
    return Object.values(raw as Record<string, unknown>).some(hasExpression);
  return false;
}

/** The string (or list of strings) at the path, or NOT_PLAIN when n8n's answer is not certain. */
function readPath(json: unknown, path: readonly string[]): unknown {
  let value = json;
  for (const key of path) {
    if (!isPlainContainer(value)) return NOT_PLAIN;
    const property = Object.getOwnPropertyDescriptor(value, key);
    if (!property || !('value' in property)) return NOT_PLAIN;
    value = property.value;
  }
  if (typeof value === 'string') return value.length <= LONGEST_PLAIN_STRING ? value : NOT_PLAIN;
  if (Array.isArray(value) && isDenseStringList(value)) return value;
  return NOT_PLAIN;
}

/** An array, or an object made by a literal or JSON.parse (in any realm): no class instances. */
function isPlainContainer(value: unknown): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function isDenseStringList(list: unknown[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const property = Object.getOwnPropertyDescriptor(list, i);
    if (!property || typeof property.value !== 'string') return false;
    if (property.value.length > LONGEST_PLAIN_STRING) return false;
  }
  return true;
}
