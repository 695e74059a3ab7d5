// Runs a generated module, RPC or connection check the way Make would, as far as the generated app
// needs: it fills parameter defaults and checks Make's validation rules (the connection's data too,
// as Make checks it when the connection is made), renders the request from base + communication
// with the IML evaluator (iml.ts), sends it over HTTP, and applies the response mapping: error
// directive, iterate, pagination, limit, output and metadata.
// It is a test and demo harness, not Make: no retries, no OAuth, no `wrapper`. Where a fault meets
// the wire, it follows Make's documented rules:
// - a request that gets no answer or whose answer breaks off is a ConnectionError ("App modules
//   output the ConnectionError when the app is unavailable", help: Fixing connection errors);
// - an answer later than the module's timeout (`base.timeout`) is a ModuleTimeoutError (help:
//   Automatic retry of incomplete executions, which Make retries with RateLimitError and
//   ConnectionError);
// - `response.valid` false stops the module with its message and type ("If the valid directive
//   evaluates to a false value, module execution stops and Make throws an error", developers:
//   Handling responses › Valid); an error status (400–599) goes to `response.error` (developers:
//   Handling responses › Error);
// - a body whose JSON does not parse is kept as text (not documented; so `valid` judges it).
import type {
  MakeApp,
  MakeBase,
  MakeErrorDirective,
  MakeErrorSpec,
  MakeErrorType,
  MakeParameter,
  MakeRequest,
} from './make-format';
import { evaluateDeep, evaluateTemplate, type Scope } from './iml';

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** What a Make error directive produced: the error type Make would raise, and its message. */
export class MakeModuleError extends Error {
  override readonly name = 'MakeModuleError';
  constructor(
    readonly type: MakeErrorType,
    message: string,
    readonly statusCode?: number,
  ) {
    super(message);
  }
}

export interface SentRequest {
  method: string;
  url: string;
  /** Header names lower-cased; `authorization` shown as `Bearer ***` (what log.sanitize does). */
  headers: Record<string, string>;
  body?: unknown;
}

export interface RunOptions {
  /** The connection's data, as Make stores it (apiKey, baseUrl). */
  connection: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  fetch?: FetchLike;
  /** Called with every request sent (sanitized), for demos and assertions. */
  onRequest?: (request: SentRequest) => void;
  /** The module's timeout in ms instead of `base.timeout` (Make's own is ~40 s): tests. */
  timeoutMs?: number;
}

export interface RunResult {
  bundles: Record<string, unknown>[];
  requests: SentRequest[];
}

/** Applies defaults of parameters left out, then Make's `required` and `validate` rules. */
export function prepareParameters(
  specs: readonly MakeParameter[],
  given: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...given };
  for (const spec of specs) {
    if (out[spec.name] === undefined && spec.default !== undefined) out[spec.name] = spec.default;
    const value = out[spec.name];
    if (value === undefined || value === null || value === '') {
      if (spec.required)
        throw new MakeModuleError(
          'DataError',
          `Missing value of required parameter '${spec.name}'.`,
        );
      continue;
    }
    const v = spec.validate;
    if (Array.isArray(value)) {
      if (v?.minItems !== undefined && value.length < v.minItems)
        throw new MakeModuleError(
          'DataError',
          `Array '${spec.name}' has fewer than ${v.minItems} items.`,
        );
      if (v?.maxItems !== undefined && value.length > v.maxItems)
        throw new MakeModuleError(
          'DataError',
          `Array '${spec.name}' has more than ${v.maxItems} items.`,
        );
    } else if (typeof value === 'number') {
      if ((v?.min !== undefined && value < v.min) || (v?.max !== undefined && value > v.max))
        throw new MakeModuleError('DataError', `Value of '${spec.name}' is out of range.`);
    } else if (typeof value === 'string') {
      if (v?.max !== undefined && value.length > v.max)
        throw new MakeModuleError('DataError', `Text of '${spec.name}' is too long.`);
      if (v?.pattern !== undefined && !new RegExp(v.pattern).test(value))
        throw new MakeModuleError(
          'DataError',
          `Value of '${spec.name}' does not match the pattern.`,
        );
    }
    // The nested parameters of the chosen option take part too.
    if (Array.isArray(spec.options)) {
      const chosen = spec.options.find((o) => o.value === value);
      if (chosen?.nested) Object.assign(out, prepareParameters(chosen.nested, out));
    }
  }
  return out;
}

interface Rendered {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  type?: MakeRequest['type'];
  timeout?: number;
}

