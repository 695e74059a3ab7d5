/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   test code, runs in Jest: processes, files, a browser. */
// The node as a person meets it in n8n's editor, in Debian's Chromium (decision 0223): real n8n
// (`n8n start`) with the built package installed, the sandbox over real HTTP, the owner signed up
// the way n8n's setup page does it, then five steps in one workflow and the accuracy example, each asserting what the page
// shows and taking the picture the docs use (`pnpm docs:images` writes them to docs/images).
// Every label and message looked for comes from the built node and credential (./what-n8n-shows);
// n8n's own elements are found by the data-test-id attributes its editor carries.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { catalog, ClassifailyClient, LIMITS, needsReview, type Schema } from '@classifaily/core';
import type { Locator, Page } from 'playwright-core';

import { chromiumPath, openBrowser, screenshotDir, type Browser } from '../harness/browser';
import { setUpOwner, startEditor, type Editor } from '../harness/editor';
import { exampleWorkflow, N8nInstance, PACKAGE_ROOT, n8nVersionsUnderTest } from '../harness/n8n';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';
import { CLEAR_TICKETS, VAGUE_TICKETS } from '../harness/tickets';
import { lastNode, startingWorkflow, typed } from './starting-workflow';
import { outputNames, shown } from './what-n8n-shows';

// The editor's selectors are n8n 2.x's: the suite runs on the pinned 2.x version.
const VERSION = n8nVersionsUnderTest().find((v) => v.startsWith('2.'));
// A cold install of n8n takes minutes; a warm start of the editor well under one.
const SETUP_TIMEOUT_MS = 45 * 60_000;
const STEP_TIMEOUT_MS = 10 * 60_000;
// The longest the suite waits for the page to show something (the CPU is shared with other jobs).
const UI_TIMEOUT_MS = 2 * 60_000;

/** More saved schemas than one page of the picker holds (it asks for the API's largest page). */
const SCHEMA_COUNT = LIMITS.schemaListMaxLimit + 20;
const schemaName = (n: number) => `Support triage ${String(n).padStart(3, '0')}`;
/** What the person types into the picker's search: it matches only the oldest schemas (the last page). */
const SCHEMA_SEARCH = 'triage 00';

/** The node's parameters once step 4 is done, and so the outputs it then has. */
const ROUTED_OUTPUTS = outputNames({
  resource: 'classification',
  categorySource: 'list',
  categories: typed.categories,
  options: { [shown.options.routeByCategory.name]: true },
});

/** docs/examples/n8n-measure-accuracy.workflow.json, for step 6. */
const accuracyExample = exampleWorkflow('n8n-measure-accuracy.workflow.json');

/**
 * Tickets a person labelled, for the accuracy example's Data Table: four clear ones, one the person
 * labelled otherwise, one vague.
 */
const LABELLED = [...CLEAR_TICKETS.slice(0, 4), CLEAR_TICKETS[8]!, VAGUE_TICKETS[0]!];

