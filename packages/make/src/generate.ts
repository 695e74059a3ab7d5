// Writes the generated app to a folder, and tells whether a folder holds what would be generated.
// It writes only the app's own files: a folder that holds anything else is refused, and a file is
// removed only when the folder's own makecomapp.json listed it.
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
import { buildApp, CONNECTION_ID, type BuildOptions } from './app/build';
import { layout, MAKECOMAPP } from './layout';
import type { MakecomappJson, MakeOrigin } from './make-format';

/** The checked-in production app, and where a development build goes (this file runs from src/ or dist/). */
export const DEFAULT_APP_DIR = path.resolve(__dirname, '..', 'app');
export const DEV_APP_DIR = path.resolve(__dirname, '..', 'app-dev');

/** The Make app Classifaily deploys to, for the Apps Editor and `deploy` (decision 0407). */
export const DEFAULT_ORIGIN = { zone: 'eu1', app: 'classifaily' };

/** makecomapp.json `origins` entry for an app in a Make zone. The key file stays outside git. */
export const origin = (zone: string, app: string): MakeOrigin => ({
  label: `Make ${zone}`,
  baseUrl: `https://${zone}.make.com/api`,
  appId: app,
  appVersion: 1,
  apikeyFile: '../.secrets/make-api-token',
});

export interface GenerateOptions extends BuildOptions {
  origins?: MakeOrigin[];
}

export function generatedFiles({ origins, ...build }: GenerateOptions = {}): Map<string, string> {
  return layout(buildApp(build), origins ?? [origin(DEFAULT_ORIGIN.zone, DEFAULT_ORIGIN.app)]);
}

/** The folder's makecomapp.json, when it is a Classifaily app (it has the Classifaily connection). */
export function readManifest(dir: string): MakecomappJson | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MAKECOMAPP), 'utf8'));
    return manifest?.components?.connection?.[CONNECTION_ID] ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Every file a makecomapp.json names, with itself. */
export function listedFiles(manifest: MakecomappJson): string[] {
  const components = Object.values(manifest.components ?? {}).flatMap((c) =>
    Object.values(c ?? {}),
  );
  const paths = [manifest.generalCodeFiles, ...components.map((c) => c?.codeFiles)];
  return [
    MAKECOMAPP,
    ...paths.flatMap((p) => Object.values(p ?? {}).filter((f) => typeof f === 'string')),
  ];
}

/**
 * Writes the app into `dir`: a new or empty folder, or a Classifaily app (whose origins are kept when
 * `files` was generated with them). Files the old app listed and the new one does not are removed.
 */
export function writeApp(dir: string, files: Map<string, string>): number {
  const previous = readManifest(dir);
  if (!previous && existsSync(dir) && readdirSync(dir).length > 0)
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
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return files.size;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(dir, name)).isDirectory()
      ? listFiles(path.join(dir, name), rel)
      : [rel];
  });
}

export interface Staleness {
  missing: string[];
  changed: string[];
  extra: string[];
}

/** What differs between the folder and a fresh generation (with the folder's own origins). */
export function staleness(dir: string, options: BuildOptions = {}): Staleness {
  const origins = readManifest(dir)?.origins;
  const files = generatedFiles({ ...options, ...(origins?.length ? { origins } : {}) });
  const onDisk = new Set(existsSync(dir) ? listFiles(dir) : []);
  const result: Staleness = { missing: [], changed: [], extra: [] };
  for (const [rel, content] of files) {
    if (!onDisk.has(rel)) result.missing.push(rel);
    else if (readFileSync(path.join(dir, rel), 'utf8') !== content) result.changed.push(rel);
  }
  result.extra = [...onDisk].filter((rel) => !files.has(rel));
  return result;
}

export const isStale = (s: Staleness) => s.missing.length + s.changed.length + s.extra.length > 0;
