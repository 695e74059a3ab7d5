// Checks an app folder before anything relies on it: every file makecomapp.json names exists, is
// JSON and is valid against Make's own schema for its kind (the Make Apps Editor's), and the few
// rules no schema can say hold (references between files, ids, the key's safety).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { baseUrlPattern, catalog } from '@classifaily/core';
import { listedFiles } from './generate';
import { MAKECOMAPP } from './layout';
import type { MakeBase, MakecomappJson, MakeComponent, MakeParameter } from './make-format';

/** Where Make's schemas are unless MAKE_SCHEMAS_DIR says: `shared/make-schemas` beside the repo. */
export const DEFAULT_MAKE_SCHEMAS_DIR = path.resolve(__dirname, '../../../../shared/make-schemas');

/** Which of Make's schemas judges a file: the Apps Editor's own map (`contributes.jsonValidation`). */
const SCHEMA_BY_NAME: [RegExp, string][] = [
  [/^makecomapp\.json$/, 'makecomapp.schema.json'],
  [/(^|\/)base\.iml\.json$/, 'base.json'],
  [/(^|\/)groups\.json$/, 'groups.json'],
  [/(^|\/)common\.json$/, 'common.json'],
  [/\.(params|static-params|mappable-params|interface)\.iml\.json$/, 'parameters.json'],
  [/\.communication\.iml\.json$/, 'api.json'],
  [/\.samples\.iml\.json$/, 'samples.json'],
];
export const schemaFor = (file: string) => SCHEMA_BY_NAME.find(([re]) => re.test(file))?.[1];

/** Make's schemas, loaded into Ajv (draft-07, the draft they declare; they $ref each other by file name). */
export function loadMakeSchemas(dir = process.env.MAKE_SCHEMAS_DIR || DEFAULT_MAKE_SCHEMAS_DIR) {
  if (
    !existsSync(path.join(dir, 'api.json')) ||
    !existsSync(path.join(dir, 'makecomapp.schema.json'))
  )
    throw new Error(
      `Make's JSON schemas are not in ${dir}. Set MAKE_SCHEMAS_DIR to a folder that holds them: syntaxes/imljson/schemas/*.json and syntaxes/local-development/schemas/makecomapp.schema.json of the Make Apps Editor for VS Code (integromat/vscode-apps-sdk).`,
    );
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), file);
  return ajv;
}

/** Make's id rules (vscode-apps-sdk `validate-id.ts`). */
const ID_RULES: Record<string, RegExp> = {
  module: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/,
  rpc: /^[a-zA-Z][0-9a-zA-Z]{2,63}$/,
  connection: /^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$/,
};
const SANITIZED = 'request.headers.authorization';

/** Every string in a JSON value. */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

export interface CheckOptions {
  /** A development build (`generate --dev`): the connection may take http:// to this machine. */
  dev?: boolean;
  schemas: Ajv;
}

/** What is wrong with the app folder `dir`, one line each; empty when nothing is. */
export function checkFolder(dir: string, { dev = false, schemas }: CheckOptions): string[] {
  if (!existsSync(path.join(dir, MAKECOMAPP)))
    return [`${dir} is not a Make app folder: it has no ${MAKECOMAPP}.`];
  const problems: string[] = [];
  const docs = new Map<string, unknown>();
  const load = (rel: string) => {
    let text: string;
    try {
      text = readFileSync(path.join(dir, rel), 'utf8');
    } catch {
      return void problems.push(`${rel}: named in ${MAKECOMAPP} but missing`);
    }
    const schema = schemaFor(rel);
    if (!rel.endsWith('.json')) return docs.set(rel, text);
    try {
      docs.set(rel, JSON.parse(text));
    } catch (e) {
      return void problems.push(`${rel}: not valid JSON (${(e as Error).message})`);
    }
    const validate = schema && schemas.getSchema(schema);
    if (validate && !validate(docs.get(rel)))
      for (const e of validate.errors ?? [])
        problems.push(`${rel}${e.instancePath}: ${e.message} (Make's ${schema})`);
  };
  load(MAKECOMAPP);
  if (problems.length) return problems;
  const manifest = docs.get(MAKECOMAPP) as MakecomappJson;
  listedFiles(manifest).slice(1).forEach(load);

  const components = manifest.components;
  const code = (type: string, id: string, key: string) =>
    docs.get(components[type]?.[id]?.codeFiles[key] ?? '') as never;
  for (const [type, byId] of Object.entries(components)) {
    for (const [id, meta] of Object.entries(byId)) {
      if (ID_RULES[type]?.test(id) === false)
        problems.push(`${type} ${id}: not an id Make accepts (${ID_RULES[type]})`);
      for (const ref of [meta?.connection, meta?.altConnection])
        if (ref && !components.connection?.[ref])
          problems.push(`${type} ${id}: its connection ${ref} is not in ${MAKECOMAPP}`);
      const texts = Object.keys(meta?.codeFiles ?? {}).flatMap((key) =>
        strings(code(type, id, key)),
      );
      for (const rpc of texts.filter((s) => s.startsWith('rpc://')))
        if (!components.rpc?.[rpc.slice(6)])
          problems.push(`${type} ${id}: ${rpc} names no RPC of the app`);
    }
  }

  const groups = (docs.get(manifest.generalCodeFiles.groups ?? '') ?? []) as {
    modules: string[];
  }[];
  const grouped = groups.flatMap((g) => g.modules);
  for (const id of grouped)
    if (!components.module?.[id]) problems.push(`groups: ${id} is not a module of the app`);
  for (const id of Object.keys(components.module ?? {}))
    if (grouped.filter((g) => g === id).length !== 1)
      problems.push(`groups: module ${id} must be in exactly one group`);

  // The key: never logged, sent over https only, and only to the app's own API.
  const base = docs.get(manifest.generalCodeFiles.base ?? '') as MakeBase | undefined;
  if (!base?.log?.sanitize?.includes(SANITIZED))
    problems.push(`base: log.sanitize lacks ${SANITIZED}`);
  for (const id of Object.keys(components.connection ?? {})) {
    const api = code('connection', id, 'communication') as
      MakeComponent['communication'] | undefined;
    if (!api?.log?.sanitize?.includes(SANITIZED))
      problems.push(`connection ${id}: log.sanitize lacks ${SANITIZED}`);
    const params = (code('connection', id, 'params') ?? []) as MakeParameter[];
    const baseUrl = params.find((p) => p.name === catalog.fields.baseUrl.key);
    if (baseUrl && baseUrl.validate?.pattern !== baseUrlPattern({ allowLocalHttp: dev }))
      problems.push(
        `connection ${id}: ${baseUrl.name} must follow core's rule (${dev ? 'https, or http to this machine' : 'https only; a development build is not for deploying'})`,
      );
  }
  for (const [id, meta] of Object.entries(components.module ?? {})) {
    const url = (code('module', id, 'communication') as { url?: string } | undefined)?.url ?? '';
    if (
      meta.moduleType === 'universal' &&
      !(url.startsWith('/') || url.startsWith(base?.baseUrl ?? '/'))
    )
      problems.push(`module ${id}: a universal module's URL must start with the base URL`);
  }
  return problems;
}
