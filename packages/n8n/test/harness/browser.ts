/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   The harness runs in Jest, never inside n8n: it starts a browser and writes files. */
// Debian's Chromium driven by playwright-core: nothing downloads a browser build, and the page may
// reach nothing but this machine (every other request is blocked and recorded). Screenshots go to
// docs/images with CLASSIFAILY_DOCS_IMAGES=1 (`pnpm docs:images`), to a temporary folder otherwise,
// so that a test run never changes the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

import { PACKAGE_ROOT } from './n8n';

const CHROMIUM_INSTALL = 'apt-get install -y chromium';

/** Small enough for the docs, wide enough for n8n's three-panel node view. */
const VIEWPORT = { width: 1280, height: 800 };

/** Flags known to work here as root, in a container without a GPU, offline. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium's own services (autofill, sign-in, updates) still looked up Google's hosts (seen with
  // strace); no name but this machine's resolves, so not even a DNS query leaves it.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried to send off this machine (n8n's editor asks npm about community packages). */
  blocked: string[];
  close(): Promise<void>;
}

/** Debian's Chromium (or `CHROMIUM_PATH`); a clear failure with the install line when missing. */
export function chromiumPath(): string {
  const file = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(file)) {
    throw new Error(`Chromium is not installed (no ${file}). Install it: ${CHROMIUM_INSTALL}`);
  }
  return file;
}

export async function openBrowser(baseURL: string): Promise<Browser> {
  // n8n's editor marks its elements with data-test-id (not Playwright's default data-testid).
  selectors.setTestIdAttribute('data-test-id');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'classifaily-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    baseURL,
    // A person pastes their key: the clipboard is the way it reaches the field.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const blocked: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (local || !url.protocol.startsWith('http')) return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    blocked,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where this run's screenshots go (see the header). */
export function screenshotDir(): string {
  if (process.env.CLASSIFAILY_DOCS_IMAGES === '1') {
    return path.join(PACKAGE_ROOT, '..', '..', 'docs', 'images');
  }
  return fs.mkdtempSync(path.join(os.tmpdir(), 'classifaily-n8n-editor-'));
}