function render(request: MakeRequest, base: MakeBase | undefined, scope: Scope): Rendered {
  // Make encodes what IML puts into the URL unless `encodeUrl` is false (then the app encodes).
  const encode = request.encodeUrl === false ? undefined : encodeURI;
  let url = String(evaluateTemplate(request.url, scope, encode));
  if (base && url.startsWith('/')) url = String(evaluateTemplate(base.baseUrl, scope)) + url;
  const qs = asObject(evaluateDeep(request.qs ?? {}, scope));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(qs))
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  if ([...search.keys()].length) url += (url.includes('?') ? '&' : '?') + search.toString();
  const headers: Record<string, string> = {};
  for (const source of [base?.headers, request.headers]) {
    for (const [k, v] of Object.entries(asObject(evaluateDeep(source ?? {}, scope)))) {
      if (v !== undefined) headers[k.toLowerCase()] = String(v);
    }
  }
  const method = String(evaluateTemplate(request.method, scope)).toUpperCase();
  const body = request.body === undefined ? undefined : evaluateDeep(request.body, scope);
  const type = request.type;
  return {
    method,
    url,
    headers,
    ...(body === undefined ? {} : { body }),
    type,
    timeout: base?.timeout,
  };
}

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

async function send(r: Rendered, options: RunOptions, sent: SentRequest[]) {
  const headers = { ...r.headers };
  let payload: string | undefined;
  if (r.body !== undefined && r.body !== '' && r.method !== 'GET') {
    if (r.type === 'text') {
      // Make: "the body should be a string. If it is not, it will be converted to a string" —
      // the docs do not say how; JSON is assumed (decision 0404). No Content-Type is added.
      payload = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    } else {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(r.body);
    }
  }
  const record: SentRequest = {
    method: r.method,
    url: r.url,
    headers: { ...headers, ...(headers.authorization ? { authorization: 'Bearer ***' } : {}) },
    ...(r.body !== undefined ? { body: r.body } : {}),
  };
  sent.push(record);
  options.onRequest?.(record);
  const doFetch = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? r.timeout;
  const timeout = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
  const failed = (cause: unknown): never => {
    if (timeout?.aborted)
      throw new MakeModuleError('ModuleTimeoutError', `The module timed out (${timeoutMs} ms).`);
    throw new MakeModuleError('ConnectionError', `Request failed: ${(cause as Error).message}`);
  };
  let response: Response;
  let text: string;
  try {
    response = await doFetch(r.url, {
      method: r.method,
      headers,
      ...(payload === undefined ? {} : { body: payload }),
      ...(timeout ? { signal: timeout } : {}),
    });
    text = await response.text();
  } catch (cause) {
    return failed(cause);
  }
  let body: unknown = text;
  if (/json/.test(response.headers.get('content-type') ?? '') && text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, key) => (responseHeaders[key] = value));
  return { statusCode: response.status, body, headers: responseHeaders };
}

function raise(directive: MakeErrorDirective | undefined, scope: Scope, statusCode: number): never {
  const specific = directive?.[String(statusCode)];
  const spec: MakeErrorSpec =
    specific && typeof specific === 'object'
      ? specific
      : (directive ?? { message: `[${statusCode}]` });
  const type = evaluateTemplate(
    spec.type ?? directive?.type ?? 'RuntimeError',
    scope,
  ) as MakeErrorType;
  throw new MakeModuleError(type, String(evaluateTemplate(spec.message, scope)), statusCode);
}

/** `response.valid`: a falsy condition stops the module with its message and type. */
function invalid(valid: NonNullable<MakeRequest['response']>['valid'], scope: Scope): void {
  if (valid === undefined) return;
  const spec: { condition: string | boolean; message?: string; type?: string } =
    typeof valid === 'object' ? valid : { condition: valid };
  const ok =
    typeof spec.condition === 'boolean' ? spec.condition : evaluateTemplate(spec.condition, scope);
  if (ok) return;
  const type = evaluateTemplate(spec.type ?? 'RuntimeError', scope) as MakeErrorType;
  const message = spec.message
    ? evaluateTemplate(spec.message, scope)
    : 'Response marked as invalid.';
  throw new MakeModuleError(type, String(message), Number(scope.statusCode));
}

/**
 * The next page's request, as Make's docs define pagination (developers.make.com, Pagination):
 * with `mergeWithParent` (default true) its headers and qs merge with the original request's,
 * overriding those of the same name, else they are used alone; `url`, `method` and `body` override
 * the original's "no matter the value of mergeWithParent".
 */
