/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports --
   test code, runs in Jest; it loads the built files the way n8n does, with require(). */
// What n8n and its community-package verification expect of the built package, checked on dist/
// (turbo builds before testing). Runtime behaviour is covered in test/runtime against real n8n.
import fs from 'node:fs';
import path from 'node:path';

import { catalog } from '@classifaily/core';
import type { ICredentialType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';

import { PACKAGE_ROOT as root } from '../harness/n8n';

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const entries: string[] = [...pkg.n8n.nodes, ...pkg.n8n.credentials];

describe('package.json', () => {
  it('is laid out as @n8n/node-cli expects a community package', () => {
    expect(pkg.name).toBe('n8n-nodes-classifaily');
    expect(pkg.keywords).toContain('n8n-community-node-package');
    expect(pkg.license).toBe('MIT');
    expect(pkg.files).toEqual(['dist']);
    expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
  });

  it('has no runtime dependency, and n8n-workflow as its only peer', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(Object.keys(pkg.peerDependencies)).toEqual(['n8n-workflow']);
  });
});

describe('dist', () => {
  it.each(entries)('%s is one bundled file that requires nothing but n8n-workflow', (entry) => {
    const code = fs.readFileSync(path.join(root, entry), 'utf8');
    const required = [...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(required.filter((name) => name !== 'n8n-workflow')).toEqual([]);
  });

  it('has @classifaily/core inlined into the node', () => {
    const code = fs.readFileSync(path.join(root, pkg.n8n.nodes[0]), 'utf8');
    expect(code).toContain('schemaListMaxLimit');
  });

  it('keeps only the entry files, the codex and the icons', () => {
    const files = walk(path.join(root, 'dist'))
      .map((f) => path.relative(root, f))
      .sort();
    expect(files).toEqual(
      [
        ...entries,
        'dist/nodes/Classifaily/Classifaily.node.json',
        'dist/icons/classifaily.svg',
        'dist/icons/classifaily.dark.svg',
      ].sort(),
    );
  });

  it('puts the node in the AI root nodes of the node creator, so that searching for it finds it', () => {
    // n8n 2.x leaves out of the search of its "What happens next?" panel every node in the AI
    // category that is not an AI root node (it keeps those for canvases with AI nodes on them).
    const codex = JSON.parse(
      fs.readFileSync(path.join(root, 'dist/nodes/Classifaily/Classifaily.node.json'), 'utf8'),
    );
    expect(codex.categories).toContain('AI');
    expect(codex.subcategories.AI).toContain('Root Nodes');
  });

  it('declares a versioned node whose every version shows the light and dark icons', () => {
    const nodeFile = path.join(root, pkg.n8n.nodes[0]);
    const { Classifaily } = require(nodeFile) as { Classifaily: new () => IVersionedNodeType };
    const node = new Classifaily();
    expect(node.description.name).toBe('classifaily');
    // V2 is what a new node gets; saved V1 workflows keep running V1 (decision 0209).
    expect(Object.keys(node.nodeVersions)).toEqual(['1', '2']);
    expect(node.description.defaultVersion).toBe(2);
    const descriptions: Array<Pick<INodeTypeDescription, 'icon'>> = [
      node.description,
      ...Object.values(node.nodeVersions).map((v) => v.description),
    ];
    for (const { icon } of descriptions) {
      // n8n resolves every version's icon relative to the entry file.
      expect(icon).toEqual({
        light: 'file:../../icons/classifaily.svg',
        dark: 'file:../../icons/classifaily.dark.svg',
      });
      for (const file of Object.values(icon as Record<string, string>)) {
        expect(
          fs.existsSync(path.resolve(path.dirname(nodeFile), file.replace(/^file:/, ''))),
        ).toBe(true);
      }
    }
  });

  it('declares the ClassifailyApi credential: password key, base URL, Bearer auth by core’s rules, test on core’s test request', async () => {
    const credFile = path.join(root, pkg.n8n.credentials[0]);
    const { ClassifailyApi } = require(credFile) as { ClassifailyApi: new () => ICredentialType };
    const cred = new ClassifailyApi();
    expect(cred.name).toBe('classifailyApi');
    const byName = Object.fromEntries(cred.properties.map((p) => [p.name, p]));
    expect(byName.apiKey?.typeOptions?.password).toBe(true);
    expect(byName.baseUrl?.default).toBe('https://api.classifaily.com');
    // The guide and its Get an API key section, from core's catalog, for the credential and the codex.
    const codex = JSON.parse(
      fs.readFileSync(path.join(root, 'dist/nodes/Classifaily/Classifaily.node.json'), 'utf8'),
    );
    expect(cred.documentationUrl).toBe(catalog.service.keyGuides.n8n);
    expect(codex.resources.primaryDocumentation).toEqual([{ url: catalog.service.guides.n8n }]);
    expect(codex.resources.credentialDocumentation).toEqual([{ url: cred.documentationUrl }]);
    expect(typeof cred.authenticate).toBe('function');
    const authenticate = cred.authenticate as (
      credentials: Record<string, unknown>,
      request: { url: string; headers?: Record<string, string> },
    ) => Promise<{ url: string; headers: Record<string, string> }>;
    // The test request is relative (authenticate puts it under the credential's base URL) and
    // leaves a redirect unfollowed, so that n8n does not take the key elsewhere (decision 0236).
    // It is core's test request, one schema read, not /v1/me (decision 0038).
    expect(cred.test?.request).toEqual({
      url: '/v1/schemas?limit=1',
      method: 'GET',
      disableFollowRedirect: true,
    });
    const sent = await authenticate(
      { apiKey: ' Bearer cai_test_abcdefgh12345678\n', baseUrl: 'http://127.0.0.1:8787/' },
      { url: '/v1/schemas?limit=1' },
    );
    expect(sent).toMatchObject({
      url: 'http://127.0.0.1:8787/v1/schemas?limit=1',
      headers: { Authorization: 'Bearer cai_test_abcdefgh12345678' },
    });
    // A refused key and a redirect get core's words in the credential dialog, not n8n's
    // "Unauthorized" or "Temporary Redirect".
    expect(cred.test?.rules).toEqual([
      {
        type: 'responseCode',
        properties: { value: 401, message: catalog.credential.keyRejectedMessage },
      },
      ...[301, 302, 303, 307, 308].map((value) => ({
        type: 'responseCode',
        properties: { value, message: catalog.credential.redirectMessage },
      })),
    ]);
    for (const file of Object.values(cred.icon as Record<string, string>)) {
      expect(fs.existsSync(path.resolve(path.dirname(credFile), file.replace(/^file:/, '')))).toBe(
        true,
      );
    }
  });
});

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
