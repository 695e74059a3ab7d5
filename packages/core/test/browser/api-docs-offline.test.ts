// The API reference works offline: docs/api/index.html, opened from disk in Debian's Chromium with
// every request that is not a file blocked, draws every endpoint of the OpenAPI document. The same
// page rendered the old way (Redoc's script from Redocly's CDN) draws none: the check can fail.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { parse } from 'yaml';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const specFile = path.join(__dirname, '../../openapi/classifaily.openapi.yaml');
const committedPage = path.join(__dirname, '../../../../docs/api/index.html');
const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** "POST /v1/classify" for every operation, and each tag's description: what the page must show. */
function expectedTexts(): string[] {
  const spec = parse(readFileSync(specFile, 'utf8')) as {
    paths: Record<string, Record<string, unknown>>;
    tags: Array<{ description: string }>;
  };
  const operations = Object.entries(spec.paths).flatMap(([route, item]) =>
    Object.keys(item)
      .filter((method) => METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${route}`),
  );
  return [...operations, ...spec.tags.map((tag) => tag.description.trim())];
}

let browser: Browser;
const folders: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is needed to open the API reference (not found at ${CHROMIUM}): apt-get install -y chromium, or set CHROMIUM_PATH`,
    );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Chromium's own background traffic off: this machine's closed network refuses it loudly.
    args: [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/**
 * Opens a page from disk with the network blocked, scrolls section by section (Redoc draws a section
 * when it comes into view) until every expected text shows or `timeout` passes.
 */
async function openOffline(file: string, expected: string[], timeout: number) {
  const context = await browser.newContext();
  const blocked: Array<{ url: string; type: string }> = [];
  await context.route('**/*', (route) => {
    const request = route.request();
    if (request.url().startsWith('file:')) return route.continue();
    blocked.push({ url: request.url(), type: request.resourceType() });
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(pathToFileURL(file).href);
  let complete = true;
  try {
    await page.waitForFunction(
      (texts) => {
        const sections = document.querySelectorAll('[data-section-id]');
        const w = window as unknown as { __next?: number };
        const next = (w.__next = ((w.__next ?? -1) + 1) % Math.max(sections.length, 1));
        sections[next]?.scrollIntoView();
        const shown = document.body.innerText.replace(/\s+/g, ' ');
        return texts.every((text) => shown.includes(text));
      },
      expected,
      { polling: 200, timeout },
    );
  } catch {
    complete = false;
  }
  const shown = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, ' ');
  await context.close();
  return { complete, missing: expected.filter((text) => !shown.includes(text)), blocked, errors };
}

describe('the API reference, offline', () => {
  it('draws every endpoint of the document with no network, and asks for no script or data', async () => {
    const expected = expectedTexts();
    expect(expected).toContain('POST /v1/classify/batch');
    const result = await openOffline(committedPage, expected, 45_000);
    expect(result.missing).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.errors).toEqual([]);
    // Only Redocly's "API docs by" badge image is asked for; it hides itself when it cannot load.
    expect(result.blocked.filter((request) => request.type !== 'image')).toEqual([]);
  }, 90_000);

  it('the page rendered with the CDN script instead draws no endpoint (the check can fail)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'api-docs-cdn-'));
    folders.push(dir);
    const page = path.join(dir, 'index.html');
    const redocly = path.join(__dirname, '../../node_modules/.bin/redocly');
    execFileSync(redocly, ['build-docs', specFile, '--output', page], {
      cwd: path.join(__dirname, '../..'),
      stdio: 'pipe',
    });
    const result = await openOffline(page, expectedTexts(), 5_000);
    expect(result.complete).toBe(false);
    expect(result.missing).toContain('POST /v1/classify/batch');
    expect(result.blocked).toContainEqual({
      url: expect.stringMatching(/^https:\/\/cdn\.redocly\.com\/.*redoc\.standalone\.js$/),
      type: 'script',
    });
  }, 90_000);
});