function nextPage(request: MakeRequest): MakeRequest {
  const { mergeWithParent = true, url, method, headers, qs, body } = request.pagination!;
  const merged = (own: object | undefined, page: object | undefined) =>
    mergeWithParent ? { ...own, ...page } : { ...page };
  const next: MakeRequest = {
    ...request,
    url: url ?? request.url,
    method: method ?? request.method,
    headers: merged(request.headers, headers),
    qs: merged(request.qs, qs),
  };
  if (body !== undefined) next.body = body;
  else if (!mergeWithParent) delete next.body;
  return next;
}

/** One communication, with pagination: returns the bundles (or the one output) it produces. */
async function communicate(
  request: MakeRequest,
  base: MakeBase | undefined,
  scope: Scope,
  options: RunOptions,
  sent: SentRequest[],
): Promise<{ bundles: Record<string, unknown>[]; last: Scope }> {
  const bundles: Record<string, unknown>[] = [];
  const response = request.response ?? {};
  const limit =
    response.limit === undefined
      ? Infinity
      : Number(evaluateTemplate(String(response.limit), scope));
  let current = request;
  // A page's request is evaluated with everything the last answer left: its body, headers, temp.
  let pageScope = scope;
  for (let page = 0; page < 100; page++) {
    const res = await send(render(current, base, pageScope), options, sent);
    // response.temp comes first, before the error directive and the rest (Make's docs); it lasts
    // until the module is done ("lost after the module is done executing"), so a page reads the last.
    const temp = { ...base?.response.temp, ...response.temp };
    const resScope: Scope = { ...pageScope, ...res };
    resScope.temp = { ...asObject(pageScope.temp), ...asObject(evaluateDeep(temp, resScope)) };
    if (res.statusCode >= 400)
      raise(response.error ?? base?.response.error, resScope, res.statusCode);
    invalid(response.valid, resScope);
    if (response.iterate) {
      const items = evaluateTemplate(response.iterate, resScope);
      for (const item of Array.isArray(items) ? items : []) {
        if (bundles.length >= limit) break;
        bundles.push(
          evaluateDeep(response.output ?? '{{item}}', { ...resScope, item }) as Record<
            string,
            unknown
          >,
        );
      }
    } else if (response.output !== undefined) {
      bundles.push(evaluateDeep(response.output, resScope) as Record<string, unknown>);
    }
    const more =
      request.pagination &&
      bundles.length < limit &&
      evaluateTemplate(request.pagination.condition ?? 'true', resScope);
    if (!more) return { bundles, last: resScope };
    current = nextPage(request);
    pageScope = resScope;
  }
  throw new Error('Pagination did not end after 100 pages');
}

export async function runModule(
  app: MakeApp,
  moduleId: string,
  options: RunOptions,
): Promise<RunResult> {
  const module = app.modules.find((m) => m.id === moduleId);
  if (!module) throw new Error(`No module ${moduleId}`);
  const parameters = prepareParameters(
    [...module.staticParams, ...module.mappableParams],
    options.parameters ?? {},
  );
  const sent: SentRequest[] = [];
  const scope: Scope = {
    parameters,
    connection: connectionData(app, options),
    common: app.common,
  };
  const { bundles } = await communicate(module.communication, app.base, scope, options, sent);
  return { bundles, requests: sent };
}

/** The connection's data, checked against the connection's parameters as Make does on creation. */
const connectionData = (app: MakeApp, options: RunOptions) =>
  prepareParameters(app.connection.params, options.connection);

export async function runRpc(app: MakeApp, rpcId: string, options: RunOptions): Promise<RunResult> {
  const rpc = app.rpcs.find((r) => r.id === rpcId);
  if (!rpc) throw new Error(`No RPC ${rpcId}`);
  const sent: SentRequest[] = [];
  const scope: Scope = {
    parameters: options.parameters ?? {},
    connection: connectionData(app, options),
    common: app.common,
  };
  const { bundles } = await communicate(rpc.communication, app.base, scope, options, sent);
  return { bundles, requests: sent };
}

/** Make's connection test: the connection's own request (no base); returns the connection label. */
export async function verifyConnection(
  app: MakeApp,
  options: Omit<RunOptions, 'parameters'>,
): Promise<{ label: string; requests: SentRequest[] }> {
  const parameters = prepareParameters(app.connection.params, options.connection);
  const sent: SentRequest[] = [];
  const { last } = await communicate(
    app.connection.communication,
    undefined,
    { parameters, common: app.common },
    options,
    sent,
  );
  const metadata = app.connection.communication.response?.metadata;
  return { label: metadata ? String(evaluateTemplate(metadata.value, last)) : '', requests: sent };
}
