#!/usr/bin/env node
// Renders the API reference, docs/api/index.html, from the OpenAPI document with Redocly's CLI as one
// self-contained page: `--inlineBundle` puts the Redoc script of the pinned @redocly/cli package into
// the page instead of loading it from Redocly's CDN, so every endpoint is drawn from a checkout with
// no network (test/api-docs-offline.test.ts). redocly.yaml turns telemetry off, in the CLI and in
// the page. Decision 0503.
//
//   node scripts/api-docs.mjs            render docs/api/index.html
//   node scripts/api-docs.mjs --check    exit 1 if the committed page is not what the document renders
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const spec = path.join(root, 'openapi', 'classifaily.openapi.yaml');
const page = path.join(root, '..', '..', 'docs', 'api', 'index.html');
const redocly = path.join(root, 'node_modules', '.bin', 'redocly');

function render(output) {
  execFileSync(redocly, ['build-docs', spec, '--inlineBundle', '--output', output], {
    cwd: root,
    stdio: 'pipe',
  });
}

if (process.argv.includes('--check')) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'api-docs-'));
  try {
    const fresh = path.join(dir, 'index.html');
    render(fresh);
    if (readFileSync(fresh, 'utf8') !== readFileSync(page, 'utf8')) {
      console.error(
        'docs/api/index.html is not what the OpenAPI document renders: run pnpm --filter @classifaily/core api-docs',
      );
      process.exit(1);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  render(page);
  console.log(`wrote ${path.relative(process.cwd(), page)}`);
}
