// Make's format rules, as far as this app can break them, checked over the in-memory app and its
// files. `classifaily-make check` and the tests run them; each violation names the file part at
// fault. The JSON Schema (make-format.schema.json) checks shapes; these check what a schema cannot.
import {
  MAKE_ERROR_TYPES,
  MAKE_ID_PATTERNS,
  MAKE_PARAMETER_TYPES,
  MAKE_RESERVED_CONNECTION_PARAMETERS,
  type MakeApp,
  type MakeErrorDirective,
  type MakeInterfaceField,
  type MakeParameter,
  type MakeRequest,
  type MakecomappJson,
} from './make-format';
import { expressionsOf, referencedPaths } from './iml/evaluate';
import { MAKECOMAPP } from './layout';

export interface Violation {
  where: string;
  rule: string;
}

const BODY_METHODS = ['POST', 'PUT', 'PATCH'];
const RESPONSE_ROOTS = ['body', 'headers', 'statusCode'];

/** Every parameter, through array specs, collection specs and the nested fields of options. */
export function allParameters(
  params: readonly (MakeParameter | MakeInterfaceField)[],
): (MakeParameter | MakeInterfaceField)[] {
  const out: (MakeParameter | MakeInterfaceField)[] = [];
  const visit = (p: MakeParameter | MakeInterfaceField | Omit<MakeParameter, 'name'>) => {
    out.push(p as MakeParameter);
    const spec = (p as MakeParameter).spec;
    if (Array.isArray(spec)) spec.forEach(visit);
    else if (spec) visit(spec);
    const options = (p as MakeParameter).options;
    if (Array.isArray(options)) options.forEach((o) => o.nested?.forEach(visit));
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

/** Checks that every IML expression parses in our subset and reads only declared things. */
function checkReferences(
  where: string,
  request: MakeRequest | object,
  scope: RefScope,
  out: Violation[],
) {
  const req = request as MakeRequest & Record<string, unknown>;
  const iterating = Boolean(req.response?.iterate);
  for (const [path, text] of strings(req, where)) {
    const inResponse = /\.(response|pagination)(\.|$)/.test(path);
    const inOutput = /\.response\.output(\.|$)/.test(path) || /\.response\.metadata/.test(path);
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

function checkParams(
  where: string,
  params: readonly (MakeParameter | MakeInterfaceField)[],
  out: Violation[],
) {
  for (const p of allParameters(params)) {
    if (!(MAKE_PARAMETER_TYPES as readonly string[]).includes(p.type))
      out.push({
        where,
        rule: `parameter ${p.name ?? '(element)'} has type ${p.type}, not a Make type`,
      });
  }
}

function checkErrors(where: string, directive: MakeErrorDirective | undefined, out: Violation[]) {
  if (!directive) return;
  const specs = [
    directive,
    ...Object.entries(directive)
      .filter(([k]) => /^\d{3}$/.test(k))
      .map(([, v]) => v),
  ];
  for (const spec of specs) {
    const type = typeof spec === 'object' ? spec.type : undefined;
    if (type && !(MAKE_ERROR_TYPES as readonly string[]).includes(type))
      out.push({ where, rule: `error type ${type} is not one of Make's` });
  }
}

function checkRequest(where: string, request: MakeRequest | MakeRequest[], out: Violation[]) {
  for (const r of Array.isArray(request) ? request : [request]) {
    const method = String(r.method);
    // A method from IML may be any of them: then a body must be there too.
    if ((BODY_METHODS.includes(method) || method.includes('{{')) && r.body === undefined)
      out.push({ where, rule: `${method} request without a body` });
    if ('timeout' in r) out.push({ where, rule: 'timeout belongs in base only' });
    checkErrors(where, r.response?.error, out);
  }
}

const SANITIZED = 'request.headers.authorization';

export function checkApp(app: MakeApp, files?: Map<string, string>): Violation[] {
  const out: Violation[] = [];
  const connectionNames = new Set(app.connection.params.map((p) => p.name));

  // Base: the one place for timeout; the key never logged.
  if (typeof app.base.timeout !== 'number' || app.base.timeout < 1 || app.base.timeout > 300000)
    out.push({ where: 'base', rule: 'timeout must be 1..300000 ms' });
  if (!app.base.log.sanitize.includes(SANITIZED))
    out.push({ where: 'base', rule: `log.sanitize lacks ${SANITIZED}` });
  checkErrors('base', app.base.response.error, out);
  checkReferences('base', app.base, { connection: connectionNames }, out);

  // Connection: one request, no output; reserved names avoided; the key never logged.
  const c = app.connection;
  if (!MAKE_ID_PATTERNS.connection.test(c.id))
    out.push({ where: `connection ${c.id}`, rule: 'id does not match Make’s pattern' });
  if (Array.isArray(c.communication))
    out.push({ where: `connection ${c.id}`, rule: 'a connection makes a single request' });
  if (
    c.communication.response?.output !== undefined ||
    c.communication.response?.iterate !== undefined
  )
    out.push({ where: `connection ${c.id}`, rule: 'a connection has no output' });
  if (!c.communication.log?.sanitize.includes(SANITIZED))
    out.push({ where: `connection ${c.id}`, rule: `log.sanitize lacks ${SANITIZED}` });
  for (const p of c.params)
    if ((MAKE_RESERVED_CONNECTION_PARAMETERS as readonly string[]).includes(p.name))
      out.push({
        where: `connection ${c.id}`,
        rule: `parameter name ${p.name} is reserved by Make`,
      });
  checkParams(`connection ${c.id}`, c.params, out);
  checkRequest(`connection ${c.id}`, c.communication, out);
  checkReferences(`connection ${c.id}`, c.communication, { parameters: connectionNames }, out);

  for (const rpc of app.rpcs) {
    const where = `rpc ${rpc.id}`;
    if (!MAKE_ID_PATTERNS.rpc.test(rpc.id))
      out.push({ where, rule: 'id does not match Make’s pattern' });
    checkParams(where, rpc.params, out);
    checkRequest(where, rpc.communication, out);
    checkReferences(
      where,
      rpc.communication,
      { parameters: topLevelNames(rpc.params), connection: connectionNames },
      out,
    );
  }

  const rpcIds = new Set(app.rpcs.map((r) => r.id));
  for (const m of app.modules) {
    const where = `module ${m.id}`;
    if (!MAKE_ID_PATTERNS.module.test(m.id))
      out.push({ where, rule: 'id does not match Make’s pattern' });
    const params = [...m.staticParams, ...m.mappableParams];
    checkParams(where, params, out);
    checkParams(`${where} interface`, m.interface, out);
    checkRequest(where, m.communication, out);
    checkReferences(
      where,
      m.communication,
      { parameters: topLevelNames(params), connection: connectionNames },
      out,
    );
    const r = m.communication;
    if (m.moduleType !== 'search') {
      if (r.response?.iterate !== undefined)
        out.push({ where, rule: `${m.moduleType} module must not iterate` });
      if (r.pagination !== undefined)
        out.push({ where, rule: `${m.moduleType} module must not paginate` });
      if (r.response?.limit !== undefined)
        out.push({ where, rule: `${m.moduleType} module must not have a limit` });
    }
    for (const p of allParameters(params)) {
      const options = (p as MakeParameter).options;
      if (typeof options === 'string' && !rpcIds.has(options.replace(/^rpc:\/\//, '')))
        out.push({ where, rule: `options ${options} names no RPC of the app` });
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

  // Groups name existing modules, each once.
  const moduleIds = app.modules.map((m) => m.id);
  const grouped = app.groups.flatMap((g) => g.modules);
  for (const id of grouped)
    if (!moduleIds.includes(id)) out.push({ where: 'groups', rule: `${id} is not a module` });
  for (const id of moduleIds)
    if (grouped.filter((g) => g === id).length !== 1)
      out.push({ where: 'groups', rule: `${id} must be in exactly one group` });

  if (files) checkManifest(files, out);
  return out;
}

/** makecomapp.json lists every file of the app, and every file it lists exists. */
function checkManifest(files: Map<string, string>, out: Violation[]) {
  const manifest = JSON.parse(files.get(MAKECOMAPP) ?? '{}') as MakecomappJson;
  const listed = new Set<string>([MAKECOMAPP]);
  for (const p of Object.values(manifest.generalCodeFiles ?? {})) if (p) listed.add(p);
  for (const [type, components] of Object.entries(manifest.components ?? {})) {
    for (const [id, meta] of Object.entries(components)) {
      if (meta.connection && !manifest.components.connection[meta.connection])
        out.push({
          where: `${type} ${id}`,
          rule: `connection ${meta.connection} is not in makecomapp.json`,
        });
      for (const p of Object.values(meta.codeFiles)) if (p) listed.add(p);
    }
  }
  for (const p of listed)
    if (!files.has(p)) out.push({ where: MAKECOMAPP, rule: `lists ${p}, which does not exist` });
  for (const p of files.keys())
    if (!listed.has(p)) out.push({ where: MAKECOMAPP, rule: `does not list ${p}` });
}
