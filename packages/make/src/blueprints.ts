// The example scenarios (docs/examples/make-*.blueprint.json, written for the app id `classifaily`)
// for the app a folder deploys to: a custom app in Make gets its own name (`classifaily-x1b2`), and a
// blueprint naming another app's modules does not import. `generate` writes them to `blueprints/`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** docs/examples of the repository (this file runs from src/ or dist/). */
const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'docs', 'examples');
const BLUEPRINTS_DIR = 'blueprints';

/** Each Make example, its modules renamed `app#<appId>:…`, by its path in the app folder. */
export function blueprintFiles(appId: string): Map<string, string> {
  const files = readdirSync(EXAMPLES)
    .filter((file) => file.startsWith('make-') && file.endsWith('.blueprint.json'))
    .sort();
  return new Map(
    files.map((file) => [
      `${BLUEPRINTS_DIR}/${file}`,
      readFileSync(path.join(EXAMPLES, file), 'utf8').replace(
        /"app#[a-z0-9-]+:/g,
        `"app#${appId}:`,
      ),
    ]),
  );
}
