// The docs check fails on what a reader would meet broken: a small repository made in a temporary
// folder, broken one way at a time; the CLI runs in a plain `node` child, as `pnpm lint` runs it.
//   node --test scripts/check-docs.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { headingAnchors, markdownLinks, slug } from './markdown-links.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check-docs.mjs');
const folders = [];
after(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const keySection = (platform) =>
  [
    '## Get an API key',
    '',
    'Open https://dash.example/keys and copy a key.',
    '',
    `**Where the key goes in ${platform}:** paste it.`,
    '',
  ].join('\n');

const thresholdSection = (platform) =>
  [
    '## How to choose your threshold',
    '',
    'Run classifaily evaluate on texts you labelled.',
    '',
    `**Where the threshold goes in ${platform}:** the Review Threshold field.`,
    '',
  ].join('\n');

/** A repository whose docs pass; `change` edits the files (text or undefined to delete) first. */
function fixture(change = () => {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'check-docs-'));
  folders.push(root);
  const files = {
    'README.md':
      '# Widgets\n\nSee [the guide](docs/n8n.md#get-an-api-key) and [decisions](docs/decisions/).\n',
    'packages/core/src/catalog/links.ts': [
      "export const DASHBOARD_KEYS_URL = 'https://dash.example/keys';",
      "export const KEY_GUIDE_SECTION = 'get-an-api-key';",
    ].join('\n'),
    'docs/n8n.md': `# n8n\n\n${keySection('n8n')}\n![shot](images/a.png)\n\n${thresholdSection('n8n')}`,
    'docs/zapier.md': `# Zapier\n\n${keySection('Zapier')}\n${thresholdSection('Zapier')}`,
    'docs/make.md': `# Make\n\n${keySection('Make')}\n\`\`\`md\n[in code](nowhere.md)\n\`\`\`\n\n${thresholdSection('Make')}`,
    'docs/images/a.png': 'png',
    'docs/decisions/0001-first.md': '# 0001 — First\n',
    'docs/decisions/README.md': [
      '# Decisions',
      '',
      '| record | decision | status |',
      '|---|---|---|',
      '| [0001](0001-first.md) | The first one | accepted |',
      '',
    ].join('\n'),
  };
  change(files);
  for (const [file, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

function runCli(root) {
  const run = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe('scripts/check-docs.mjs', () => {
  it('passes docs whose links, index and key sections hold', () => {
    const { status, out } = runCli(fixture());
    assert.equal(status, 0, out);
    assert.match(out, /✓ docs: 6 Markdown files/);
  });

  const broken = [
    [
      'a link to a missing file',
      (f) => (f['docs/zapier.md'] += '\n[gone](examples/gone.md)\n'),
      /docs\/zapier\.md:\d+ links to "examples\/gone\.md": there is no docs\/examples\/gone\.md/,
    ],
    [
      'a missing image',
      (f) => (f['docs/images/a.png'] = undefined),
      /docs\/n8n\.md:\d+ links to "images\/a\.png": there is no docs\/images\/a\.png/,
    ],
    [
      'an anchor no heading has',
      (f) => (f['README.md'] = '[x](docs/make.md#get-a-key)\n'),
      /README\.md:1 links to "docs\/make\.md#get-a-key": docs\/make\.md has no heading #get-a-key/,
    ],
    [
      'a link out of the repository',
      (f) => (f['README.md'] = '[x](../elsewhere.md)\n'),
      /README\.md:1 links to "\.\.\/elsewhere\.md": there is no/,
    ],
    [
      'a decision record missing from the index',
      (f) => (f['docs/decisions/0002-second.md'] = '# 0002\n'),
      /docs\/decisions\/README\.md does not list 0002-second\.md/,
    ],
    [
      'an index row without a status',
      (f) =>
        (f['docs/decisions/README.md'] = f['docs/decisions/README.md'].replace(' accepted ', ' ')),
      /0001-first\.md has no status/,
    ],
    [
      'an index that lists a record that is gone',
      (f) => (f['docs/decisions/0001-first.md'] = undefined),
      /lists 0001-first\.md, which does not exist|there is no docs\/decisions\/0001-first\.md/,
    ],
    [
      'a guide without the key section',
      (f) => (f['docs/zapier.md'] = '# Zapier\n\nNothing here.\n'),
      /docs\/zapier\.md has no heading for #get-an-api-key/,
    ],
    [
      'a key section that differs from the others',
      (f) => (f['docs/make.md'] = f['docs/make.md'].replace('copy a key', 'copy the key')),
      /docs\/make\.md: the key section differs from docs\/n8n\.md's/,
    ],
    [
      'a guide without the threshold section',
      (f) => (f['docs/zapier.md'] = `# Zapier\n\n${keySection('Zapier')}`),
      /docs\/zapier\.md: "## How to choose your threshold" must be followed, in the same section, by a line "\*\*Where the threshold goes in …\*\*"/,
    ],
    [
      'a threshold section that differs from the others',
      (f) => (f['docs/n8n.md'] = f['docs/n8n.md'].replace('texts you labelled', 'your texts')),
      /docs\/zapier\.md: the threshold section differs from docs\/n8n\.md's/,
    ],
    [
      'a key section without the dashboard address',
      (f) => {
        for (const g of ['n8n', 'zapier', 'make'])
          f[`docs/${g}.md`] = f[`docs/${g}.md`].replace(
            'https://dash.example/keys',
            'the dashboard',
          );
      },
      /docs\/n8n\.md: the key section does not name https:\/\/dash\.example\/keys/,
    ],
  ];
  for (const [what, change, expected] of broken) {
    it(`fails on ${what}`, () => {
      const { status, out } = runCli(fixture(change));
      assert.equal(status, 1, out);
      assert.match(out, expected);
    });
  }
});

describe('reading Markdown as GitHub renders it', () => {
  it("makes GitHub's anchors", () => {
    assert.equal(slug('Credential: Classifaily API'), 'credential-classifaily-api');
    assert.equal(slug('Schema → Create, Get'), 'schema--create-get');
    assert.equal(
      slug('Editor suite (decision 0223, not part of `pnpm test`)'),
      'editor-suite-decision-0223-not-part-of-pnpm-test',
    );
    assert.deepEqual(
      [...headingAnchors('# A\n## Usage\n### Usage\n```\n# not a heading\n```\n')],
      ['a', 'usage', 'usage-1'],
    );
  });

  it('finds links, images, definitions and HTML, but none in code', () => {
    const text = [
      '[a](a.md) ![b](b.png "t") `[c](c.md)`',
      '[d]: ./d.md',
      '<img src="e.png"> <a href="f.md">f</a>',
      '~~~',
      '[g](g.md)',
      '~~~',
      '[h [nested]](h.md)',
    ].join('\n');
    assert.deepEqual(
      markdownLinks(text).map((l) => `${l.line}:${l.target}`),
      ['1:a.md', '1:b.png', '2:./d.md', '3:e.png', '3:f.md', '7:h.md'],
    );
  });
});
