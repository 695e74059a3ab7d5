/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions --
   test code, runs in Jest: it starts the n8n version's own Node on a helper script. */
// Property test of the node's plain reads (decision 0207): for generated items (missing fields,
// nulls, numbers, arrays, nested objects, keys with spaces, quotes, unicode and names n8n refuses)
// and generated parameter values (`={{ $json.… }}` paths in every spelling, lists mixing typed
// names and paths, resource locators), every value the node reads without n8n must be exactly the
// value n8n's own engine gives for that item; whatever the node leaves to n8n is n8n's by definition.
// n8n's side runs in the installed n8n of each pinned version, on its own Node, with the expression
// engine n8n starts by default (`vm`, isolated-vm), through test/harness/n8n-evaluate.mjs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import fc from 'fast-check';

import { NOT_PLAIN, plainReader } from '../../nodes/Classifaily/plain-path';
import { ensureN8n, n8nCacheRoot, n8nVersionsUnderTest } from '../harness/n8n';

const SEED = Number(process.env.CLASSIFAILY_PROPERTY_SEED ?? 20_260_116);
// Several item shapes per run, each with its items and parameter values.
const SHAPES = 8;
const ITEMS_PER_SHAPE = 25;
const PARAMETERS_PER_SHAPE = 80;

// Keys an item may have: ordinary, spaced, unicode, numeric, empty, quotes and braces, names n8n
// refuses or treats specially, and arbitrary strings (lone surrogates included).
const namedKeys = fc.constantFrom(
  'text',
  'body',
  'message',
  'cats',
  '_id',
  'a1',
  '$x',
  'class',
  'length',
  'first',
  '名前',
  'émoji 😀',
  'ключ',
  'a b',
  'a.b',
  '0',
  '1',
  '01',
  '',
  "it's",
  'say "hi"',
  '}}',
  '{{x',
  'constructor',
  'constructorName',
  '__proto__',
  'prototype',
  'toJSON',
  'isProxy',
  '__x',
  '$',
  'caller',
);
const keyArb = fc.oneof(
  { weight: 5, arbitrary: namedKeys },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);
const leaf = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);
const { value: jsonValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    {
      weight: 2,
      // Object.fromEntries defines own properties, so "__proto__" stays a plain key, as JSON.parse makes it.
      arbitrary: fc
        .array(fc.tuple(keyArb, tie('value')), { maxLength: 5 })
        .map((entries) => Object.fromEntries(entries)),
    },
  ),
}));

const MISSING = Symbol('missing');

/** Items the way workflows have them: one shape, each item varying it (missing, null, numbers…). */
function itemsLike(shape: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(shape))
    return fc.tuple(...shape.map(variant)).map((values) => values.filter((v) => v !== MISSING));
  if (shape !== null && typeof shape === 'object')
    return fc
      .tuple(
        ...Object.entries(shape).map(([key, child]) =>
          variant(child).map((v) => [key, v] as const),
        ),
      )
      .map((entries) => Object.fromEntries(entries.filter(([, v]) => v !== MISSING)));
  return fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }, leaf);
}

function variant(shape: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 8, arbitrary: itemsLike(shape) },
    { weight: 1, arbitrary: fc.constant(MISSING) },
    { weight: 1, arbitrary: jsonValue },
  );
}

const shapeArb = fc
  .array(fc.tuple(keyArb, jsonValue), { minLength: 2, maxLength: 8 })
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

/** Every path into the shape (keys and array indexes), for paths that mostly reach something. */
function pathsOf(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((child, index) => [index, child])
    : Object.entries(value);
  return [
    ...(prefix.length ? [prefix] : []),
    ...entries.flatMap(([key, child]) => pathsOf(child, [...prefix, key])),
  ];
}

/** Mostly a path into the shape, sometimes with a key or an index more, or any path at all. */
function pathArb(shape: unknown): fc.Arbitrary<Array<string | number>> {
  const known = pathsOf(shape);
  const extra = fc.oneof(keyArb, fc.integer({ min: 0, max: 3 }));
  const any = fc.array(extra, { minLength: 1, maxLength: 4 });
  if (!known.length) return any;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...known), extra).map(([p, e]) => [...p, e]) },
    { weight: 1, arbitrary: any },
  );
}

