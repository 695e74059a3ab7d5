// The generated app's files, and a writer that puts them in a folder. It writes only the app's own
// files: a folder that holds anything else is refused, and a file is removed only when the folder's
// own makecomapp.json listed it.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { buildApp, CONNECTION_ID } from './app/build';
import { blueprintFiles } from './blueprints';
import { ICON, layout, MAKECOMAPP, type AppFiles, type Manifest, type MakeOrigin } from './layout';

/** The checked-in production app, and where a development build goes (this file runs from src/ or dist/). */
export const DEFAULT_APP_DIR = path.resolve(__dirname, '..', 'app');
export const DEV_APP_DIR = path.resolve(__dirname, '..', 'app-dev');

/** Make's app name rule (vscode-apps-sdk `validate-id.ts`). */
const APP_NAME = /^[a-z][0-9a-z-]{1,28}[0-9a-z]$/;

/** What is wrong with `app` as a Make app name, in words; undefined for a good name. */
export const appNameProblem = (app: string): string | undefined =>
  APP_NAME.test(app)
    ? undefined
    : `--app must be a Make app name (3 to 30 lowercase letters, digits and dashes, starting with a letter, such as classifaily-x1b2), not "${app}".`;

/** makecomapp.json `origins` entry for an app in a Make zone. The key file stays outside git. */
export const origin = (zone: string, app: string): MakeOrigin => ({
  label: `Make ${zone}`,
  baseUrl: `https://${zone}.make.com/api`,
  appId: app,
  appVersion: 1,
  apikeyFile: '../.secrets/make-api-token',
});

/** The Make app Classifaily deploys to, for the Apps Editor and `deploy` (decision 0407). */
export const DEFAULT_ORIGIN = origin('eu1', 'classifaily');

/** The app's files; `dev`: the development build (decision 0406); `origins`: the developer's. */
export function generatedFiles({ dev = false, origins = [] as MakeOrigin[] } = {}): AppFiles {
  const chosen = origins.length ? origins : [DEFAULT_ORIGIN];
  const files: AppFiles = layout(buildApp({ dev }), chosen);
  for (const [rel, text] of blueprintFiles(chosen[0]!.appId)) files.set(rel, text);
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** The folder's makecomapp.json, when it is a Classifaily app (it has the Classifaily connection). */
export function readManifest(dir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MAKECOMAPP), 'utf8'));
    return manifest?.components?.connection?.[CONNECTION_ID] ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Every file a makecomapp.json names, with itself. */
export function listedFiles(manifest: Manifest): string[] {
  const components = Object.values(manifest.components ?? {}).flatMap((c) =>
    Object.values(c ?? {}),
  );
  const paths = [manifest.generalCodeFiles, ...components.map((c) => c?.codeFiles)];
  const examples = [...blueprintFiles('classifaily').keys()];
  return [
    MAKECOMAPP,
    ICON,
    ...examples,
    ...paths.flatMap((p) => Object.values(p ?? {}).filter((f) => typeof f === 'string')),
  ];
}

/**
 * Writes the app into `dir`: a new or empty folder, or a Classifaily app (whose origins are kept when
 * `files` was generated with them). Files the old app listed and the new one does not are removed.
 */
/** Files a folder may hold and still count as empty: git's placeholder. */
const PLACEHOLDERS = new Set(['.gitkeep']);

export function writeApp(dir: string, files: AppFiles): number {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new Error(`${dir} is a file, not a folder. Choose a new or empty folder for the app.`);
  const previous = readManifest(dir);
  const foreign = existsSync(dir) ? readdirSync(dir).filter((f) => !PLACEHOLDERS.has(f)) : [];
  if (!previous && foreign.length > 0)
    throw new Error(
      `${dir} is not empty and is not a Classifaily Make app (no makecomapp.json with the ${CONNECTION_ID} connection). Choose a new or empty folder.`,
    );
  for (const rel of previous ? listedFiles(previous) : []) {
    const file = path.resolve(dir, rel);
    if (files.has(rel) || !file.startsWith(path.resolve(dir) + path.sep)) continue;
    rmSync(file, { force: true });
    if (existsSync(path.dirname(file)) && readdirSync(path.dirname(file)).length === 0)
      rmSync(path.dirname(file), { recursive: true });
  }
  for (const [rel, content] of files) {
    try {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    } catch (e) {
      throw new Error(unwritable(dir, rel, e as NodeJS.ErrnoException));
    }
  }
  return files.size;
}

/** A write that failed, in words: a file where a folder must be, or no permission. */
function unwritable(dir: string, rel: string, e: NodeJS.ErrnoException): string {
  const where = `Cannot write the app to ${dir}`;
  if (e.code === 'ENOTDIR' || e.code === 'EEXIST')
    return `${where}: part of that path is a file, not a folder. Choose a new or empty folder.`;
  if (e.code === 'EISDIR')
    return `${where}: ${rel} is a folder there. Choose a new or empty folder.`;
  if (e.code === 'EACCES' || e.code === 'EPERM') return `${where}: permission denied.`;
  return `${where}: ${e.message}`;
}
