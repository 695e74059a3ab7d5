// An evaluator for exactly the subset of IML (Make's expression language) that this generator emits,
// and nothing more:
//   - templates: literal text with `{{expression}}` parts; a string that is one expression keeps the
//     expression's type (number, boolean, object), as in Make;
//   - paths: `body.result.label`, `parameters.x`, `item.id`, with `[n]` array items counted from 1
//     (-1 the last), as in Make; no backticks;
//   - literals: numbers, 'single' or "double" quoted strings (no escapes), true, false, null, and
//     /regular expressions/flags as a function's argument;
//   - operators: `==` `!=` `<` `<=` `>` `>=` (strict, like Make), `&&` `||` `!`, and `+` (joins
//     strings, adds numbers);
//   - functions: `if(cond, a, b)` (without b: undefined), `ifempty(a, b)` (b when a is undefined,
//     null or ''), `encodeURL(text)` (one URL component), and for Classify Batch's chunks and keys
//     `slice` (from 0, as Make's), `map(array, key)` and `sha256(text)` (hex),
//     `toCollection(array, keyName, valueName)` (the universal module), and for the error messages
//     `get`, `length`, `contains`, `replace` (with a regular expression and $n), `parseNumber`,
//     `split`, `join`, `remove`, `deduplicate`, as Make's function reference describes them;
//   - the spread key `"{{...}}": "{{expr}}"` in an object, which merges the expression's object in
//     (Make's universal-module template);
//   - for the example scenario's aggregator: `/`, `ceil(x)` and paths rooted at a module number
//     (`2.__IMTINDEX__`).
// Anything else (other functions, other IML in object keys) is refused with an error, so a generator
// change that leaves the subset fails the tests instead of being evaluated wrongly.
// It is test code, not the product: Make's engine is the truth (decision 0404).

import { createHash } from 'node:crypto';

export type Scope = Record<string, unknown>;

type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'path'; parts: string[] }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: '!'; arg: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';
const text = (v: unknown) => (isEmpty(v) ? '' : String(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The functions of the subset, on evaluated arguments (`if` and `ifempty` are lazy, in evalNode). */
const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  ceil: (x) => Math.ceil(x as number),
  // Make: "Encodes special characters in a text to a valid URL address": one URL component.
  encodeURL: (v) => encodeURIComponent(text(v)),
  // Make: "slice (array; start; [end]) Returns a new array containing only selected items. The
  // first item in the array has an index of 0." (help.make.com, Array functions)
  slice: (v, start, end) => list(v).slice(start as number, end as number | undefined),
  // Make: "map (complex array; key) Returns a primitive array containing values of a complex array."
  map: (v, key) => list(v).map((e) => lookup(e as Scope, String(key).split('.'))),
  // Make: "sha256 (text; [encoding]; [key]) Calculates the sha256 hash of a string", hex by default.
  sha256: (v) => createHash('sha256').update(text(v), 'utf8').digest('hex'),
  toCollection: (array, key, value) =>
    Array.isArray(array)
      ? Object.fromEntries(
          array.map((e) => [String((e as Scope)[String(key)]), (e as Scope)[String(value)]]),
        )
      : undefined,
  get: (object, path) => lookup(object as Scope, String(path).split('.')),
  length: (v) => (Array.isArray(v) || typeof v === 'string' ? v.length : 0),
  contains: (v, part) => (Array.isArray(v) ? v.includes(part) : text(v).includes(text(part))),
  replace: (v, search, replacement) =>
    text(v).replace(search instanceof RegExp ? search : text(search), text(replacement)),
  parseNumber: (v) => Number.parseFloat(text(v)),
  split: (v, separator) => text(v).split(text(separator)),
  join: (v, separator) => list(v).map(text).join(text(separator)),
  remove: (v, ...values) => list(v).filter((e) => !values.includes(e)),
  deduplicate: (v) => [...new Set(list(v))],
};
const LAZY = new Set(['if', 'ifempty']);

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?(?![\w.]))|'([^']*)'|"([^"]*)"|((?:[A-Za-z_$][\w$]*|\d+)(?:\.[A-Za-z_$][\w$]*|\[-?\d+\])*)|(===|!==|==|!=|<=|>=|&&|\|\||[<>!+/(),=]))/y;
/** A regular expression literal, JavaScript's: `/`, not inside a class `[...]`, ends it. */
const REGEX = /\s*\/((?:[^/\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+)\/([gimsuy]*)/y;

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'regex'; v: RegExp }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    // A `/` starts a regular expression where a function's argument starts, else it divides.
    const last = tokens[tokens.length - 1];
    if (last?.t === 'op' && (last.v === '(' || last.v === ',')) {
      REGEX.lastIndex = pos;
      const r = REGEX.exec(src);
      if (r) {
        tokens.push({ t: 'regex', v: new RegExp(r[1]!, r[2]) });
        pos = REGEX.lastIndex;
        continue;
      }
    }
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m)
      throw new Error(`IML outside the supported subset at "${src.slice(pos)}" in {{${src}}}`);
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ t: 'str', v: m[2] });
    else if (m[3] !== undefined) tokens.push({ t: 'str', v: m[3] });
    else if (m[4] !== undefined) tokens.push({ t: 'id', v: m[4] });
    else tokens.push({ t: 'op', v: m[5]! });
  }
  return tokens;
}