describe(`n8n ${VERSION ?? '2.x'} editor, as a person uses it`, () => {
  let sandbox: SandboxProcess;
  let n8n: N8nInstance;
  let editor: Editor;
  let browser: Browser;
  let page: Page;
  let api: ClassifailyClient;
  let shots: string;
  /** The saved schemas, as the API lists them (newest first). */
  let schemas: Schema[];
  /** Items the tickets node puts out, read in step 4. */
  let ticketCount = 0;

  beforeAll(async () => {
    // Fail at once, and say why, before minutes of setup.
    if (!VERSION) {
      throw new Error(
        `the editor suite runs on n8n 2.x; CLASSIFAILY_N8N_VERSIONS=${process.env.CLASSIFAILY_N8N_VERSIONS} names none`,
      );
    }
    chromiumPath();
    sandbox = await startSandboxProcess();
    api = new ClassifailyClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    for (let n = 1; n <= SCHEMA_COUNT; n++) {
      await api.schemas.create({
        name: schemaName(n),
        categories: typed.categories.map((name) => ({ name })),
      });
    }
    schemas = await api.schemas.listAll();
    n8n = await N8nInstance.create({ version: VERSION, packages: [PACKAGE_ROOT] });
    await n8n.importWorkflows([startingWorkflow]);
    // Step 6's example; its Classify node gets the credential step 2 makes.
    await n8n.importWorkflows([accuracyExample]);
    editor = await startEditor(n8n);
    browser = await openBrowser(editor.url);
    page = browser.page;
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await setUpOwner(browser.context.request);
    shots = screenshotDir();
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await editor?.stop();
    await sandbox?.close();
    await n8n?.dispose();
    if (shots) process.stderr.write(`[n8n editor] screenshots in ${shots}\n`);
    if (browser?.blocked.length) {
      process.stderr.write(
        `[n8n editor] blocked requests off this machine: ${[...new Set(browser.blocked)].join(', ')}\n`,
      );
    }
  }, STEP_TIMEOUT_MS);

  /**
   * A picture of the page for the docs; the API keys must not be readable on it. With `above`:
   * only `within` down to that element, as when the credential's Base URL is the sandbox's here
   * while the docs say to leave the default.
   */
  async function shot(name: string, crop?: { within: Locator; above: Locator }): Promise<void> {
    await closeToasts(page);
    const text = await page.locator('body').innerText();
    for (const key of [sandbox.apiKey, sandbox.revokedKey]) expect(text).not.toContain(key);
    const clip = crop && (await clipAbove(crop.within, crop.above));
    await page.screenshot({ path: path.join(shots, `n8n-${name}.png`), ...(clip ? { clip } : {}) });
  }

  /**
   * Runs one step of the story. On a failure: a picture of the page and the tail of n8n's log next
   * to the error, and the later steps fail at once (each builds on the one before).
   */
  let failedStep: string | undefined;
  async function step(name: string, run: () => Promise<void>): Promise<void> {
    if (failedStep) throw new Error(`not run: the step "${failedStep}" before it failed`);
    try {
      await run();
    } catch (error) {
      failedStep = name;
      // Never next to the docs' pictures: a temporary folder of its own.
      const picture = path.join(
        fs.mkdtempSync(path.join(os.tmpdir(), 'classifaily-n8n-editor-failed-')),
        `${name}.png`,
      );
      await page.screenshot({ path: picture }).catch(() => undefined);
      const original = error as Error;
      const context = `(the page: ${picture})\n--- n8n start (tail) ---\n${editor.logTail(20)}`;
      throw Object.assign(new Error(`${original.message}\n${context}`), {
        stack: `${original.stack ?? original.message}\n${context}`,
      });
    }
  }

  const ndv = () => page.getByTestId('ndv');
  const parameter = (name: string) => ndv().getByTestId(`parameter-input-${name}`);
  const classifyNode = () =>
    page.getByTestId('canvas-node').filter({ hasText: shown.classifyAction });

  it(
    '1. finds Classifaily in the node creator and adds its Classify action after the tickets',
    () =>
      step('node-creator', async () => {
        await page.goto(`/workflow/${startingWorkflow.id}`);
        await page
          .getByTestId('canvas-node')
          .filter({ hasText: lastNode })
          .getByTestId('canvas-handle-plus')
          .click();
        await page.getByTestId('node-creator-search-bar').fill(shown.node.name);
        const found = page
          .getByTestId('node-creator')
          .getByTestId('item-iterator-item')
          .filter({ has: page.getByText(shown.node.name, { exact: true }) });
        await found.waitFor();
        expect(await found.innerText()).toContain(shown.node.description);
        await shot('node-creator');

        await found.click();
        // The node's actions, from the node creator's own list (an item of the panel sliding out
        // may still be there: only actions count).
        const actions = page.locator(
          '[data-test-id="item-iterator-item"][data-keyboard-nav-type="action"]',
        );
        await actions.first().waitFor();
        const listed = await actions.getByTestId('node-creator-item-name').allInnerTexts();
        expect(listed.map((a) => a.trim()).sort()).toEqual([...shown.actions].sort());

        await actions
          .filter({ has: page.getByText(shown.classifyAction, { exact: true }) })
          .click();
        await ndv().waitFor();
        expect((await ndv().getByTestId('node-title-container').innerText()).trim()).toBe(
          shown.classifyAction,
        );
        for (const label of [
          shown.text.label,
          shown.categorySource.label,
          shown.categories.label,
          shown.explain.label,
          shown.options.label,
        ]) {
          await ndv().getByTestId('node-parameters').getByText(label, { exact: true }).waitFor();
        }
      }),
    STEP_TIMEOUT_MS,
  );

  it(
    '2. creates the credential: a revoked key gets the node’s message, the right key (pasted with a newline) tests successfully',
    () =>
      step('credential', async () => {
        expect(shown.credential.rejectedMessage).toEqual(expect.any(String)); // the 401 rule's
        await ndv().getByTestId('node-credentials-empty-state').click();
        const modal = page.getByTestId('editCredential-modal');
        await modal.waitFor();
        await modal.getByText(shown.credential.title, { exact: true }).waitFor();
        const field = (name: string) => modal.getByTestId(`parameter-input-${name}`);
        for (const { name, displayName } of [shown.credential.apiKey, shown.credential.baseUrl]) {
          const row = modal
            .getByTestId('credential-connection-parameter')
            .filter({ has: page.getByTestId(`parameter-input-${name}`) });
          expect(await row.innerText()).toContain(displayName);
        }
        const key = field(shown.credential.apiKey.name).locator('input');

        // Pasted as copied from a page, with the line break; a one-line field drops it itself.
        await paste(page, key, `${sandbox.revokedKey}\n`);
        expect(await key.inputValue()).toBe(sandbox.revokedKey);
        await field(shown.credential.baseUrl.name).locator('input').fill(sandbox.url);
        // n8n tests a credential when it is saved; a refused key leaves the dialog open.
        await modal.getByTestId('credential-save-button').click();
        // n8n 2.x shows the message after "More details" in the red banner (the guide says so).
        await modal.getByText('More details').click();
        await modal.getByText(shown.credential.rejectedMessage, { exact: true }).waitFor();
        // The pictures stop above Base URL: here it is the sandbox's, the guide says keep the default.
        const crop = {
          within: modal,
          above: modal
            .getByTestId('credential-connection-parameter')
            .filter({ has: page.getByTestId(`parameter-input-${shown.credential.baseUrl.name}`) }),
        };
        await shot('credential-revoked', crop);

        await paste(page, key, `${sandbox.apiKey}\n`);
        expect(await key.inputValue()).toBe(sandbox.apiKey);
        await modal.getByTestId('credential-save-button').click();
        // Tested successfully, n8n closes the dialog and selects the credential in the node.
        await modal.waitFor({ state: 'hidden' });
        await ndv().getByTestId('node-credentials-select').waitFor();

        // Opened again, it says the connection was tested; Retry tests it once more (one more
        // test request, GET /v1/schemas?limit=1, reaches the sandbox) and says so again.
        await ndv().getByTestId('credential-edit-button').click();
        const success = modal.getByTestId('credentials-config-container-test-success');
        await success.waitFor();
        const { method, path: testPath } = catalog.credential.testRequest;
        const tests = async () => (await sandbox.stats()).byRoute[`${method} ${testPath}`] ?? 0;
        const testsBefore = await tests();
        await success.getByRole('button').click();
        await until(page, async () => (await tests()) > testsBefore, 'Retry tests the key again');
        await success.waitFor();
        await shot('credential', crop);
        await modal.locator('.el-dialog__close').first().click();
        await modal.waitFor({ state: 'hidden' });
      }),
    STEP_TIMEOUT_MS,
  );

  it(
    '3. picks a saved schema "From list": every page of schemas, and a search that finds one past the first page',
    () =>
      step('schema-picker', async () => {
        await selectOption(page, parameter(shown.categorySource.name), shown.categorySource.schema);
        const picker = ndv().getByTestId(`resource-locator-${shown.schema.name}`);
        await picker.waitFor();
        expect(
          (
            await picker.getByTestId('rlc-mode-selector').locator('input').inputValue()
          ).toLowerCase(),
        ).toBe(shown.schema.listMode.toLowerCase());

        await picker.getByTestId('rlc-input').click();
        const expectedAll = schemas.map((s) => s.name);
        expect(expectedAll.length).toBeGreaterThan(LIMITS.schemaListMaxLimit);
        // Scrolled to the end like a person, until the list stops at the last (oldest) schema.
        await page.waitForFunction(
          (count) => {
            const items = document.querySelectorAll('[data-test-id="rlc-item"]');
            items[items.length - 1]?.scrollIntoView({ block: 'end' });
            return items.length >= count;
          },
          expectedAll.length,
          { timeout: UI_TIMEOUT_MS, polling: 250 },
        );
        expect(await page.getByTestId('rlc-item').allInnerTexts()).toEqual(expectedAll);
        const listRequests = (await sandbox.stats()).byRoute['GET /v1/schemas'] ?? 0;
        expect(listRequests).toBeGreaterThanOrEqual(2);

        const matching = schemas.filter((s) => s.name.toLowerCase().includes(SCHEMA_SEARCH));
        // The search must find schemas the first page does not hold.
        expect(matching.length).toBeGreaterThan(0);
        expect(schemas.indexOf(matching[0]!)).toBeGreaterThanOrEqual(LIMITS.schemaListMaxLimit);
        await page.getByTestId('rlc-search').fill(SCHEMA_SEARCH);
        await waitForTexts(
          page,
          'rlc-item',
          matching.map((s) => s.name),
        );
        await shot('schema-picker');

        await page.getByTestId('rlc-item').filter({ hasText: matching[0]!.name }).click();
        await page.getByTestId('rlc-item').first().waitFor({ state: 'hidden' });
        expect(await inputValue(picker.getByTestId('rlc-input'))).toBe(matching[0]!.name);

        // Routing by category needs a typed list: back to it for the next step.
        await selectOption(page, parameter(shown.categorySource.name), shown.categorySource.list);
        await ndv()
          .getByTestId('node-parameters')
          .getByText(shown.categories.label, { exact: true })
          .waitFor();
      }),
    STEP_TIMEOUT_MS,
  );

  it(
    '4. sets the text and the categories, turns on routing, and sees one output per category plus Needs Review',
    () =>
      step('routing', async () => {
        // The input panel shows the tickets once the nodes before have run.
        await ndv().getByTestId('execute-previous-node').click();
        const input = ndv().getByTestId('ndv-input-panel');
        const tickets = input.getByTestId('run-data-schema-header').filter({ hasText: lastNode });
        await tickets.getByTestId('run-data-schema-node-item-count').waitFor();
        ticketCount = parseInt(
          await tickets.getByTestId('run-data-schema-node-item-count').innerText(),
          10,
        );
        expect(ticketCount).toBeGreaterThan(1);
        const firstText = (
          await input
            .getByTestId('run-data-schema-item')
            .filter({
              has: page
                .getByTestId('run-data-schema-node-name')
                .getByText(typed.textField, { exact: true }),
            })
            .first()
            .getByTestId('run-data-schema-item-value')
            .innerText()
        ).trim();

        // Text: an expression, typed; the editor closes the braces itself.
        await parameter(shown.text.name).click();
        await ndv()
          .getByTestId(`${shown.text.name}-parameter-input-options-container`)
          .getByTestId('radio-button-expression')
          .click();
        const expression = ndv().getByTestId('inline-expression-editor-input');
        await expression.click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Delete');
        await expression.pressSequentially('{{');
        await expression.pressSequentially(
          /^\{\{\s*([\s\S]*?)\s*\}\}$/.exec(typed.textExpression)![1]!,
        );
        expect(squash(await expression.innerText())).toBe(squash(typed.textExpression));
        // Its result for the first ticket, under the field.
        await page
          .getByTestId('inline-expression-editor-output')
          .getByText(firstText, { exact: true })
          .waitFor();
        await ndv().getByTestId('tab-params').click(); // closes the result popup

        const addCategory = ndv().getByRole('button', { name: shown.categories.addButton });
        const categoryInputs = parameter(shown.categories.name).locator('input');
        for (const [index, name] of typed.categories.entries()) {
          await addCategory.click();
          await categoryInputs.nth(index).fill(name);
          await categoryInputs.nth(index).press('Tab');
        }
        expect(
          await categoryInputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
        ).toEqual(typed.categories);

        await ndv()
          .getByTestId('parameter-item')
          .filter({ has: page.getByText(shown.options.label, { exact: true }) })
          .getByTestId('collection-parameter-add')
          .click();
        await page.getByRole('option', { name: shown.options.routeByCategory.label }).click();
        const routing = parameter(shown.options.routeByCategory.name);
        await routing.locator('.el-switch').click();
        expect(await routing.getByRole('switch').getAttribute('aria-checked')).toBe('true');
        await shot('parameters');

        await ndv().getByTestId('ndv-close-button').click();
        await ndv().waitFor({ state: 'hidden' });
        expect(ROUTED_OUTPUTS).toHaveLength(typed.categories.length + 1);
        await waitForTexts(page, 'canvas-node-output-handle', ROUTED_OUTPUTS, classifyNode());
        await page.getByTestId('zoom-to-fit').click();
        await shot('canvas');
      }),
    STEP_TIMEOUT_MS,
  );

  it(
    '5. executes the workflow and reads every ticket’s label in the output panel, on its output',
    () =>
      step('output', async () => {
        await page.getByTestId('execute-workflow-button').click();
        const succeeded = classifyNode().getByTestId('canvas-node-status-success');
        const failed = classifyNode().getByTestId('canvas-node-status-error');
        await succeeded.or(failed).waitFor();
        expect(await failed.count()).toBe(0);
        await classifyNode().dblclick();
        const output = page.getByTestId('output-panel');
        const branches = output.getByTestId('branches');
        await branches.waitFor();

        const needsReviewOutput = ROUTED_OUTPUTS[ROUTED_OUTPUTS.length - 1]!;
        let seen = 0;
        for (const [index, name] of ROUTED_OUTPUTS.entries()) {
          const tab = branches.getByTestId(`tab-${index}`);
          await tab.click();
          // The table follows the selected tab (its CSS-module class names it, hash aside).
          await tab.locator('[class*="activeTab"]').waitFor();
          const title = (await tab.innerText()).trim();
          expect(title.toLowerCase()).toContain(name.toLowerCase());
          const count = parseInt(/\((\d+) items?\)/.exec(title)?.[1] ?? 'NaN', 10);
          const rows = await outputRows(output, count, typed.textField, shown.options.outputField);
          for (const row of rows) {
            // What the sandbox's classifier says about this text, asked directly.
            const { result } = await api.classify({
              input: row.text,
              categories: typed.categories,
            });
            const review = needsReview(result.confidence, shown.options.reviewThreshold);
            expect({ text: row.text, label: row.label, needsReview: row.needsReview }).toEqual({
              text: row.text,
              label: result.label,
              needsReview: review,
            });
            expect(name).toBe(review ? needsReviewOutput : result.label);
          }
          seen += rows.length;
          if (name === needsReviewOutput) await shot('output');
        }
        expect(seen).toBe(ticketCount);
      }),
    STEP_TIMEOUT_MS,
  );

  it(
    '6. runs the accuracy example on a Data Table of labelled tickets and shows its figures',
    () =>
      step('accuracy', async () => {
        // The Data Table, made as the Data tables page makes it (n8n's REST API, the owner's session).
        const request = browser.context.request;
        const rest = async (method: 'get' | 'post', route: string, data?: unknown) => {
          const response = await request[method](`/rest${route}`, data ? { data } : {});
          if (!response.ok())
            throw new Error(`${route}: ${response.status()} ${await response.text()}`);
          return ((await response.json()) as { data: { id: string } }).data;
        };
        const project = await rest('get', '/projects/personal');
        const table = await rest('post', `/projects/${project.id}/data-tables`, {
          name: 'Labelled tickets',
          columns: [
            { name: 'text', type: 'string' },
            { name: 'label', type: 'string' },
          ],
        });
        await rest('post', `/projects/${project.id}/data-tables/${table.id}/insert`, {
          data: LABELLED,
        });

        // The example's Classify node takes the credential made in step 2, as a person picks it.
        const credentials = (await (await request.get('/rest/credentials')).json()) as {
          data: Array<{ id: string; name: string; type: string }>;
        };
        const credential = credentials.data.find((c) => c.type === 'classifailyApi')!;
        const saved = (
          (await (await request.get(`/rest/workflows/${accuracyExample.id}`)).json()) as {
            data: { versionId: string; nodes: Array<Record<string, unknown>> };
          }
        ).data;
        for (const node of saved.nodes)
          if (node.name === 'Classify')
            node.credentials = { classifailyApi: { id: credential.id, name: credential.name } };
        const patched = await request.patch(`/rest/workflows/${accuracyExample.id}`, {
          data: { nodes: saved.nodes, versionId: saved.versionId },
        });
        if (!patched.ok())
          throw new Error(`workflow update: ${patched.status()} ${await patched.text()}`);

        await page.goto(`/workflow/${accuracyExample.id}`);
        await page.getByTestId('execute-workflow-button').click();
        const accuracy = page.getByTestId('canvas-node').filter({ hasText: 'Accuracy' });
        const succeeded = accuracy.getByTestId('canvas-node-status-success');
        await succeeded.waitFor();
        await accuracy.dblclick();
        const output = page.getByTestId('output-panel');
        const figures = ['accuracy', 'acted_on_share', 'acted_on_accuracy'];
        const shows = async () => {
          const text = await output.innerText();
          return figures.every((figure) => text.includes(figure));
        };
        await until(page, shows, 'the Accuracy node shows its figures');
        expect(await shows()).toBe(true);
        await shot('accuracy');
      }),
    STEP_TIMEOUT_MS,
  );
});

