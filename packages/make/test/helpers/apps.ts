// The apps the tests work on: Make's schemas, the production build as checked in, and the development
// build written to a temporary folder.
//
// Make's schemas are Make's files, found where src/make-schemas.ts looks (MAKE_SCHEMAS_DIR, then
// shared/make-schemas beside the repo, then the cache `schemas:fetch` fills). Where there are none,
// as in a user's fresh clone, the tests that need them are skipped (test/global-setup.ts prints the
// one line that says why and what to run); under CI they are required: they run, and fail with the
// loader's message (decision 0409).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMakeSchemas } from '../../src/check';
import { generatedFiles, writeApp } from '../../src/generate';
import { readApp } from '../emulator';
import { MAKE_SCHEMAS, RUN_SCHEMA_TESTS } from './schemas-policy';

/** `describe` and `it` for tests that check files against Make's schemas: skipped where there are none. */
export const describeWithMakeSchemas = RUN_SCHEMA_TESTS ? describe : describe.skip;
export const itWithMakeSchemas = RUN_SCHEMA_TESTS ? it : it.skip;

let loaded: ReturnType<typeof loadMakeSchemas> | undefined;
/** Make's schemas in Ajv, loaded once, when a test first needs them. */
export const makeSchemas = () => (loaded ??= loadMakeSchemas());

/** What a CLI child needs to find the same schemas as this process (or, like it, none). */
export const schemasEnv = (): Record<string, string> => ({
  MAKE_SCHEMAS_DIR: MAKE_SCHEMAS?.dir ?? process.env.MAKE_SCHEMAS_DIR ?? '',
});

export function tempDir(prefix = 'classifaily-make-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The development build (http to this machine allowed), read back from a folder as Make would. */
export function devApp() {
  const { dir, remove } = tempDir();
  try {
    writeApp(dir, generatedFiles({ dev: true }));
    return readApp(dir);
  } finally {
    remove();
  }
}

/** Runs `node dist/cli.js …` in a fresh plain node child: what a user's shell would see. */
export const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
