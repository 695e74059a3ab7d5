// Where Make's own JSON schemas are found. They are Make's files (integromat/vscode-apps-sdk), never
// copied into this repository (decision 0409). In order:
//   1. MAKE_SCHEMAS_DIR, when set: that folder and no other, so a test or CI can point at nothing;
//   2. shared/make-schemas beside the repository (the maintainers' checkouts);
//   3. the cache that `pnpm --filter @classifaily/make schemas:fetch` fills, at the pinned commit,
//      every file checked against its SHA-256 (scripts/fetch-make-schemas.mjs).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import LOCK from './make-schemas.lock.json';

export { LOCK as MAKE_SCHEMAS_LOCK };

/** The command that fills the cache, named wherever the schemas are missing. */
export const FETCH_COMMAND = 'pnpm --filter @classifaily/make schemas:fetch';

/** shared/make-schemas beside the repository (this file is packages/make/{src,dist}/…). */
const SHARED_MAKE_SCHEMAS_DIR = path.resolve(__dirname, '../../../../shared/make-schemas');

/**
 * The cache folder for the pinned commit: ${XDG_CACHE_HOME:-~/.cache}/classifaily/make-schemas/<commit>.
 * scripts/fetch-make-schemas.mjs writes the same folder (a test holds the two to one path).
 */
export function makeSchemasCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'classifaily', 'make-schemas', LOCK.commit);
}

type MakeSchemasSource = 'MAKE_SCHEMAS_DIR' | 'shared/make-schemas' | 'cache';

export interface MakeSchemasLocation {
  dir: string;
  from: MakeSchemasSource;
}

/** The schema files a folder must hold (the licence is fetched beside them, not loaded). */
export const SCHEMA_FILES = Object.keys(LOCK.files).filter((file) => file.endsWith('.json'));

export const holdsSchemas = (dir: string) =>
  SCHEMA_FILES.every((file) => existsSync(path.join(dir, file)));

/**
 * The folder the schemas are read from, or `undefined` when there is none. (`sharedDir` is for the
 * tests of this rule, on a machine that has shared/make-schemas.)
 */
export function findMakeSchemas(
  env: NodeJS.ProcessEnv = process.env,
  sharedDir: string = SHARED_MAKE_SCHEMAS_DIR,
): MakeSchemasLocation | undefined {
  if (env.MAKE_SCHEMAS_DIR)
    return holdsSchemas(env.MAKE_SCHEMAS_DIR)
      ? { dir: env.MAKE_SCHEMAS_DIR, from: 'MAKE_SCHEMAS_DIR' }
      : undefined;
  if (holdsSchemas(sharedDir)) return { dir: sharedDir, from: 'shared/make-schemas' };
  const cache = makeSchemasCacheDir(env);
  // The cache is ours: a file changed there since the fetch is refused, not trusted.
  if (holdsSchemas(cache) && SCHEMA_FILES.every((file) => pinned(cache, file)))
    return { dir: cache, from: 'cache' };
  return undefined;
}

function pinned(dir: string, file: string): boolean {
  const digest = createHash('sha256')
    .update(readFileSync(path.join(dir, file)))
    .digest('hex');
  return digest === LOCK.files[file as keyof typeof LOCK.files].sha256;
}

/**
 * What a person reads when no folder holds them: where it looked (`dir`, when one was named), and
 * the one command to run.
 */
export function missingMakeSchemasMessage(
  dir?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const looked = dir
    ? dir
    : env.MAKE_SCHEMAS_DIR
      ? `MAKE_SCHEMAS_DIR (${env.MAKE_SCHEMAS_DIR})`
      : `${SHARED_MAKE_SCHEMAS_DIR} or the cache ${makeSchemasCacheDir(env)}`;
  return `Make's JSON schemas are not in ${looked}. Run \`${FETCH_COMMAND}\` once to download them (Make's files at a pinned commit of ${LOCK.repository}, each checked against its SHA-256), or set MAKE_SCHEMAS_DIR to a folder that holds them.`;
}
