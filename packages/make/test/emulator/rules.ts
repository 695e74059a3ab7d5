// What neither Make's JSON schemas nor the product's `check` can see, because it needs the IML read:
// every expression parses in the evaluated subset and reads only what is declared where it stands;
// only search modules iterate, paginate or stop at a limit; a module outputs what its interface
// declares and its samples show only that; no connection parameter takes one of Make's own names.
import type { MakeApp, MakeParameter, MakeRequest } from '../../src/make-format';
import { expressionsOf, referencedPaths } from './iml';

export interface Violation {
  where: string;
  rule: string;
}

const RESPONSE_ROOTS = ['body', 'headers', 'statusCode'];

/** Parameter names Make uses itself on a connection; a parameter so named mirrors Make's value. */
const MAKE_RESERVED_CONNECTION_PARAMETERS = ['accountName', 'teamID'];

/** Every parameter, through array specs, collection specs and the nested fields of options. */
export function allParameters(params: readonly Partial<MakeParameter>[]): MakeParameter[] {
  const out: MakeParameter[] = [];
  const visit = (p: Partial<MakeParameter>) => {
    out.push(p as MakeParameter);
    if (Array.isArray(p.spec)) p.spec.forEach(visit);
    else if (p.spec) visit(p.spec);
    if (Array.isArray(p.options)) p.options.forEach((o) => o.nested?.forEach(visit));
  };
  params.forEach(visit);
  return out;
}

/** Names a communication may read as `parameters.<name>`: top level and nested under options. */
function topLevelNames(params: readonly MakeParameter[]): Set<string> {
  const names = new Set<string>();
  const visit = (p: MakeParameter) => {
    names.add(p.name);
    if (Array.isArray(p.options)) p.options.forEach((o) => o.nested?.forEach(visit));
  };
  params.forEach(visit);
  return names;
}

function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

interface RefScope {
  parameters?: Set<string>;
  connection?: Set<string>;
}

/** Every IML expression parses in our subset and reads only declared things. */
function checkReferences(where: string, request: object, scope: RefScope, out: Violation[]) {
  const iterating = Boolean((request as MakeRequest).response?.iterate);
  for (const [path, text] of strings(request, where)) {
    const inResponse = /\.(response|pagination)(\.|$)/.test(path);
    const inOutput = /\.response\.(output|metadata)(\.|$)/.test(path);
    for (const src of expressionsOf(text)) {
      let refs: string[][];
      try {
        refs = referencedPaths(src);
      } catch (e) {
        out.push({
          where: path,
          rule: `IML outside the evaluated subset: ${(e as Error).message}`,
        });
        continue;
      }
      for (const [root, name] of refs) {
        const ok =
          (root === 'parameters' && scope.parameters?.has(name ?? '')) ||
          (root === 'connection' && scope.connection?.has(name ?? '')) ||
          (inResponse && RESPONSE_ROOTS.includes(root!)) ||
          (root === 'item' && iterating && inOutput);
        if (!ok)
          out.push({
            where: path,
            rule: `{{${src}}} reads ${[root, name].filter(Boolean).join('.')}, which is not declared here`,
          });
      }
    }
  }
}

export function checkApp(app: MakeApp): Violation[] {
  const out: Violation[] = [];
  const connectionNames = new Set(app.connection.params.map((p) => p.name));
  checkReferences('base', app.base, { connection: connectionNames }, out);

  const c = app.connection;
  if (c.communication.response?.output !== undefined || c.communication.response?.iterate)
    out.push({ where: `connection ${c.id}`, rule: 'a connection has no output' });
  for (const p of c.params)
    if (MAKE_RESERVED_CONNECTION_PARAMETERS.includes(p.name))
      out.push({
        where: `connection ${c.id}`,
        rule: `parameter name ${p.name} is reserved by Make`,
      });
  checkReferences(`connection ${c.id}`, c.communication, { parameters: connectionNames }, out);

  for (const rpc of app.rpcs) {
    const scope = { parameters: topLevelNames(rpc.params), connection: connectionNames };
    checkReferences(`rpc ${rpc.id}`, rpc.communication, scope, out);
  }

  for (const m of app.modules) {
    const where = `module ${m.id}`;
    const params = [...m.staticParams, ...m.mappableParams];
    const scope = { parameters: topLevelNames(params), connection: connectionNames };
    checkReferences(where, m.communication, scope, out);
    const r = m.communication;
    if (m.moduleType !== 'search') {
      if (r.response?.iterate !== undefined)
        out.push({ where, rule: `${m.moduleType} module must not iterate` });
      if (r.pagination !== undefined)
        out.push({ where, rule: `${m.moduleType} module must not paginate` });
      if (r.response?.limit !== undefined)
        out.push({ where, rule: `${m.moduleType} module must not have a limit` });
    }
    // What the module outputs is what its interface declares, and its samples show only that.
    const declared = m.interface.map((f) => f.name).sort();
    const output = r.response?.output;
    if (output && typeof output === 'object') {
      const keys = Object.keys(output).sort();
      if (keys.join() !== declared.join())
        out.push({ where, rule: `output keys [${keys}] differ from the interface [${declared}]` });
    }
    for (const key of Object.keys(m.samples))
      if (!declared.includes(key))
        out.push({ where, rule: `sample key ${key} is not in the interface` });
  }
  return out;
}
