// The apps the tests work on: Make's schemas (from shared/make-schemas or MAKE_SCHEMAS_DIR; the suite
// fails with the loader's message, which names MAKE_SCHEMAS_DIR, when they are missing), the
// production build as checked in, and the development build written to a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadMakeSchemas } from '../../src/check';
import { generatedFiles, writeApp } from '../../src/generate';
import { readApp } from '../emulator';

export const makeSchemas = () => loadMakeSchemas();

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