const PRECEDENCE: Record<string, number> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '=': 3,
  '===': 3,
  '!=': 3,
  '!==': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '/': 6,
};

/** `body.errors[1].field` → ['body', 'errors', '[1]', 'field']. */
const pathParts = (path: string) => path.split(/\.|(?=\[)/);

/** Parses one expression (the text between `{{` and `}}`). */
function parse(src: string): Node {
  const tokens = tokenize(src);
  let i = 0;
  const peek = () => tokens[i];
  const expectOp = (v: string) => {
    const tok = tokens[i++];
    if (!tok || tok.t !== 'op' || tok.v !== v) throw new Error(`Expected "${v}" in {{${src}}}`);
  };

  const primary = (): Node => {
    const tok = tokens[i++];
    if (!tok) throw new Error(`Unexpected end of {{${src}}}`);
    if (tok.t === 'num' || tok.t === 'str' || tok.t === 'regex')
      return { kind: 'literal', value: tok.v };
    if (tok.t === 'op' && tok.v === '!') return { kind: 'unary', op: '!', arg: primary() };
    if (tok.t === 'op' && tok.v === '(') {
      const inner = expression(0);
      expectOp(')');
      return inner;
    }
    if (tok.t === 'id') {
      if (tok.v === 'true' || tok.v === 'false')
        return { kind: 'literal', value: tok.v === 'true' };
      if (tok.v === 'null') return { kind: 'literal', value: null };
      const next = peek();
      if (next?.t === 'op' && next.v === '(') {
        if (!(tok.v in FUNCTIONS) && !LAZY.has(tok.v))
          throw new Error(`IML function ${tok.v}() is not in the subset`);
        i++;
        const args: Node[] = [];
        if (!(peek()?.t === 'op' && (peek() as Token).v === ')')) {
          for (;;) {
            args.push(expression(0));
            const sep = tokens[i++];
            if (sep?.t === 'op' && sep.v === ')') break;
            if (!(sep?.t === 'op' && sep.v === ',')) throw new Error(`Expected "," in {{${src}}}`);
          }
        } else i++;
        return { kind: 'call', name: tok.v, args };
      }
      return { kind: 'path', parts: pathParts(tok.v) };
    }
    throw new Error(`Unexpected "${String(tok.v)}" in {{${src}}}`);
  };

  const expression = (minPrec: number): Node => {
    let left = primary();
    for (;;) {
      const tok = peek();
      if (!tok || tok.t !== 'op') break;
      const prec = PRECEDENCE[tok.v];
      if (prec === undefined || prec <= minPrec) break;
      i++;
      left = { kind: 'binary', op: tok.v, left, right: expression(prec) };
    }
    return left;
  };

  const node = expression(0);
  if (i !== tokens.length) throw new Error(`Unexpected trailing tokens in {{${src}}}`);
  return node;
}

function lookup(scope: Scope, parts: string[]): unknown {
  let value: unknown = scope;
  for (const part of parts) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    const index = /^\[(-?\d+)\]$/.exec(part);
    if (index) {
      // Make counts array items from 1; -1 is the last.
      if (!Array.isArray(value)) return undefined;
      const n = Number(index[1]);
      value = n < 0 ? value[value.length + n] : value[n - 1];
    } else value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function evalNode(node: Node, scope: Scope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'path':
      return lookup(scope, node.parts);
    case 'unary':
      return !evalNode(node.arg, scope);
    case 'call': {
      const [a, b, c] = node.args;
      // Without an else, a false condition gives nothing (undefined): a body key left out.
      if (node.name === 'if')
        return evalNode(a!, scope) ? evalNode(b!, scope) : c && evalNode(c, scope);
      if (node.name === 'ifempty') {
        const first = evalNode(a!, scope);
        return isEmpty(first) ? evalNode(b!, scope) : first;
      }
      return FUNCTIONS[node.name]!(...node.args.map((arg) => evalNode(arg, scope)));
    }
    case 'binary': {
      if (node.op === '&&') return evalNode(node.left, scope) && evalNode(node.right, scope);
      if (node.op === '||') return evalNode(node.left, scope) || evalNode(node.right, scope);
      const l = evalNode(node.left, scope) as never;
      const r = evalNode(node.right, scope) as never;
      switch (node.op) {
        case '==':
        case '=':
        case '===':
          return l === r;
        case '!=':
        case '!==':
          return l !== r;
        case '<':
          return l < r;
        case '<=':
          return l <= r;
        case '>':
          return l > r;
        case '>=':
          return l >= r;
        case '/':
          return (l as number) / (r as number);
        case '+':
          return typeof l === 'string' || typeof r === 'string'
            ? `${l ?? ''}${r ?? ''}`
            : (l as number) + (r as number);
      }
    }
  }
  throw new Error('unreachable');
}

const MUSTACHE = /\{\{([\s\S]*?)\}\}/g;

/** Every expression in a template string, in order. */
export function expressionsOf(template: string): string[] {
  return [...template.matchAll(MUSTACHE)].map((m) => m[1]!);
}

/** The variable paths an expression reads, such as ['body', 'result', 'label']. */
export function referencedPaths(src: string): string[][] {
  const out: string[][] = [];
  const walk = (node: Node): void => {
    if (node.kind === 'path') out.push(node.parts);
    else if (node.kind === 'call') node.args.forEach(walk);
    else if (node.kind === 'unary') walk(node.arg);
    else if (node.kind === 'binary') {
      walk(node.left);
      walk(node.right);
    }
  };
  walk(parse(src));
  return out;
}

export function evaluateExpression(src: string, scope: Scope): unknown {
  return evalNode(parse(src), scope);
}

/**
 * Evaluates a template string. One whole `{{expr}}` keeps its value's type; mixed text gives a
 * string, where an undefined or null part is empty. `encode` is applied to each expression's text
 * (Make encodes what IML puts into a URL).
 */
export function evaluateTemplate(
  template: string,
  scope: Scope,
  encode: (s: string) => string = (s) => s,
): unknown {
  const whole = /^\{\{([\s\S]*?)\}\}$/.exec(template);
  if (whole && !whole[1]!.includes('}}')) {
    const value = evaluateExpression(whole[1]!, scope);
    return typeof value === 'string' ? encode(value) : value;
  }
  return template.replace(MUSTACHE, (_m, src: string) => {
    const value = evaluateExpression(src, scope);
    return value === undefined || value === null ? '' : encode(String(value));
  });
}

/**
 * Evaluates every string in a JSON structure. Keys are literal, but for the spread key `{{...}}`,
 * whose object is merged in; a key whose value comes out undefined is dropped, as Make drops it
 * from a request.
 */
export function evaluateDeep(value: unknown, scope: Scope): unknown {
  if (typeof value === 'string') return evaluateTemplate(value, scope);
  if (Array.isArray(value)) return value.map((v) => evaluateDeep(v, scope));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const evaluated = evaluateDeep(v, scope);
      if (key === '{{...}}') {
        if (evaluated !== undefined && (typeof evaluated !== 'object' || Array.isArray(evaluated)))
          throw new Error(
            `The spread {{...}} needs a collection, got ${JSON.stringify(evaluated)}`,
          );
        Object.assign(out, evaluated);
      } else if (key.includes('{{')) {
        throw new Error(`IML in an object key (${key}) is not in the subset`);
      } else if (evaluated !== undefined) out[key] = evaluated;
    }
    return out;
  }
  return value;
}
