#!/usr/bin/env node
// Downloads Make's JSON schemas for custom-app files, the files of integromat/vscode-apps-sdk at the
// commit src/make-schemas.lock.json pins, into a cache outside the repository, where the tests and
// `classifaily-make check` find them (src/make-schemas.ts, decision 0409). Every file must match its
// pinned SHA-256, or nothing is written. A command a person runs by hand; no test or install runs it
// against the network.
//
//   pnpm --filter @classifaily/make schemas:fetch
//   MAKE_SCHEMAS_SOURCE_URL=http://host/path  fetch from there instead of GitHub (a mirror, a test)
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const LOCK = JSON.parse(
  readFileSync(path.join(here, '..', 'src', 'make-schemas.lock.json'), 'utf8'),
);
const TIMEOUT_MS = 30_000;

/** The same folder as makeSchemasCacheDir in src/make-schemas.ts (a test holds them together). */
export function cacheDir(env = process.env) {
  const xdg = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'classifaily', 'make-schemas', LOCK.commit);
}

export function sourceUrl(env = process.env) {
  return (
    env.MAKE_SCHEMAS_SOURCE_URL ||
    `https://raw.githubusercontent.com/${LOCK.repository}/${LOCK.commit}`
  ).replace(/\/+$/, '');
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

const matchesPins = (dir) =>
  Object.entries(LOCK.files).every(
    ([name, { sha256: pin }]) =>
      existsSync(path.join(dir, name)) && sha256(readFileSync(path.join(dir, name))) === pin,
  );

async function download(url) {
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
  } catch (error) {
    const why = error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(error);
    throw new Error(
      `Could not download ${url} (${why}). On a machine that cannot reach ${new URL(url).host}, copy the files from one that can and set MAKE_SCHEMAS_DIR to their folder.`,
    );
  }
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}.`);
  return Buffer.from(await response.arrayBuffer());
}

/** Fetches every pinned file into the cache; returns { dir, fetched } (fetched 0: it was there). */
export async function fetchMakeSchemas({ env = process.env, log = () => {} } = {}) {
  const dir = cacheDir(env);
  if (matchesPins(dir)) return { dir, fetched: 0 };
  const base = sourceUrl(env);
  mkdirSync(path.dirname(dir), { recursive: true });
  // Written beside the cache folder, then moved into place whole: a failed or interrupted fetch
  // leaves no half folder for the tests to find.
  const staging = mkdtempSync(`${dir}.partial-`);
  try {
    for (const [name, { path: from, sha256: pin }] of Object.entries(LOCK.files)) {
      const url = `${base}/${from}`;
      const bytes = await download(url);
      const digest = sha256(bytes);
      if (digest !== pin)
        throw new Error(
          `${url} has SHA-256 ${digest}, not the pinned ${pin}: refused, nothing was written.`,
        );
      writeFileSync(path.join(staging, name), bytes);
      log(`  ${name}  sha256 ok`);
    }
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return { dir, fetched: Object.keys(LOCK.files).length };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const short = LOCK.commit.slice(0, 7);
  try {
    console.log(
      `Make's JSON schemas: ${LOCK.repository} ${LOCK.version} (${short}) from ${sourceUrl()}`,
    );
    const { dir, fetched } = await fetchMakeSchemas({ log: (line) => console.log(line) });
    console.log(
      fetched
        ? `${fetched} files, each matching its pinned SHA-256, are in ${dir}.`
        : `Already in ${dir}, each file matching its pinned SHA-256.`,
    );
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
