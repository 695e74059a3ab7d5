// The publish check fails on what a release would refuse or ship broken: a small repository made in
// a temporary folder, packed for real with pnpm, broken one way at a time; the CLI runs in a plain
// `node` child, as CI runs it.
//   node --test scripts/check-publish.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  checkManifest,
  checkTarball,
  localDependencies,
  packageOf,
  referencedFiles,
  relativeReadmeLinks,
} from './check-publish.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, 'check-publish.mjs');
const LICENSE = readFileSync(path.join(here, '..', 'LICENSE'), 'utf8');
const REPO = 'https://github.com/acme/widgets';
const folders = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const goodManifest = () => ({
  name: '@acme/widget',
  version: '1.0.0',
  license: 'MIT',
  repository: { type: 'git', url: `git+${REPO}.git`, directory: 'packages/widget' },
  bugs: { url: `${REPO}/issues` },
  homepage: `${REPO}#readme`,
  engines: { node: '>=20.3.0' },
  main: 'dist/index.js',
  types: 'dist/index.d.ts',
  bin: { widget: 'dist/cli.js' },
  files: ['dist'],
});

/**
 * A repository with one package; `change` edits the package's manifest and files before packing.
 * Its changesets config publishes with public access unless `changeset` is false.
 */
function fixture(change = () => {}, { changeset = true } = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'check-publish-'));
  folders.push(root);
  const pkgDir = path.join(root, 'packages', 'widget');
  mkdirSync(path.join(pkgDir, 'dist'), { recursive: true });
  const write = (file, text) => writeFileSync(path.join(root, file), text);
  write(
    'package.json',
    JSON.stringify({ private: true, license: 'MIT', repository: { url: `git+${REPO}.git` } }),
  );
  write('LICENSE', LICENSE);
  if (changeset) {
    mkdirSync(path.join(root, '.changeset'));
    write('.changeset/config.json', JSON.stringify({ access: 'public' }));
  }
  const files = {
    'README.md': '# widget\n',
    LICENSE,
    'dist/index.js': 'module.exports = 1;\n',
    'dist/index.d.ts': 'export {};\n',
    'dist/cli.js': '#!/usr/bin/env node\n',
  };
  const manifest = goodManifest();
  change(manifest, files);
  write('packages/widget/package.json', JSON.stringify(manifest, null, 2));
  for (const [file, text] of Object.entries(files))
    if (text !== undefined) write(`packages/widget/${file}`, text);
  return root;
}

