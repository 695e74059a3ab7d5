// The example scenarios under docs/examples/ (*.blueprint.json), held to the generated app:
// - every one names only what the checked-in app has: each Classifaily module under the app id of
//   makecomapp.json's origin, only its own parameters and fields, option values it offers, and
//   reads (`{{2.needs_review}}`) only fields of that module's interface;
// - the long list (decision 0405): Iterator → Array aggregator grouped by ⌈position / 25⌉ →
//   Classify Batch; run here, 60 tickets take 3 calls and come out as 60 bundles, in order;
// - the schema scenario: Create, Get, Make an API Call (GET /v1/schemas?limit=10, a raw page that
//   holds the new schema), Delete, List, run in order;
// - the triage scenario: Classify Text → Router; run here, every ticket takes exactly one route,
//   the sure ones their label's, everything else (unsure, or a label with no lane) the review lane.
// The aggregator's grouping, the mappings and the route filters are evaluated with the test
// emulator's IML; the Classifaily modules run against the sandbox.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LIMITS, SAMPLE_CATEGORIES } from '@classifaily/core';
import { generatedFiles } from '../src/generate';
import type { MakeModule, MakeParameter } from './emulator/make-format';
import {
  allParameters,
  evaluateDeep,
  evaluateTemplate,
  expressionsOf,
  readApp,
  runModule,
} from './emulator';
import { useApi } from './helpers/api';
import { devApp } from './helpers/apps';

interface Condition {
  a: string;
  o: string;
  b?: unknown;
}
interface FlowModule {
  id: number;
  module: string;
  version?: number;
  parameters: Record<string, unknown>;
  mapper: Record<string, unknown> | null;
  filter?: { name: string; conditions: Condition[][] };
  routes?: { flow: FlowModule[] }[];
}
interface Blueprint {
  name: string;
  flow: FlowModule[];
}

const EXAMPLES = path.join(__dirname, '../../../docs/examples');
const blueprints = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.blueprint.json'))
  .sort()
  .map((file) => ({
    file,
    blueprint: JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as Blueprint,
  }));
const byFile = (file: string) => blueprints.find((b) => b.file === file)!.blueprint;

/** Every module of a flow, routes included, in order. */
const modulesOf = (flow: FlowModule[]): FlowModule[] =>
  flow.flatMap((m) => [m, ...(m.routes ?? []).flatMap((route) => modulesOf(route.flow))]);

const app = readApp(path.join(__dirname, '..', 'app'));
const { origins } = JSON.parse(String(generatedFiles().get('makecomapp.json')));
const APP_PREFIX = `app#${origins[0].appId}:`;
const appModule = (m: FlowModule): MakeModule | undefined =>
  m.module.startsWith(APP_PREFIX)
    ? app.modules.find((candidate) => `${APP_PREFIX}${candidate.id}` === m.module)
    : undefined;

it('has the examples the Make guide links to', () => {
  expect(blueprints.map((b) => b.file)).toEqual([
    'make-classify-long-list.blueprint.json',
    'make-schemas-and-api-call.blueprint.json',
    'make-triage-review-lane.blueprint.json',
  ]);
});

it('covers every module of the app, as Make’s review asks of test scenarios', () => {
  const used = new Set(
    blueprints.flatMap(({ blueprint }) => modulesOf(blueprint.flow).map((m) => appModule(m)?.id)),
  );
  expect(app.modules.map((m) => m.id).filter((id) => !used.has(id))).toEqual([]);
});