/** The part of `within` above the top of `above`, for a picture that leaves `above` out. */
async function clipAbove(within: Locator, above: Locator) {
  const [box, stop] = await Promise.all([within.boundingBox(), above.boundingBox()]);
  if (!box || !stop) throw new Error('the part of the page to picture is not shown');
  return { x: box.x, y: box.y, width: box.width, height: stop.y - box.y };
}

/** Pastes text into a field the way a person does: select what is there, paste from the clipboard. */
async function paste(page: Page, field: Locator, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

async function selectOption(page: Page, dropdown: Locator, option: string): Promise<void> {
  await dropdown.click();
  await page.getByRole('option', { name: option }).click();
  await page.getByRole('option', { name: option }).waitFor({ state: 'hidden' });
}

/** Closes n8n's notifications, as a person does before looking at the page. */
async function closeToasts(page: Page): Promise<void> {
  const close = page.locator('.el-notification .el-notification__closeBtn');
  while ((await close.count()) > 0) {
    await close.first().click();
    await close.first().waitFor({ state: 'detached' });
  }
}

/** Waits until the elements with this test id show exactly these texts, in order. */
async function waitForTexts(
  page: Page,
  testId: string,
  expected: string[],
  within: Locator | Page = page,
): Promise<void> {
  const texts = async () => (await within.getByTestId(testId).allInnerTexts()).map((t) => t.trim());
  const same = async () => JSON.stringify(await texts()) === JSON.stringify(expected);
  await until(page, same, `${testId} shows ${expected.length} texts`).catch(() => undefined);
  expect(await texts()).toEqual(expected); // on a timeout, says what the page shows instead
}

/** Polls a condition on what the page (or the sandbox) shows, for at most UI_TIMEOUT_MS. */
async function until(page: Page, condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until: ${what}`);
    await page.waitForTimeout(250); // the polling interval, not a pause before an assertion
  }
}

/** The value of an input, or of the input inside an element. */
async function inputValue(element: Locator): Promise<string> {
  return element.evaluate(
    (e) => ((e as HTMLInputElement).value ?? e.querySelector('input')?.value ?? '') as string,
  );
}

interface OutputRow {
  text: string;
  label: string;
  needsReview: boolean;
}

/** The rows of the output panel's table: the text and what the node wrote into its output field. */
async function outputRows(
  output: Locator,
  count: number,
  textField: string,
  outputField: string,
): Promise<OutputRow[]> {
  if (count === 0) return [];
  const table = output.getByTestId('ndv-data-container').locator('table');
  const body = table.locator('tbody tr');
  await body.nth(count - 1).waitFor();
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
  const textColumn = headers.indexOf(textField);
  const resultColumn = headers.indexOf(outputField);
  expect({ textColumn: textColumn >= 0, resultColumn: resultColumn >= 0 }).toEqual({
    textColumn: true,
    resultColumn: true,
  });
  const rows: OutputRow[] = [];
  for (let i = 0; i < count; i++) {
    const cells = (await body.nth(i).locator('> td').allInnerTexts()).map((c) => c.trim());
    const field = (name: string) =>
      new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(cells[resultColumn]!)?.[1]?.trim();
    rows.push({
      text: cells[textColumn]!,
      label: field('label') ?? '',
      needsReview: field('needs_review') === 'true',
    });
  }
  expect(await body.count()).toBe(count);
  return rows;
}

/** Whitespace-insensitive, for what an editor shows. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