function runCli(root) {
  const run = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('scripts/check-publish.mjs on a packed repository', () => {
  it('passes a package npm would take', () => {
    const { status, out } = runCli(fixture());
    assert.equal(status, 0, out);
    assert.match(out, /✓ @acme\/widget@1\.0\.0 \(packages\/widget\): 6 files/);
    assert.match(out, /1 package\(s\) ready to publish/);
  });

  const broken = [
    ['no repository', (m) => delete m.repository, /repository\.url is missing/],
    [
      'another repository',
      (m) => (m.repository.url = 'https://github.com/someone/else'),
      /repository\.url is https:\/\/github\.com\/someone\/else, not this repository/,
    ],
    [
      'a wrong directory',
      (m) => (m.repository.directory = 'widget'),
      /repository\.directory is widget, not packages\/widget/,
    ],
    ['no engines', (m) => delete m.engines, /engines\.node is missing/],
    ['no license', (m) => delete m.license, /license is missing/],
    [
      'a scoped package with restricted access',
      () => {},
      /a scoped package needs publishConfig\.access "public"/,
      { changeset: false },
    ],
    [
      'types left out of "files"',
      (m) => (m.files = ['dist/cli.js', 'dist/index.js']),
      /dist\/index\.d\.ts \(types\) is not in the tarball/,
    ],
    [
      'an unbuilt bin',
      (m, f) => delete f['dist/cli.js'],
      /dist\/cli\.js \(bin\["widget"\]\) is not in the tarball/,
    ],
    [
      'a bin without #!',
      (m, f) => (f['dist/cli.js'] = 'console.log(1);\n'),
      /dist\/cli\.js \(bin\["widget"\]\) has no #! line/,
    ],
    ['no README', (m, f) => delete f['README.md'], /README\.md is not in the tarball/],
    [
      'a relative link in the README',
      (m, f) => (f['README.md'] = '# widget\n\nSee [the guide](../../docs/widget.md).\n'),
      /README\.md line 3 links to "\.\.\/\.\.\/docs\/widget\.md": relative links break on npm's page; write it as https:\/\/github\.com\/acme\/widgets\/blob\/main\/docs\/widget\.md/,
    ],
    [
      'a relative image in the README',
      (m, f) => (f['README.md'] = '# widget\n\n<img src="docs/shot.png" alt="">\n'),
      /README\.md line 3 links to "docs\/shot\.png".*blob\/main\/packages\/widget\/docs\/shot\.png/,
    ],
    [
      'a source map pointing at sources left out of "files"',
      (m, f) =>
        (f['dist/index.js.map'] = JSON.stringify({ version: 3, sources: ['../src/index.ts'] })),
      /dist\/index\.js\.map points at src\/index\.ts, not in the tarball: ship the sources/,
    ],
    ['no LICENSE', (m, f) => delete f.LICENSE, /LICENSE is not in the tarball/],
    [
      'another LICENSE',
      (m, f) => (f.LICENSE = 'All rights reserved.\n'),
      /LICENSE differs from the root LICENSE/,
    ],
    [
      'a module the code loads that the manifest does not declare',
      (m, f) => {
        m.dependencies = { 'csv-parse': '^7.0.3' };
        f['dist/index.js'] =
          'const { parse } = require("csv-parse/sync");\nconst bar = require("cli-progress");\n';
      },
      /dist\/index\.js loads "cli-progress", which package\.json does not declare: installed from npm it fails with MODULE_NOT_FOUND/,
    ],
    [
      'a bin that does not start from the tarball',
      (m, f) => (f['dist/cli.js'] = '#!/usr/bin/env node\nrequire("./left-out.js");\n'),
      /dist\/cli\.js \(bin\["widget"\]\) does not run from the tarball: `node dist\/cli\.js --help` exited 1: .*Cannot find module '\.\/left-out\.js'/,
    ],
    [
      'a link: dependency',
      (m) => (m.dependencies = { helper: 'link:../helper' }),
      /dependencies\.helper is "link:\.\.\/helper" in the published package\.json/,
    ],
  ];
  for (const [what, change, expected, options = {}] of broken) {
    it(`fails on ${what}`, () => {
      const { status, out } = runCli(fixture(change, options));
      assert.equal(status, 1, out);
      assert.match(out, expected);
      assert.match(out, /1 package\(s\) with problems/);
    });
  }

  it('passes code that loads its dependencies, an optional peer, builtins and its own files', () => {
    const { status, out } = runCli(
      fixture((m, f) => {
        m.dependencies = { '@acme/core': '^1.0.0' };
        m.peerDependencies = { '@acme/sandbox': '^1.0.0' };
        m.peerDependenciesMeta = { '@acme/sandbox': { optional: true } };
        f['dist/index.js'] = [
          'const core = require("@acme/core/extra");',
          'const fs = require("node:fs"), path = require("path");',
          'const sleep = require("#default-sleep");',
          'const cli = require("./cli.js");',
          'const sandbox = () => import("@acme/sandbox");',
          'const words = "text from \\"${column}\\"";',
        ].join('\n');
      }),
    );
    assert.equal(status, 0, out);
  });

  it('fails when pnpm pack cannot resolve a workspace: dependency', () => {
    const { status, out } = runCli(fixture((m) => (m.dependencies = { core: 'workspace:*' })));
    assert.equal(status, 1, out);
    assert.match(out, /pnpm pack failed: .*workspace protocol/s);
  });

  it('fails on a repository without a LICENSE', () => {
    const root = fixture();
    rmSync(path.join(root, 'LICENSE'));
    const { status, out } = runCli(root);
    assert.equal(status, 1, out);
    assert.match(out, /the repository has no LICENSE file/);
  });
});

describe('the checks one by one', () => {
  it('finds workspace:, link:, file: and catalog: specifiers in every dependency field', () => {
    assert.deepEqual(
      localDependencies({
        dependencies: { a: 'workspace:*', b: '^1.0.0' },
        peerDependencies: { c: 'catalog:' },
        devDependencies: { d: 'file:../d' },
        optionalDependencies: { e: 'link:../e' },
      }),
      [
        'dependencies.a is "workspace:*"',
        'peerDependencies.c is "catalog:"',
        'optionalDependencies.e is "link:../e"',
        'devDependencies.d is "file:../d"',
      ],
    );
  });

  it('refuses a packed manifest that still says workspace:', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'check-publish-unpacked-'));
    folders.push(dir);
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'x', dependencies: { '@acme/core': 'workspace:*' } }),
    );
    writeFileSync(path.join(dir, 'README.md'), '# x\n');
    writeFileSync(path.join(dir, 'LICENSE'), LICENSE);
    assert.deepEqual(checkTarball(dir, { rootLicenseText: LICENSE }), [
      'dependencies.@acme/core is "workspace:*" in the published package.json: it resolves only inside this workspace',
    ]);
  });

  it('takes absolute links, anchors and code in a README, and refuses every relative form', () => {
    const readme = [
      '# x',
      '[site](https://example.com/a) · [top](#x) · <support@example.com> · [mail](mailto:a@b.c)',
      '`[not a link](docs/a.md)`',
      '```md',
      '![inside a code block](docs/b.png)',
      '```',
      '![shot](images/c.png "title") and [ref]: ./d.md',
      '[ref]: ./e.md',
      '<a href="f.md">f</a>',
    ].join('\n');
    assert.deepEqual(
      relativeReadmeLinks(readme, 'https://github.com/acme/widgets/blob/main/packages/x').map((p) =>
        p.replace(/": .*/, '"'),
      ),
      [
        'README.md line 7 links to "images/c.png"',
        'README.md line 8 links to "./e.md"',
        'README.md line 9 links to "f.md"',
      ],
    );
  });

  it('reads every file a manifest points at, n8n entries included', () => {
    assert.deepEqual(
      referencedFiles({
        main: 'dist/index.js',
        exports: {
          '.': { types: './dist/index.d.ts', default: './dist/index.js' },
          './x/*': './x/*',
        },
        typesVersions: { '*': { process: ['dist/process.d.ts'] } },
        n8n: { nodes: ['dist/a.node.js'], credentials: ['dist/b.credentials.js'] },
      }),
      [
        ['main', 'dist/index.js'],
        ['exports["."]["types"]', './dist/index.d.ts'],
        ['exports["."]["default"]', './dist/index.js'],
        ['typesVersions["*"]["process"]["0"]', 'dist/process.d.ts'],
        ['n8n.nodes', 'dist/a.node.js'],
        ['n8n.credentials', 'dist/b.credentials.js'],
      ],
    );
  });

  it('names the package a specifier loads, and nothing for builtins, files and imports', () => {
    assert.equal(packageOf('csv-parse/sync'), 'csv-parse');
    assert.equal(packageOf('@classifaily/core'), '@classifaily/core');
    assert.equal(packageOf('@classifaily/sandbox/process'), '@classifaily/sandbox');
    for (const local of ['node:fs', 'fs/promises', 'path', './x.js', '../y', '#default-sleep'])
      assert.equal(packageOf(local), undefined, local);
  });

  it('needs the root package.json to name a GitHub repository', () => {
    const problems = checkManifest(goodManifest(), {
      rel: 'packages/widget',
      rootManifest: { license: 'MIT' },
      changesetAccess: 'public',
    });
    assert.ok(problems.some((p) => p.includes('the root package.json needs repository.url')));
  });
});

describe("n8n's scanner", () => {
  it('fails an n8n community package whose bundle uses a timer and console', () => {
    const root = fixture((m, f) => {
      m.name = 'n8n-nodes-widget';
      m.keywords = ['n8n-community-node-package'];
      m.n8n = { n8nNodesApiVersion: 1, nodes: ['dist/index.js'], credentials: [] };
      m.peerDependencies = { 'n8n-workflow': '*' };
      delete m.bin;
      f['dist/index.js'] = 'setTimeout(() => console.log("late"), 10);\n';
    });
    const { status, out } = runCli(root);
    assert.equal(status, 1, out);
    assert.match(out, /n8n's scanner: ESLint violations found/);
    assert.match(out, /no-restricted-globals/);
    assert.match(out, /no-console/);
  });
});
