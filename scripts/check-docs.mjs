#!/usr/bin/env node
// What readers of this repository's Markdown rely on, checked on every `pnpm lint` (decision 0504):
//   - every relative link and image of every Markdown file (node_modules, dist and the generated
//     Make app aside) reaches a file or folder that exists, and a `#anchor` a heading of it;
//   - docs/decisions/README.md lists every decision record, each with its status, and nothing else;
//   - each platform guide (docs/n8n.md, zapier.md, make.md) has the "Get an API key" section that
//     core's catalog links to (KEY_GUIDE_SECTION), the same text in all three up to the line that
//     says where the key goes on that platform, naming the dashboard address of the catalog;
//   - and the "How to choose your threshold" section (classifaily evaluate), likewise the same in
//     all three up to the line that says where the threshold goes on that platform.
//
//   node scripts/check-docs.mjs [--root DIR]   exit 1 on any problem
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { headingAnchors, isRelativeLink, markdownLinks } from './markdown-links.mjs';

const SKIP = new Set(['node_modules', 'dist', 'dist-emulator', 'app', 'app-dev', 'build', '.git']);
const GUIDES = ['n8n', 'zapier', 'make'];
const PLATFORM_LINE = /^\*\*Where the key goes in /;
/** Sections written once for every guide: the same text in each, then a line of the platform's own. */
const SHARED_SECTIONS = [
  { heading: 'Get an API key', platformLine: PLATFORM_LINE, name: 'key section', what: 'key' },
  {
    heading: 'How to choose your threshold',
    platformLine: /^\*\*Where the threshold goes in /,
    name: 'threshold section',
    what: 'threshold',
  },
];

/** Every Markdown file under the root, as paths relative to it. */
export function markdownFiles(root, dir = '') {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : markdownFiles(root, rel);
    return entry.name.endsWith('.md') ? [rel] : [];
  });
}

/** Relative links that lead nowhere: a missing file, or an anchor no heading of the file has. */
export function brokenLinks(root, file) {
  const text = readFileSync(path.join(root, file), 'utf8');
  const problems = [];
  for (const { target, line } of markdownLinks(text)) {
    if (!isRelativeLink(target) && !target.startsWith('#')) continue;
    const [pathPart, anchor] = target.split('#');
    const resolved = pathPart
      ? path.resolve(root, path.dirname(file), decodeURIComponent(pathPart))
      : path.join(root, file);
    const where = `${file}:${line} links to "${target}"`;
    if (!resolved.startsWith(path.resolve(root)) || !existsSync(resolved)) {
      problems.push(`${where}: there is no ${path.relative(root, resolved)}`);
      continue;
    }
    if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile()) {
      const anchors = headingAnchors(readFileSync(resolved, 'utf8'));
      if (!anchors.has(anchor.toLowerCase()))
        problems.push(`${where}: ${path.relative(root, resolved)} has no heading #${anchor}`);
    }
  }
  return problems;
}

/** The index must list each record once, as a link with a status, and no record that is gone. */
export function decisionIndexProblems(root) {
  const dir = path.join(root, 'docs', 'decisions');
  const records = readdirSync(dir).filter((f) => /^\d{4}-.*\.md$/.test(f));
  const indexFile = path.join(dir, 'README.md');
  if (!existsSync(indexFile))
    return ['docs/decisions/README.md is missing: the index of decisions'];
  const rows = readFileSync(indexFile, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const listed = new Map();
  const problems = [];
  for (const cells of rows) {
    const link = /\]\((\d{4}-[^)]+\.md)\)/.exec(cells[1] ?? '');
    if (!link) continue;
    if (listed.has(link[1])) problems.push(`docs/decisions/README.md lists ${link[1]} twice`);
    listed.set(link[1], cells);
    if (!cells[3]) problems.push(`docs/decisions/README.md: ${link[1]} has no status`);
    if (!cells[2]) problems.push(`docs/decisions/README.md: ${link[1]} has no summary`);
  }
  for (const record of records)
    if (!listed.has(record))
      problems.push(`docs/decisions/README.md does not list ${record}: add a row for it`);
  for (const record of listed.keys())
    if (!records.includes(record))
      problems.push(`docs/decisions/README.md lists ${record}, which does not exist`);
  return problems;
}

/** The shared part of a guide's section: from its heading to the platform's own line. */
export function keySection(text, heading, platformLine = PLATFORM_LINE) {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === `## ${heading}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && platformLine.test(line));
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  if (end < 0 || (next >= 0 && next < end)) return undefined;
  return lines.slice(start, end).join('\n');
}

export function keySectionProblems(root) {
  const links = readFileSync(path.join(root, 'packages/core/src/catalog/links.ts'), 'utf8');
  const section = /KEY_GUIDE_SECTION = '([^']+)'/.exec(links)?.[1];
  const dashboard = /DASHBOARD_KEYS_URL = '([^']+)'/.exec(links)?.[1];
  if (!section || !dashboard)
    return [
      'packages/core/src/catalog/links.ts: KEY_GUIDE_SECTION or DASHBOARD_KEYS_URL not found',
    ];
  const problems = [];
  for (const { heading, platformLine, name, what } of SHARED_SECTIONS) {
    const shared = new Map();
    for (const guide of GUIDES) {
      const file = `docs/${guide}.md`;
      const text = readFileSync(path.join(root, file), 'utf8');
      if (what === 'key' && !headingAnchors(text).has(section))
        problems.push(`${file} has no heading for #${section} (core's catalog links there)`);
      const part = keySection(text, heading, platformLine);
      if (part === undefined) {
        problems.push(
          `${file}: "## ${heading}" must be followed, in the same section, by a line "**Where the ${what} goes in …**"`,
        );
        continue;
      }
      if (what === 'key' && !part.includes(dashboard))
        problems.push(`${file}: the key section does not name ${dashboard}`);
      shared.set(file, part);
    }
    const [first, ...others] = [...shared.entries()];
    for (const [file, part] of others)
      if (first && part !== first[1])
        problems.push(
          `${file}: the ${name} differs from ${first[0]}'s (it is written once, the same in every guide)`,
        );
  }
  return problems;
}

export function checkDocs(root, log = console.log) {
  const files = markdownFiles(root);
  const problems = [
    ...files.flatMap((file) => brokenLinks(root, file)),
    ...decisionIndexProblems(root),
    ...keySectionProblems(root),
  ];
  for (const problem of problems) log(`✗ ${problem}`);
  log(
    problems.length === 0
      ? `✓ docs: ${files.length} Markdown files, their links, the decisions index and the key sections`
      : `${problems.length} problem(s) in the docs`,
  );
  return problems.length === 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { root: { type: 'string' } }, strict: true });
  const root = path.resolve(
    values.root ?? path.dirname(path.dirname(fileURLToPath(import.meta.url))),
  );
  process.exit(checkDocs(root) ? 0 : 1);
}