/** Writes a path the ways people and n8n's drag and drop write it. */
function spell(pathKeys: Array<string | number>, style: number): string {
  const body = pathKeys
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const choice = (style + i) % 3;
      if (choice === 0 && /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u.test(key)) return `.${key}`;
      return choice === 1 ? `['${key}']` : `["${key}"]`;
    })
    .join('');
  const [open, close] = [
    ['{{ ', ' }}'],
    ['{{', '}}'],
    ['{{  ', '}}'],
  ][style % 3]!;
  return `=${open}$json${body}${close}`;
}

function parameterArb(shape: unknown): fc.Arbitrary<unknown> {
  const expression = fc.tuple(pathArb(shape), fc.nat(8)).map(([keys, style]) => spell(keys, style));
  return fc.oneof(
    { weight: 6, arbitrary: expression },
    {
      weight: 2,
      arbitrary: fc.array(fc.oneof(expression, fc.constantFrom('billing', 'technical_bug')), {
        minLength: 1,
        maxLength: 4,
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('list', 'id'), expression)
        .map(([mode, value]) => ({ __rl: true, mode, value })),
    },
  );
}

interface Group {
  items: Array<Record<string, unknown>>;
  parameters: unknown[];
}

interface Evaluated {
  value?: unknown;
  undefined?: true;
  error?: string;
}

/** n8n's answers, from the installed version's own engine, in a child process on its own Node. */
function evaluateInN8n(
  version: string,
  nodeBinary: string,
  groups: Group[],
): { engine: string; results: Evaluated[][][] } {
  const child = spawnSync(
    nodeBinary,
    [path.join(__dirname, '..', 'harness', 'n8n-evaluate.mjs'), path.join(n8nCacheRoot(), version)],
    {
      input: JSON.stringify(groups),
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
      env: { ...process.env, N8N_EXPRESSION_ENGINE: 'vm' },
    },
  );
  if (child.status !== 0)
    throw new Error(
      `n8n-evaluate.mjs failed (exit ${child.status ?? child.signal}):\n${child.stderr}`,
    );
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

describe.each(n8nVersionsUnderTest())('plain reads against n8n %s', (version) => {
  it(
    'give exactly the value n8n gives, item by item, whenever they answer',
    async () => {
      const install = await ensureN8n(version);
      const groups = fc.sample(
        shapeArb.chain((shape) =>
          fc.record({
            items: fc.array(itemsLike(shape), {
              minLength: ITEMS_PER_SHAPE,
              maxLength: ITEMS_PER_SHAPE,
            }),
            parameters: fc.array(parameterArb(shape), {
              minLength: PARAMETERS_PER_SHAPE,
              maxLength: PARAMETERS_PER_SHAPE,
            }),
          }),
        ),
        { seed: SEED, numRuns: SHAPES },
      );
      // Through JSON, as items and parameter values travel between n8n's nodes.
      const cases = JSON.parse(JSON.stringify(groups)) as Group[];
      const n8n = evaluateInN8n(version, install.nodeBinary, cases);
      expect(n8n.engine).toBe('vm');

      let pairs = 0;
      let answered = 0;
      let answeredStrings = 0;
      const mismatches: string[] = [];
      cases.forEach(({ items, parameters }, g) =>
        parameters.forEach((raw, p) => {
          const read = plainReader(raw);
          items.forEach((json, i) => {
            pairs++;
            const ours = read ? read(json) : NOT_PLAIN;
            if (ours === NOT_PLAIN) return;
            answered++;
            if (typeof ours === 'string') answeredStrings++;
            const theirs = n8n.results[g]![p]![i]!;
            const same = 'value' in theirs && JSON.stringify(theirs.value) === JSON.stringify(ours);
            if (!same && mismatches.length < 10)
              mismatches.push(
                `${JSON.stringify(raw)} on ${JSON.stringify(json)}: ours ${JSON.stringify(ours)}, n8n ${JSON.stringify(theirs)}`,
              );
          });
        }),
      );
      expect(mismatches).toEqual([]);
      // Not vacuous: a good share of the generated reads is answered without n8n, strings included.
      expect(answered).toBeGreaterThan(pairs / 4);
      expect(answeredStrings).toBeGreaterThan(pairs / 10);
      process.stderr.write(
        `[n8n ${version}] plain reads: ${answered} of ${pairs} generated reads answered without n8n (${answeredStrings} strings), all equal to n8n's (seed ${SEED})\n`,
      );
    },
    40 * 60_000,
  );
});