describe.each(blueprints)('$file names only what the app has', ({ blueprint }) => {
  const modules = modulesOf(blueprint.flow);
  const classifaily = modules.filter((m) => m.module.startsWith('app#'));

  it('uses Classifaily modules of the app, under the app id of its origin', () => {
    expect(classifaily.length).toBeGreaterThan(0);
    for (const m of classifaily) {
      expect(m.module.startsWith(APP_PREFIX)).toBe(true);
      expect(appModule(m)).toBeDefined();
      expect(m.version).toBe(1);
    }
  });

  it("sets only each module's parameters, with values the app offers", () => {
    for (const m of classifaily) {
      const spec = appModule(m)!;
      expect(Object.keys(m.parameters).sort()).toEqual(
        ['__IMTCONN__', ...spec.staticParams.map((p) => p.name)].sort(),
      );
      const params = new Map(allParameters(spec.mappableParams).map((p) => [p.name, p]));
      for (const [name, value] of Object.entries(m.mapper ?? {})) {
        const param = params.get(name);
        expect({ module: m.id, name, known: param !== undefined }).toEqual({
          module: m.id,
          name,
          known: true,
        });
        if (
          param!.type === 'select' &&
          Array.isArray(param!.options) &&
          !String(value).startsWith('{{')
        )
          expect(param!.options.map((o) => o.value)).toContain(value);
      }
      for (const param of spec.mappableParams.filter((p) => p.required))
        expect(Object.keys(m.mapper ?? {})).toContain(param.name);
    }
  });

  it("reads only fields of a Classifaily module's interface, and fills only its parameters", () => {
    const ids = new Map(classifaily.map((m) => [m.id, appModule(m)!]));
    const texts = modules.flatMap((m) => [
      ...Object.values(m.parameters),
      ...Object.values(m.mapper ?? {}),
      ...(m.filter?.conditions.flat().flatMap((c) => [c.a, c.b]) ?? []),
    ]);
    const reads = texts
      .filter((t): t is string => typeof t === 'string')
      .flatMap((t) => expressionsOf(t))
      .flatMap((expression) => [...expression.matchAll(/\b(\d+)\.([A-Za-z_]\w*)/g)])
      .filter(([, id]) => ids.has(Number(id)));
    for (const [read, id, field] of reads) {
      const fields = ids.get(Number(id))!.interface.map((f) => f.name);
      expect({ read, known: fields.includes(field!) }).toEqual({ read, known: true });
    }
    // An aggregator's target is a parameter of the module it fills ("4.items").
    for (const m of modules.filter((m) => typeof m.parameters.target === 'string')) {
      const [id, name] = String(m.parameters.target).split('.');
      const target = ids.get(Number(id));
      expect(target && allParameters(target.mappableParams).map((p) => p.name)).toContain(name);
    }
  });
});

describe('run on the sandbox', () => {
  const { connection } = useApi('none');
  const dev = devApp();

  it('the long list: 60 tickets take 3 calls of at most 25, 60 bundles in order', async () => {
    const [, iterator, aggregator, batch] = byFile('make-classify-long-list.blueprint.json')
      .flow as [FlowModule, FlowModule, FlowModule, FlowModule];
    expect(aggregator.parameters).toMatchObject({
      feeder: iterator.id,
      target: `${batch.id}.items`,
      groupBy: `{{ceil(${iterator.id}.__IMTINDEX__ / ${LIMITS.batchMaxItems})}}`,
    });
    const items = appModule(batch)!.mappableParams.find((p) => p.name === 'items')!;
    const itemFields = ((items.spec as MakeParameter).spec as MakeParameter[]).map((p) => p.name);
    expect(Object.keys(aggregator.mapper ?? {}).sort()).toEqual(itemFields.sort());

    const tickets = Array.from({ length: 60 }, (_, i) => ({
      id: `ticket-${i + 1}`,
      text: i % 2 ? 'I was charged twice this month.' : 'The export button crashes the app.',
    }));
    // The Iterator's bundles carry the item's fields and Make's 1-based position.
    const bundles = tickets.map((t, i) => ({ ...t, __IMTINDEX__: i + 1, __IMTLENGTH__: 60 }));
    const groups = new Map<unknown, unknown[]>();
    for (const bundle of bundles) {
      const scope = { [iterator.id]: bundle };
      const key = evaluateTemplate(String(aggregator.parameters.groupBy), scope);
      groups.set(key, [...(groups.get(key) ?? []), evaluateDeep(aggregator.mapper, scope)]);
    }
    expect([...groups.values()].map((g) => g.length)).toEqual([25, 25, 10]);

    const out: Record<string, unknown>[] = [];
    for (const array of groups.values()) {
      const parameters = evaluateDeep(batch.mapper, { [aggregator.id]: { array } });
      const { bundles: results, requests } = await runModule(dev, appModule(batch)!.id, {
        connection,
        parameters: parameters as Record<string, unknown>,
      });
      expect(requests).toHaveLength(1);
      out.push(...results);
    }
    expect(out.map((b) => b.reference)).toEqual(tickets.map((t) => t.id));
    expect(out.every((b) => SAMPLE_CATEGORIES.includes(b.label as string))).toBe(true);
  });

  it('the triage scenario: each ticket takes exactly one route; the unsure and the unrouted go to review', async () => {
    const [, classify, router] = byFile('make-triage-review-lane.blueprint.json').flow as [
      FlowModule,
      FlowModule,
      FlowModule,
    ];
    const routes = router.routes!.map((route) => route.flow[0]!);
    // The review lane is the last route; the others each take one label, when the result is sure.
    const lanes = routes.slice(0, -1).map((route) => {
      const label = route.filter!.conditions[0]!.find((c) => c.a === `{{${classify.id}.label}}`);
      return { name: route.filter!.name, label: label!.b };
    });
    const review = routes.at(-1)!.filter!.name;

    const tickets = [
      'I was charged twice for my subscription this month, please refund me.',
      'The app crashes with an error every time I upload a file.',
      'I cannot log in - the password reset email never arrives.',
      'It would be great if you could add a dark mode.',
      'My invoice shows the wrong company name.',
      'Hello?',
    ].map((text, i) => ({ id: `T-${i + 1}`, text }));
    const taken: string[] = [];
    for (const ticket of tickets) {
      const parameters = evaluateDeep(classify.mapper, { 1: ticket });
      const { bundles } = await runModule(dev, appModule(classify)!.id, {
        connection,
        parameters: parameters as Record<string, unknown>,
      });
      const scope = { 1: ticket, [classify.id]: bundles[0]! };
      const matching = routes.filter((route) => passes(route.filter!.conditions, scope));
      expect({ ticket: ticket.id, routes: matching.length }).toEqual({
        ticket: ticket.id,
        routes: 1,
      });
      const result = bundles[0] as { label: string; needs_review: boolean };
      const lane = lanes.find((l) => l.label === result.label);
      expect(matching[0]!.filter!.name).toBe(!result.needs_review && lane ? lane.name : review);
      taken.push(matching[0]!.filter!.name);
    }
    // Every route is exercised: each sure label, and review both for an unsure result and for a
    // sure label without a lane (feature_request).
    expect(new Set(taken)).toEqual(new Set([...lanes.map((l) => l.name), review]));
  });
});

