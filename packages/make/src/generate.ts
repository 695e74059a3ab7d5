// Writes the generated app to disk, and tells whether what is on disk is what would be generated.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app/build';
import { layout } from './layout';

/** The checked-in app: packages/make/app (this file runs from src/ or dist/). */
export const DEFAULT_APP_DIR = path.resolve(__dirname, '..', 'app');

export function generatedFiles(): Map<string, string> {
  return layout(buildApp());
}

/** Replaces the app folder's content with the generated files. */
export function writeApp(dir: string, files = generatedFiles()): number {
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, content] of files) {
    const target = path.join(dir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return files.size;
}

function listFiles(dir: string, prefix = ''): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) out = out.concat(listFiles(full, rel));
    else out.push(rel);
  }
  return out;
}

export interface Staleness {
  missing: string[];
  changed: string[];
  extra: string[];
}

/** What differs between the folder and a fresh generation; all empty when up to date. */
export function staleness(dir: string, files = generatedFiles()): Staleness {
  const onDisk = new Set(listFiles(dir));
  const result: Staleness = { missing: [], changed: [], extra: [] };
  for (const [rel, content] of files) {
    if (!onDisk.has(rel)) result.missing.push(rel);
    else if (readFileSync(path.join(dir, rel), 'utf8') !== content) result.changed.push(rel);
  }
  for (const rel of onDisk) if (!files.has(rel)) result.extra.push(rel);
  return result;
}

export const isStale = (s: Staleness) => s.missing.length + s.changed.length + s.extra.length > 0;
