// Runs after `n8n-node build`: bundles every node and credential that package.json's `n8n` field
// lists, with everything they import from the workspace (@classifaily/core), into one file each, so
// that the published package has no runtime dependency but its peer `n8n-workflow`. The other
// compiled modules are then removed from dist: only the entry files, the codex JSON and the icons
// remain. See docs/decisions/0202-bundling-core-into-dist.md.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
const allowedExternals = new Set(Object.keys(pkg.peerDependencies ?? {}));

for (const entry of entries) {
  if (!fs.existsSync(path.join(root, entry)))
    fail(`${entry} (listed in package.json "n8n") was not built`);
}

const staging = fs.mkdtempSync(path.join(root, '.bundle-'));
try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: entries,
    outbase: 'dist',
    outdir: staging,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: [...allowedExternals],
    // Core's package.json maps its timer-based default sleep away under this condition: n8n's rules
    // forbid timers in a node, and the node passes n8n-workflow's sleep instead.
    conditions: ['no-timers'],
    // Keep class names: n8n instantiates the exported class whose name matches the file name.
    keepNames: true,
    legalComments: 'inline',
    metafile: true,
    logLevel: 'warning',
  });

  // Anything left as a require() other than the peer dependency would fail (or be refused by n8n
  // Cloud) at runtime, node: built-ins included.
  const stray = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imp of output.imports) {
      if (imp.external && !allowedExternals.has(imp.path)) stray.add(imp.path);
    }
  }
  if (stray.size > 0)
    fail(
      `the bundle still requires ${[...stray].join(', ')}: only ${[...allowedExternals].join(', ')} may stay external`,
    );

  // Replace dist's compiled modules with the bundles.
  for (const file of walk(dist)) {
    if (/\.(js|js\.map|d\.ts|d\.ts\.map)$/.test(file)) fs.rmSync(file);
  }
  for (const file of walk(staging)) {
    const target = path.join(dist, path.relative(staging, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  removeEmptyDirs(dist);
  writeDocumentationLinks();
  for (const entry of entries) {
    const size = fs.statSync(path.join(root, entry)).size;
    console.log(`bundled ${entry} (${(size / 1024).toFixed(1)} KiB)`);
  }
} finally {
  fs.rmSync(staging, { recursive: true, force: true });
}

/**
 * The codex's documentation links, from core's catalog: the guide, and its "Get an API key"
 * section (the credential's documentationUrl).
 */
function writeDocumentationLinks() {
  const { catalog } = createRequire(import.meta.url)('@classifaily/core');
  for (const entry of pkg.n8n.nodes) {
    const codex = path.join(root, entry.replace(/\.js$/, '.json'));
    const json = JSON.parse(fs.readFileSync(codex, 'utf8'));
    json.resources = {
      credentialDocumentation: [{ url: catalog.service.keyGuides.n8n }],
      primaryDocumentation: [{ url: catalog.service.guides.n8n }],
    };
    fs.writeFileSync(codex, `${JSON.stringify(json, null, 2)}\n`);
  }
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

function removeEmptyDirs(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyDirs(path.join(dir, entry.name));
  }
  if (dir !== dist && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
}

function fail(message) {
  console.error(`bundle: ${message}`);
  process.exit(1);
}
