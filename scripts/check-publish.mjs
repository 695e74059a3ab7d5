#!/usr/bin/env node
// What a release would publish, checked before it tries: every package under packages/ that is not
// private is packed with `pnpm pack` (the packing `pnpm publish`, and so `changeset publish`, does),
// unpacked, and refused for what npm, npm provenance or n8n's verification would refuse, or what
// would reach users broken (decision 0502):
//   - repository.url missing or not this repository (a provenance publish fails with E422), a wrong
//     repository.directory, no license, no engines.node;
//   - a dependency left as workspace:, link:, file: or catalog: in the packed manifest;
//   - a file the manifest points at (main, types, exports, bin, typesVersions, n8n nodes and
//     credentials) missing from the tarball, a bin without its #! line;
//   - a module the tarball's JavaScript requires that its manifest does not declare (a dependency,
//     a peer, optional or not): installed from npm it would fail with MODULE_NOT_FOUND;
//   - a bin that does not run from the tarball: `node <bin> --help` must exit 0 (the package's own
//     node_modules lent to the unpacked folder), so a file left out of "files" shows;
//   - README.md or LICENSE missing from the tarball, or a LICENSE that is not the repository's;
//   - a source map whose sources are not in the tarball (a debugger would show nothing);
//   - a relative link or image in the README (npm's page resolves it against npm, not the
//     repository: it breaks there);
//   - a scoped package that would go out with npm's default (restricted) access;
//   - for an n8n community package, what n8n's own scanner (@n8n/scan-community-package,
//     analyzePackage) finds in the tarball's JavaScript and package.json and in the package's source.
// `npm publish --dry-run <tarball>` checks none of this (it accepts a workspace:* dependency and a
// shorthand repository), and a provenance dry run cannot run outside CI's OIDC.
//
//   node scripts/check-publish.mjs [--root DIR]   build first (pnpm build); exit 1 on any problem
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isRelativeLink, markdownLinks } from './markdown-links.mjs';

const LOCAL_SPECIFIER = /^(workspace|link|file|catalog):/;
const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
];
const N8N_KEYWORD = 'n8n-community-node-package';
const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Every package under <root>/packages: its folder, its path from the root, its manifest. */
export function workspacePackages(root) {
  const base = path.join(root, 'packages');
  return readdirSync(base)
    .filter((name) => existsSync(path.join(base, name, 'package.json')))
    .sort()
    .map((name) => ({
      dir: path.join(base, name),
      rel: `packages/${name}`,
      manifest: readJson(path.join(base, name, 'package.json')),
    }));
}