describe('run on the sandbox: the schema scenario', () => {
  const { connection } = useApi('none');
  const dev = devApp();

  it('creates, gets, lists it through Make an API Call, deletes, then lists: each module once, in order', async () => {
    const flow = byFile('make-schemas-and-api-call.blueprint.json').flow;
    const scope: Record<string, unknown> = { 1: { name: 'Support triage', request_id: 'req-7' } };
    const ran: string[] = [];
    for (const m of flow.slice(1)) {
      const parameters = evaluateDeep(m.mapper, scope) as Record<string, unknown>;
      const { bundles } = await runModule(dev, appModule(m)!.id, {
        connection,
        parameters,
      });
      scope[m.id] = bundles[0];
      ran.push(`${appModule(m)!.id}:${bundles.length}`);
    }
    expect(ran).toEqual([
      'createSchema:1',
      'getSchema:1',
      'makeAnApiCall:1',
      'deleteSchema:1',
      'listSchemas:0',
    ]);
    expect(scope[3]).toMatchObject({ name: 'Support triage' });
    // The raw page, as the API sends it: the schema just created is on it.
    const page = scope[4] as {
      statusCode: number;
      body: { object: string; data: { id: string }[] };
    };
    expect(page).toMatchObject({ statusCode: 200, body: { object: 'list' } });
    expect(page.body.data.map((s) => s.id)).toContain((scope[2] as { id: string }).id);
    expect(scope[5]).toMatchObject({ deleted: true });
  });
});

/** Make's filter: OR of groups, each an AND of conditions, with the operators the examples use. */
function passes(conditions: Condition[][], scope: Record<string, unknown>): boolean {
  return conditions.some((group) =>
    group.every(({ a, o, b }) => {
      const left = evaluateTemplate(a, scope);
      const right = typeof b === 'string' ? evaluateTemplate(b, scope) : b;
      switch (o) {
        case 'text:equal':
          return String(left ?? '') === String(right ?? '');
        case 'text:notequal':
          return String(left ?? '') !== String(right ?? '');
        case 'boolean:equal':
          return String(left) === String(right);
        default:
          throw new Error(`The example uses the operator ${o}, which this test does not evaluate.`);
      }
    }),
  );
}
