/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports --
   test code, runs in Jest; it loads the built files the way n8n does, with require(). */
// The codex is a static JSON file n8n reads as it is, so it cannot import core: this test holds its
// links to core's documentation URL scheme, as the credential's documentationUrl is by construction.
import fs from 'node:fs';
import path from 'node:path';

import { API_KEY_SECTION, guideUrl } from '@classifaily/core';
import type { ICredentialType } from 'n8n-workflow';

import { PACKAGE_ROOT as root } from '../harness/n8n';

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('documentation links', () => {
  it('the codex links the n8n guide and its API key section, as core writes them', () => {
    const codex = JSON.parse(
      fs.readFileSync(path.join(root, 'dist/nodes/Classifaily/Classifaily.node.json'), 'utf8'),
    );
    expect(codex.resources.primaryDocumentation).toEqual([{ url: guideUrl('n8n') }]);
    expect(codex.resources.credentialDocumentation).toEqual([
      { url: guideUrl('n8n', API_KEY_SECTION) },
    ]);
  });

  it('the credential dialog links the guide’s API key section', () => {
    const { ClassifailyApi } = require(path.join(root, pkg.n8n.credentials[0])) as {
      ClassifailyApi: new () => ICredentialType;
    };
    expect(new ClassifailyApi().documentationUrl).toBe(guideUrl('n8n', API_KEY_SECTION));
  });
});
