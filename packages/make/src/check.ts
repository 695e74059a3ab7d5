// Checks an app folder before anything relies on it: each file of the app is there, is JSON, is valid
// against Make's own schema for its kind (the Make Apps Editor's map), and is what the generator
// writes (with the folder's own origins); nothing else is in the folder. Every rule of the app itself
// (the key sanitized from logs and sent over https only, ids, references) is the generator's, and
// the tests hold the generator to it (decision 0404).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { generatedFiles, readManifest } from './generate';
import { MAKECOMAPP, type AppFiles } from './layout';
import {
  findMakeSchemas,
  holdsSchemas,
  missingMakeSchemasMessage,
  SCHEMA_FILES,
} from './make-schemas';

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

/**
 * Make's schemas, loaded into Ajv (draft-07, the draft they declare; they $ref each other by file
 * name), from where `findMakeSchemas` finds them; a clear error naming the fetch command otherwise.
 */
export function loadMakeSchemas(dir?: string) {
  const from = dir ?? findMakeSchemas()?.dir;
  if (!from || !holdsSchemas(from)) throw new Error(missingMakeSchemasMessage(dir));
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  addFormats(ajv);
  for (const file of SCHEMA_FILES)
    ajv.addSchema(JSON.parse(readFileSync(path.join(from, file), 'utf8')), file);
  return ajv;
}

/** The files under `dir`, by path relative to it with `/`. */
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((rel) => statSync(path.join(dir, rel)).isFile())
    .map((rel) => rel.split(path.sep).join('/'));

/** What differs between the folder and `files`: `missing: x`, `changed: x`, `extra: x`. */
export function differences(dir: string, files: AppFiles): string[] {
  const onDisk = existsSync(dir) ? filesIn(dir) : [];
  const same = (rel: string) =>
    readFileSync(path.join(dir, rel)).equals(Buffer.from(files.get(rel)!));
  return [
    ...[...files.keys()].filter((rel) => !onDisk.includes(rel)).map((rel) => `missing: ${rel}`),
    ...onDisk.filter((rel) => files.has(rel) && !same(rel)).map((rel) => `changed: ${rel}`),
    ...onDisk.filter((rel) => !files.has(rel)).map((rel) => `extra: ${rel}`),
  ];
}

/**
 * What is wrong with the app folder `dir`, one line each; empty when nothing is. `dev`: the folder is
 * a development build (`generate --dev`), whose connection also takes http:// to this machine.
 * `schemas`: Make's, loaded; by default found and loaded here (their absence is one problem line).
 */
export function checkFolder(
  dir: string,
  { dev = false, schemas }: { dev?: boolean; schemas?: Ajv } = {},
) {
  if (!existsSync(path.join(dir, MAKECOMAPP)))
    return [`${dir} is not a Make app folder: it has no ${MAKECOMAPP}.`];
  const found = schemas ? undefined : findMakeSchemas();
  if (!schemas && !found) return [missingMakeSchemasMessage()];
  const judge = schemas ?? loadMakeSchemas(found!.dir);
  const build = (asDev: boolean) =>
    generatedFiles({ dev: asDev, origins: readManifest(dir)?.origins });
  const files = build(dev);
  const problems: string[] = [];
  for (const rel of files.keys()) {
    const schema = schemaFor(rel);
    if (!schema || !existsSync(path.join(dir, rel))) continue;
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path.join(dir, rel), 'utf8'));
    } catch (e) {
      problems.push(`${rel}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const validate = judge.getSchema(schema)!;
    if (!validate(value))
      for (const e of validate.errors ?? [])
        problems.push(`${rel}${e.instancePath}: ${e.message} (Make's ${schema})`);
  }
  const differing = differences(dir, files);
  if (differing.length && !problems.length && !differences(dir, build(!dev)).length)
    return [
      dev
        ? `${dir} is a production build: check it without --dev.`
        : `${dir} is a development build: its connection also takes http:// to this machine, where a production build takes https only; a development build is not for deploying (check it with --dev).`,
    ];
  if (differing.length)
    differing.push(
      `${dir} is not what the generator writes: run \`classifaily-make generate${dev ? ' --dev' : ''} --out ${dir}\`.`,
    );
  return [...problems, ...differing];
}