/** `git+https://github.com/o/r.git` → `https://github.com/o/r`, as npm's provenance check compares them. */
export function normalizeRepositoryUrl(url) {
  return String(url ?? '')
    .trim()
    .replace(/^git\+/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

/**
 * What the manifest must say for npm to take a provenance publish and for users to find the code:
 * `rootManifest` holds the one repository URL and license, `rel` is the package's folder.
 */
export function checkManifest(manifest, { rel, rootManifest, changesetAccess }) {
  const problems = [];
  const repoUrl = normalizeRepositoryUrl(rootManifest.repository?.url);
  if (!/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/.test(repoUrl))
    problems.push(`the root package.json needs repository.url (https://github.com/OWNER/REPO)`);
  const repository = manifest.repository;
  if (typeof repository !== 'object' || !repository?.url)
    problems.push(`repository.url is missing: npm refuses a provenance publish without it`);
  else {
    if (normalizeRepositoryUrl(repository.url) !== repoUrl)
      problems.push(`repository.url is ${repository.url}, not this repository (${repoUrl})`);
    if (repository.directory !== rel)
      problems.push(`repository.directory is ${repository.directory ?? 'missing'}, not ${rel}`);
  }
  if (!manifest.license) problems.push('license is missing');
  else if (manifest.license !== rootManifest.license)
    problems.push(
      `license is ${manifest.license}, the repository's LICENSE is ${rootManifest.license}`,
    );
  if (!manifest.engines?.node) problems.push('engines.node is missing: say which Node it needs');
  if (!manifest.bugs?.url) problems.push('bugs.url is missing');
  if (!manifest.homepage) problems.push('homepage is missing');
  if (
    manifest.name?.startsWith('@') &&
    manifest.publishConfig?.access !== 'public' &&
    changesetAccess !== 'public'
  )
    problems.push(
      `a scoped package needs publishConfig.access "public" (npm's default is restricted)`,
    );
  return problems;
}

/** Dependencies that only resolve inside this workspace, as the packed manifest carries them. */
export function localDependencies(manifest) {
  return DEPENDENCY_FIELDS.flatMap((field) =>
    Object.entries(manifest[field] ?? {})
      .filter(([, spec]) => LOCAL_SPECIFIER.test(String(spec)))
      .map(([name, spec]) => `${field}.${name} is "${spec}"`),
  );
}

/** Each file the manifest points at, with the field that names it. */
export function referencedFiles(manifest) {
  const refs = [];
  const add = (field, target) => {
    if (typeof target === 'string' && !target.includes('*')) refs.push([field, target]);
  };
  add('main', manifest.main);
  add('types', manifest.types ?? manifest.typings);
  const walk = (field, value) => {
    if (typeof value === 'string') add(field, value);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(`${field}["${key}"]`, inner);
  };
  walk('exports', manifest.exports);
  walk('typesVersions', manifest.typesVersions);
  if (typeof manifest.bin === 'string') add('bin', manifest.bin);
  else walk('bin', manifest.bin);
  for (const key of ['nodes', 'credentials'])
    for (const file of manifest.n8n?.[key] ?? []) add(`n8n.${key}`, file);
  return refs;
}

/**
 * Links in a published README that npm's page cannot follow: a relative one is resolved against
 * npmjs.com. `blobUrl` is where the package's folder lives in the repository, for the suggestion.
 */
export function relativeReadmeLinks(text, blobUrl) {
  return markdownLinks(text)
    .filter(({ target }) => isRelativeLink(target))
    .map(
      ({ target, line }) =>
        `README.md line ${line} links to "${target}": relative links break on npm's page; write it as ${new URL(target, `${blobUrl}/`).href}`,
    );
}

/** The unpacked tarball (`<dir>/package.json` is the manifest npm would store). */
export function checkTarball(dir, { rootLicenseText, blobUrl }) {
  const manifest = readJson(path.join(dir, 'package.json'));
  const problems = localDependencies(manifest).map(
    (dep) => `${dep} in the published package.json: it resolves only inside this workspace`,
  );
  for (const [field, target] of referencedFiles(manifest)) {
    const file = path.join(dir, target);
    if (!existsSync(file) || !statSync(file).isFile())
      problems.push(
        `${target} (${field}) is not in the tarball: build first, or add it to "files"`,
      );
  }
  for (const [field, target] of referencedFiles(manifest).filter(([f]) => f.startsWith('bin'))) {
    const file = path.join(dir, target);
    if (existsSync(file) && !readFileSync(file, 'utf8').startsWith('#!'))
      problems.push(`${target} (${field}) has no #! line: installed as a command it cannot run`);
  }
  problems.push(...unresolvedSourceMaps(dir));
  const readme = path.join(dir, 'README.md');
  if (!existsSync(readme) || readFileSync(readme, 'utf8').trim() === '')
    problems.push('README.md is not in the tarball (npm shows it as the package page)');
  else problems.push(...relativeReadmeLinks(readFileSync(readme, 'utf8'), blobUrl));
  const license = path.join(dir, 'LICENSE');
  if (!existsSync(license)) problems.push('LICENSE is not in the tarball: copy the root LICENSE');
  else if (readFileSync(license, 'utf8') !== rootLicenseText)
    problems.push('LICENSE differs from the root LICENSE');
  return problems;
}

// require('x'), import('x'), and a static `import … from 'x'` / `export … from 'x'` statement.
const SPECIFIER =
  /\brequire\(\s*(['"])([^'"\s]+)\1\s*\)|\bimport\(\s*(['"])([^'"\s]+)\3\s*\)|^\s*(?:import|export)\s[^;'"]*?\bfrom\s*(['"])([^'"\s]+)\5/gm;
const BUILTINS = new Set(builtinModules);

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined. */
export function packageOf(specifier) {
  if (/^(\.|\/|#|node:|data:)/.test(specifier) || BUILTINS.has(specifier.split('/')[0])) return;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every .js/.cjs/.mjs file under a folder, as paths relative to it (node_modules aside). */
function scriptFiles(dir, sub = '') {
  return readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(sub, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : scriptFiles(dir, rel);
    return /\.(c|m)?js$/.test(entry.name) ? [rel] : [];
  });
}

/** Modules the unpacked package's JavaScript loads by name that its manifest does not declare. */
export function undeclaredModules(dir) {
  const manifest = readJson(path.join(dir, 'package.json'));
  const declared = new Set([
    manifest.name,
    ...['dependencies', 'peerDependencies', 'optionalDependencies'].flatMap((field) =>
      Object.keys(manifest[field] ?? {}),
    ),
  ]);
  const problems = [];
  for (const file of scriptFiles(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const match of text.matchAll(SPECIFIER)) {
      const name = packageOf(match[2] ?? match[4] ?? match[6]);
      if (name && !declared.has(name)) {
        problems.push(
          `${file} loads "${name}", which package.json does not declare: installed from npm it fails with MODULE_NOT_FOUND (add it to dependencies, or to peerDependencies if the user installs it)`,
        );
        declared.add(name); // said once
      }
    }
  }
  return problems;
}

/** Each `.map` in the unpacked tarball whose `sources` point at files the tarball lacks. */
export function unresolvedSourceMaps(dir) {
  const maps = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.map'),
  );
  const problems = [];
  for (const map of maps) {
    const { sources = [], sourceRoot = '' } = readJson(path.join(dir, map));
    const missing = sources
      .map((source) => path.join(path.dirname(path.join(dir, map)), sourceRoot, source))
      .filter((file) => !file.startsWith(dir + path.sep) || !existsSync(file));
    if (missing.length)
      problems.push(
        `${map} points at ${missing.map((f) => path.relative(dir, f)).join(', ')}, not in the tarball: ship the sources ("files") or drop the maps`,
      );
  }
  return problems;
}

/**
 * Each bin run from the unpacked tarball as `node <bin> --help`, with the package's own
 * node_modules lent to it: a bin that cannot start (a file it needs left out of "files") fails.
 */
export function binProblems(dir, packageDir) {
  const manifest = readJson(path.join(dir, 'package.json'));
  const bins = referencedFiles(manifest).filter(([field]) => field.startsWith('bin'));
  if (bins.length === 0) return [];
  const modules = path.join(packageDir, 'node_modules');
  if (existsSync(modules) && !existsSync(path.join(dir, 'node_modules')))
    symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
  return bins.flatMap(([field, target]) => {
    const file = path.join(dir, target);
    if (!existsSync(file)) return []; // said by checkTarball
    const run = spawnSync(process.execPath, [file, '--help'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH },
    });
    if (run.status === 0) return [];
    // The error's own line (Node prints the failing source line and a caret before it).
    const lines = `${run.stderr}\n${run.stdout}`
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const said = lines.find((l) => /Error\b/.test(l)) ?? lines[0] ?? 'no output';
    return [
      `${target} (${field}) does not run from the tarball: \`node ${target} --help\` exited ${run.status ?? run.signal}: ${said}`,
    ];
  });
}

/** `pnpm pack` into a new folder, unpacked: { dir, files, bytes } or { error }. */
export function pack(packageDir) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'classifaily-pack-'));
  const run = spawnSync('pnpm', ['pack', '--json', '--pack-destination', out], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  const tarball = readdirSync(out).find((f) => f.endsWith('.tgz'));
  if (run.status !== 0 || !tarball) {
    rmSync(out, { recursive: true, force: true });
    return { error: `pnpm pack failed: ${(run.stdout + run.stderr).trim().slice(0, 600)}` };
  }
  const bytes = statSync(path.join(out, tarball)).size;
  const untar = spawnSync('tar', ['-xzf', tarball], { cwd: out, encoding: 'utf8' });
  if (untar.status !== 0) return { error: `tar failed: ${untar.stderr}`, cleanup: out };
  const files = JSON.parse(run.stdout).files.length;
  return { dir: path.join(out, 'package'), files, bytes, cleanup: out };
}

/**
 * n8n's scanner on the package, as n8n's verification runs it: its rules on the tarball's JavaScript
 * and package.json, and on the source's package.json, nodes and credentials. The scanner is a
 * devDependency of this repository's n8n package (at the root, pnpm deploy --legacy of the Zapier
 * app would have to resolve its n8n-workflow peer again, offline).
 */
export async function scanN8nPackage(unpackedDir, sourceDir) {
  const fromN8n = createRequire(path.join(repoRoot, 'packages', 'n8n', 'package.json'));
  const scanner = await import(
    pathToFileURL(fromN8n.resolve('@n8n/scan-community-package/scanner/scanner.mjs')).href
  );
  const results = [
    await scanner.analyzePackage(unpackedDir, ['**/*.js', 'package.json']),
    await scanner.analyzePackage(sourceDir, scanner.SOURCE_FILE_PATTERNS),
  ];
  return results
    .filter((r) => !r.passed)
    .map((r) => `n8n's scanner: ${r.message}${r.details ? `\n${r.details}` : ''}`);
}

export async function checkRepository(root, log = console.log) {
  const rootManifest = readJson(path.join(root, 'package.json'));
  const licenseFile = path.join(root, 'LICENSE');
  const rootLicenseText = existsSync(licenseFile) ? readFileSync(licenseFile, 'utf8') : null;
  const changesetConfig = path.join(root, '.changeset', 'config.json');
  const changesetAccess = existsSync(changesetConfig)
    ? readJson(changesetConfig).access
    : undefined;
  let failed = 0;
  let published = 0;
  if (rootLicenseText === null) {
    log('✗ the repository has no LICENSE file');
    failed++;
  }
  for (const { dir, rel, manifest } of workspacePackages(root)) {
    const label = `${manifest.name}@${manifest.version} (${rel})`;
    const problems = checkManifest(manifest, { rel, rootManifest, changesetAccess });
    let summary = 'private, not published';
    if (!manifest.private) {
      published++;
      const packed = pack(dir);
      try {
        if (packed.error) problems.push(packed.error);
        else {
          const blobUrl = `${normalizeRepositoryUrl(rootManifest.repository?.url)}/blob/main/${rel}`;
          problems.push(...checkTarball(packed.dir, { rootLicenseText, blobUrl }));
          problems.push(...undeclaredModules(packed.dir), ...binProblems(packed.dir, dir));
          if (manifest.keywords?.includes(N8N_KEYWORD))
            problems.push(...(await scanN8nPackage(packed.dir, dir)));
          summary = `${packed.files} files, ${(packed.bytes / 1000).toFixed(1)} kB packed`;
        }
      } finally {
        if (packed.cleanup) rmSync(packed.cleanup, { recursive: true, force: true });
      }
    }
    if (problems.length === 0) log(`✓ ${label}: ${summary}`);
    else {
      failed++;
      log(`✗ ${label}:`);
      for (const problem of problems) log(`    ${problem}`);
    }
  }
  log(
    failed === 0
      ? `${published} package(s) ready to publish`
      : `${failed} package(s) with problems: a release would fail or ship them broken`,
  );
  return failed === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { root: { type: 'string' } }, strict: true });
  const root = path.resolve(values.root ?? repoRoot);
  process.exit((await checkRepository(root)) ? 0 : 1);
}
