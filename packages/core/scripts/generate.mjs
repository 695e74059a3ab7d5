// Generates core's wire types and limits from the OpenAPI document, the single source of truth, and
// its VERSION from package.json (the root `version-packages` script runs this after
// `changeset version`, so the User-Agent never names an older release).
// It also checks the contract's documented/assumed marks and writes the assumptions table
// (scripts/assumptions.mjs). `--check` fails (exit 1) when the checked-in files differ from what the document generates.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { readAssumptions, renderAssumptionsMarkdown, renderAssumptionsTs } from './assumptions.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const specPath = path.join(root, 'openapi/classifaily.openapi.yaml');
const outDir = path.join(root, 'src/generated');
const apiDocsDir = path.join(root, '../../docs/api');
const banner =
  '// Generated from openapi/classifaily.openapi.yaml by scripts/generate.mjs. Do not edit.\n';

async function render() {
  const source = await readFile(specPath, 'utf8');
  const spec = parse(source);
  const ast = await openapiTS(spec, {
    alphabetize: false,
    exportType: false,
    defaultNonNullable: false,
  });
  const types = banner + '/* eslint-disable */\n' + astToString(ast);
  const limits = spec['x-classifaily-limits'];
  const limitsTs =
    banner +
    '\n/** Every limit the API publishes, as numbers. The client enforces the same ones. */\n' +
    `export const LIMITS = ${JSON.stringify(limits, null, 2)} as const;\n\n` +
    'export type Limits = typeof LIMITS;\n';
  const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const versionTs =
    banner.replace('openapi/classifaily.openapi.yaml', 'package.json') +
    `export const VERSION = '${version}';\n`;
  const vendorPage = await readFile(path.join(apiDocsDir, 'vendor-getting-started.txt'), 'utf8');
  const assumptions = readAssumptions(spec, vendorPage);
  return {
    'openapi.ts': types,
    'limits.ts': limitsTs,
    'version.ts': versionTs,
    'assumptions.ts': banner + renderAssumptionsTs(assumptions),
    [path.join(apiDocsDir, 'assumptions.md')]: renderAssumptionsMarkdown(assumptions),
  };
}

const files = await render();
if (process.argv.includes('--check')) {
  let stale = [];
  for (const [name, text] of Object.entries(files)) {
    const current = await readFile(path.resolve(outDir, name), 'utf8').catch(() => '');
    if (current !== text) stale.push(path.relative(root, path.resolve(outDir, name)));
  }
  if (stale.length) {
    console.error(
      `Stale generated files: ${stale.join(', ')}. Run: pnpm --filter @classifaily/core generate`,
    );
    process.exit(1);
  }
  console.log('Generated wire types are up to date.');
} else {
  await mkdir(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files))
    await writeFile(path.resolve(outDir, name), text);
  console.log(
    `Wrote ${Object.keys(files)
      .map((f) => path.relative(root, path.resolve(outDir, f)))
      .join(', ')}`,
  );
}
