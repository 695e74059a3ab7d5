// The HTML report as a person opens it: written by the built command (against a scripted API that
// gives the hand-worked answers), opened from disk in Debian's Chromium with every request that is
// not the file itself blocked and recorded. It must draw the chart where the figures put it, show
// the tables, show the hostile ticket as text without running it, and load nothing. A picture of
// a report goes to the package README: `pnpm --filter @classifaily/cli docs:images` writes it to
// docs/images/cli-report.png; a test run writes it to a temporary folder.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CATEGORIES, ROWS } from '../fixtures/hand-worked';
import { SUPPORT, tickets, writeCsv } from '../helpers/labelled';
import { startScriptedApi, type ScriptedApi } from '../helpers/scripted-api';
import { FIXTURES, PACKAGE_ROOT, runCli, tempDir } from '../helpers/run-cli';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_INSTALL = 'apt-get install -y chromium';
// The flags the n8n editor suite runs Chromium with here (packages/n8n/test/harness/browser.ts):
// as root, in a container without a GPU, offline, no name resolved but this machine's.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
const IMAGE = 'cli-report.png';

let browser: Browser;
let temp: ReturnType<typeof tempDir>;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is needed to open the report (not found at ${CHROMIUM}): ${CHROMIUM_INSTALL}, or set CHROMIUM_PATH`,
    );
  temp = tempDir('classifaily-cli-browser-');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  temp?.cleanUp();
});

/** Opens a file from disk; any request that is not that file is blocked and recorded. */
async function openOffline(file: string, viewport = { width: 1000, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const url = pathToFileURL(file).href;
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, blocked, errors, dialogs, close: () => context.close() };
}

/** The horizontal centre of an element, in page pixels. */
const centreX = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.left + box.width / 2;
  });

describe('the report of the hand-worked answer set, opened offline', () => {
  let api: ScriptedApi;
  let opened: Awaited<ReturnType<typeof openOffline>>;

  beforeAll(async () => {
    api = await startScriptedApi(new Map(ROWS.map((row) => [row.text, row.answer])));
    const report = path.join(temp.dir, 'hand-worked.html');
    const run = await runCli(
      [
        'evaluate',
        path.join(FIXTURES, 'hand-worked.csv'),
        '--categories',
        CATEGORIES.join(','),
        '--base-url',
        api.url,
        '--out',
        report,
      ],
      {
        env: {
          CLASSIFAILY_API_KEY: 'cai_test_BrowserReport00001',
          XDG_CACHE_HOME: temp.dir,
          HOME: temp.dir,
        },
      },
    );
    expect(run.code).toBe(0);
    opened = await openOffline(report);
  }, 60_000);

  afterAll(async () => {
    await opened?.close();
    await api?.close();
  });

  it('asks for nothing, runs nothing, and refuses to load anything even when asked', async () => {
    const { page, blocked, errors, dialogs } = opened;
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    // The hostile ticket's onerror never ran, and no <img> was made from it.
    expect(await page.title()).toBe(
      'Classifaily evaluation of ' + path.join(FIXTURES, 'hand-worked.csv'),
    );
    expect(await page.locator('img').count()).toBe(0);
    // The page's policy stops a request before it leaves: Chromium reports the violation.
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) =>
            resolve(event.violatedDirective),
          );
          const image = document.createElement('img');
          // Without the policy the request would go out (and be blocked by the test instead).
          image.addEventListener('error', () => setTimeout(() => resolve('no policy'), 500));
          image.src = 'https://example.com/pixel.png';
          document.body.append(image);
        }),
    );
    expect(violated).toBe('img-src');
    expect(blocked).toEqual([]);
  });

  it('shows the hostile ticket as the text it is, first among the worst mistakes', async () => {
    const { page } = opened;
    const first = page.locator('table.mistakes tbody tr').first();
    expect(await first.getAttribute('data-line')).toBe('7');
    expect(await first.locator('td.text').innerText()).toBe(ROWS[5]!.text);
  });

  it('draws the 0.80 rule and the recommended 0.87 where the axis puts them', async () => {
    const { page } = opened;
    const at = (t: string) => centreX(page, `svg.chart text[data-tick="${t}"]`);
    const [x80, x90] = [await at('0.80'), await at('0.90')];
    expect(await centreX(page, '[data-marker="rule"] line')).toBeCloseTo(x80, 0);
    expect(await centreX(page, '[data-marker="recommended"] line')).toBeCloseTo(
      x80 + 0.7 * (x90 - x80),
      0,
    );
    const box = await page.locator('svg.chart').boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    // Coverage spans every threshold, 0.50 to 0.99; precision stops at 0.97 (nothing acted on after).
    const span = (series: string) =>
      page.locator(`[data-series="${series}"]`).evaluate((element) => {
        const b = element.getBoundingClientRect();
        return [b.left, b.right];
      });
    const [x50, x99, x97] = [await at('0.50'), x80 + 1.9 * (x90 - x80), x80 + 1.7 * (x90 - x80)];
    expect((await span('coverage'))[0]).toBeCloseTo(x50, 0);
    expect((await span('coverage'))[1]).toBeCloseTo(x99, 0);
    expect((await span('precision'))[1]).toBeCloseTo(x97, 0);
  });

  it('shows the hand-worked figures in its tables', async () => {
    const { page } = opened;
    const row = (selector: string) => page.locator(selector).innerText();
    expect((await row('table.per-category tr[data-category="billing"]')).split('\t')).toEqual([
      'billing',
      '50.0%',
      '66.7%',
      '0.57',
      '3',
    ]);
    expect((await row('table.per-category tr[data-category="bug"]')).split('\t')).toEqual([
      'bug',
      '100.0%',
      '66.7%',
      '0.80',
      '3',
    ]);
    expect((await row('table.confusion tr[data-expected="account"]')).split('\t')).toEqual([
      'account',
      '1',
      '0',
      '3',
    ]);
    expect(await page.locator('#verdict .threshold').innerText()).toBe('0.87');
    // The style is applied (the policy allows the page's own): the diagonal is tinted.
    const tint = await page
      .locator('table.confusion td.diagonal')
      .first()
      .evaluate((cell) => getComputedStyle(cell).backgroundColor);
    expect(tint).toBe('rgb(230, 244, 234)');
  });
});

describe('the README picture', () => {
  it('a report of 300 support tickets on the local sandbox, drawn and photographed', async () => {
    writeCsv(path.join(temp.dir, 'support-tickets.csv'), tickets(300));
    const run = await runCli(
      [
        'evaluate',
        'support-tickets.csv',
        '--categories',
        SUPPORT.join(','),
        '--sandbox',
        '--out',
        'report.html',
        '--target-precision',
        '0.9',
      ],
      { cwd: temp.dir, env: { XDG_CACHE_HOME: temp.dir, HOME: temp.dir } },
    );
    expect(run.code).toBe(0);
    const opened = await openOffline(path.join(temp.dir, 'report.html'), {
      width: 960,
      height: 1280,
    });
    try {
      expect(opened.blocked).toEqual([]);
      expect(await opened.page.locator('[data-series="coverage"]').count()).toBe(1);
      const folder =
        process.env.CLASSIFAILY_DOCS_IMAGES === '1'
          ? path.join(PACKAGE_ROOT, '..', '..', 'docs', 'images')
          : temp.dir;
      await opened.page.screenshot({ path: path.join(folder, IMAGE) });
      expect(existsSync(path.join(folder, IMAGE))).toBe(true);
    } finally {
      await opened.close();
    }
  });
});
