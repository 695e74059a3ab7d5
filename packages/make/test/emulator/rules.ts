// The app's rules that Make's JSON schemas cannot say. The product's `check` holds a folder to what
// the generator writes (decision 0404); these hold the generator to the rules:
// - the key is safe: base and connection sanitize the Authorization header from Make's logs, and the
//   universal module's URL starts with the connection's base URL (a path, never another host);
// - references hold: ids follow Make's rules, `rpc://` options name an RPC of the app, every module
//   is in exactly one group and groups name only modules;
// - and what needs the IML read: every expression parses in the evaluated subset and reads only what
//   is declared where it stands; only search modules iterate, paginate or stop at a limit; a module
//   outputs what its interface declares and its samples show only that; no connection parameter
//   takes one of Make's own names.
import type { MakeApp, MakeBase, MakeParameter, MakeRequest } from './make-format';
import { expressionsOf, referencedPaths } from './iml';

export interface Violation {
  where: string;
  rule: string;
}

const RESPONSE_ROOTS = ['body', 'headers', 'statusCode'];

/** Make's id rules (vscode-apps-sdk `validate-id.ts`). */
const ID_RULES = {
  module: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/,
  rpc: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/,
  connection: /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/,
};
const SANITIZED = 'request.headers.authorization';

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
  /** The app's common data, readable everywhere. */
  common: Set<string>;
  /** What response.temp (of base, or of the request itself) works out, readable in the response. */
  temp: Set<string>;
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
          (root === 'common' && scope.common.has(name ?? '')) ||
          (inResponse && RESPONSE_ROOTS.includes(root!)) ||
          (inResponse && root === 'temp' && scope.temp.has(name ?? '')) ||
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

/** The key's safety and the references between components. */
function checkSafetyAndReferences(app: MakeApp, out: Violation[]) {
  const ids = [
    ['connection', app.connection.id],
    ...app.rpcs.map((r) => ['rpc', r.id]),
    ...app.modules.map((m) => ['module', m.id]),
  ] as [keyof typeof ID_RULES, string][];
  for (const [type, id] of ids)
    if (!ID_RULES[type].test(id))
      out.push({ where: `${type} ${id}`, rule: 'not an id Make accepts' });
  const logged: [string, { log?: { sanitize?: string[] } }][] = [
    ['base', app.base],
    [`connection ${app.connection.id}`, app.connection.communication],
  ];
  for (const [where, request] of logged)
    if (!request.log?.sanitize?.includes(SANITIZED))
      out.push({ where, rule: `log.sanitize lacks ${SANITIZED}` });
  for (const m of app.modules) {
    for (const p of allParameters([...m.staticParams, ...m.mappableParams]))
      if (typeof p.options === 'string' && !app.rpcs.some((r) => `rpc://${r.id}` === p.options))
        out.push({ where: `module ${m.id}`, rule: `${p.options} names no RPC of the app` });
    if (m.moduleType === 'universal' && !m.communication.url.startsWith(app.base.baseUrl))
      out.push({
        where: `module ${m.id}`,
        rule: "a universal module's URL must start with the base URL",
      });
    const groups = app.groups.filter((g) => g.modules.includes(m.id)).length;
    if (groups !== 1)
      out.push({ where: `module ${m.id}`, rule: `in ${groups} groups, not exactly one` });
  }
  for (const id of app.groups.flatMap((g) => g.modules))
    if (!app.modules.some((m) => m.id === id))
      out.push({ where: 'groups', rule: `${id} is not a module` });
}

export function checkApp(app: MakeApp): Violation[] {
  const out: Violation[] = [];
  checkSafetyAndReferences(app, out);
  const connectionNames = new Set(app.connection.params.map((p) => p.name));
  const common = new Set(Object.keys(app.common));
  const temp = (...requests: (MakeRequest | MakeBase | undefined)[]) =>
    new Set(requests.flatMap((r) => Object.keys(r?.response?.temp ?? {})));
  const inherited = (request: MakeRequest) => ({ common, temp: temp(app.base, request) });
  checkReferences(
    'base',
    app.base,
    { connection: connectionNames, common, temp: temp(app.base) },
    out,
  );

  const c = app.connection;
  if (c.communication.response?.output !== undefined || c.communication.response?.iterate)
    out.push({ where: `connection ${c.id}`, rule: 'a connection has no output' });
  for (const p of c.params)
    if (MAKE_RESERVED_CONNECTION_PARAMETERS.includes(p.name))
      out.push({
        where: `connection ${c.id}`,
        rule: `parameter name ${p.name} is reserved by Make`,
      });
  const own = { common, temp: temp(c.communication) };
  checkReferences(
    `connection ${c.id}`,
    c.communication,
    { parameters: connectionNames, ...own },
    out,
  );

  for (const rpc of app.rpcs) {
    const scope = {
      parameters: topLevelNames(rpc.params),
      connection: connectionNames,
      ...inherited(rpc.communication),
    };
    checkReferences(`rpc ${rpc.id}`, rpc.communication, scope, out);
  }

  for (const m of app.modules) {
    const where = `module ${m.id}`;
    const params = [...m.staticParams, ...m.mappableParams];
    const scope = {
      parameters: topLevelNames(params),
      connection: connectionNames,
      ...inherited(m.communication),
    };
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
