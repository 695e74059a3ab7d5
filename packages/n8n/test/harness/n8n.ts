/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// Drives a real n8n headless: a throwaway user folder with our built package in it, credentials and
// workflows imported with n8n's own CLI, and `n8n execute --id <id> --rawOutput`, whose JSON output
// is parsed into run data per node and output. See docs/decisions/0201-n8n-runtime-harness.md.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { run, tail } from './child-process.ts';
import {
  classifailyCredential,
  forImport,
  type CredentialFixture,
  type WorkflowFixture,
} from './n8n-fixtures.ts';
import { ensureN8n, type InstalledN8n } from './n8n-install.ts';
import { lastExecutionJson, toResult, type ExecutionResult } from './n8n-run-output.ts';
import { editorOfflineEnv, headlessEnv, installCommunityPackage } from './n8n-user-folder.ts';

// What the suites, the bench and the scripts take from the harness, from its one front door.
export {
  classifailyCredential,
  type CredentialFixture,
  type WorkflowFixture,
} from './n8n-fixtures.ts';
export { freePort } from './child-process.ts';
export { exampleWorkflow, importExample, EXAMPLE_WORKFLOW } from './example-workflow.ts';
export { ensureN8n, n8nCacheRoot, n8nVersionsUnderTest, PACKAGE_ROOT } from './n8n-install.ts';
export { outputJson, type ExecutionResult } from './n8n-run-output.ts';

export interface N8nInstanceOptions {
  version: string;
  /** Built node packages (folders with package.json and dist/) to install as community nodes. */
  packages?: string[];
  /** Extra environment for every n8n command (e.g. a proxy or a log level). */
  env?: Record<string, string>;
  /** Keep the user folder after dispose(), for debugging. Also: CLASSIFAILY_N8N_KEEP=1. */
  keep?: boolean;
}

export interface CommandTiming {
  command: string;
  ms: number;
}

/** One throwaway n8n "installation": a user folder (SQLite database inside) and fixed settings. */
export class N8nInstance {
  /** Wall time of every n8n command run so far (each one boots n8n; the first also migrates the DB). */
  readonly timings: CommandTiming[] = [];

  readonly install: InstalledN8n;
  readonly userFolder: string;
  /** The environment every n8n command of this instance gets (the queue-mode harness adds to it). */
  readonly env: NodeJS.ProcessEnv;
  private readonly keep: boolean;

  private constructor(
    install: InstalledN8n,
    userFolder: string,
    env: NodeJS.ProcessEnv,
    keep: boolean,
  ) {
    this.install = install;
    this.userFolder = userFolder;
    this.env = env;
    this.keep = keep;
  }

  static async create(options: N8nInstanceOptions): Promise<N8nInstance> {
    const install = await ensureN8n(options.version);
    const userFolder = fs.mkdtempSync(
      path.join(os.tmpdir(), `classifaily-n8n-${options.version}-`),
    );
    for (const pkgDir of options.packages ?? [])
      installCommunityPackage(install, userFolder, pkgDir);
    const env = await headlessEnv(install, userFolder, options.env ?? {});
    const keep = options.keep ?? process.env.CLASSIFAILY_N8N_KEEP === '1';
    return new N8nInstance(install, userFolder, env, keep);
  }

  async importCredentials(credentials: CredentialFixture[]): Promise<void> {
    const file = this.writeInput('credentials.json', credentials);
    await this.cli(['import:credentials', `--input=${file}`], 'import:credentials');
  }

  /**
   * Imports the node's credential pointed at a Classifaily API (the sandbox, or a stand-in), under
   * the id and name the workflows refer to.
   */
  async importSandboxCredential(
    ref: { id: string; name: string },
    api: { apiKey: string; url: string },
  ): Promise<void> {
    await this.importCredentials([classifailyCredential(ref, api)]);
  }

  async importWorkflows(workflows: WorkflowFixture[]): Promise<void> {
    for (const wf of workflows) {
      const first = wf.nodes[0]?.type;
      if (first !== 'n8n-nodes-base.manualTrigger') {
        throw new Error(
          `workflow ${wf.id}: its first node must be a Manual Trigger (n8n execute starts there), not ${first}`,
        );
      }
    }
    const file = this.writeInput('workflows.json', forImport(workflows));
    await this.cli(['import:workflow', `--input=${file}`], 'import:workflow');
  }

  /**
   * Runs one imported workflow to the end in a fresh n8n process and returns its run data.
   * `onSpawn` gets the n8n process id (the bench samples its memory).
   */
  async execute(
    workflowId: string,
    timeoutMs = 5 * 60_000,
    onSpawn?: (pid: number) => void,
  ): Promise<ExecutionResult> {
    const started = Date.now();
    const { code, stdout, stderr, timedOut } = await run(
      this.install.nodeBinary,
      [this.install.n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'],
      {
        env: this.env,
        timeoutMs,
        cwd: this.userFolder,
        onSpawn,
        // A file, not a pipe: n8n exits as soon as it has written the run, and a large run (10 MB
        // for 10,000 items) written to a pipe was seen cut short when the reader lagged under load.
        stdoutFile: path.join(this.userFolder, `execute-${workflowId}.out`),
      },
    );
    const wallMs = Date.now() - started;
    this.timings.push({ command: `execute ${workflowId}`, ms: wallMs });
    if (timedOut) {
      throw new Error(
        `n8n ${this.install.version} execute ${workflowId}: no result after ${timeoutMs} ms\n${this.describeOutput(stdout, stderr)}`,
      );
    }
    const raw = lastExecutionJson(stdout);
    if (!raw) {
      throw new Error(
        `n8n ${this.install.version} execute ${workflowId}: no execution JSON in the output (exit ${code})\n${this.describeOutput(stdout, stderr)}`,
      );
    }
    return { ...toResult(raw), exitCode: code, wallMs, stdout, stderr };
  }

  /**
   * `n8n start`: the editor and REST API on http://127.0.0.1:<port>, with this instance's packages,
   * credentials and workflows (scripts/dev.mjs, the editor suite, test/harness/n8n-server.ts). Its
   * output goes to this terminal, or to `logFile`; the caller stops it.
   */
  start(port: number, options: { logFile?: string } = {}): ChildProcess {
    const log = options.logFile ? fs.openSync(options.logFile, 'a') : undefined;
    const child = spawn(this.install.nodeBinary, [this.install.n8nBin, 'start'], {
      env: {
        ...this.env,
        N8N_PORT: String(port),
        N8N_LISTEN_ADDRESS: '127.0.0.1',
        N8N_SECURE_COOKIE: 'false',
        ...editorOfflineEnv(this.install),
      },
      cwd: this.userFolder,
      stdio: log === undefined ? 'inherit' : ['ignore', log, log],
    });
    if (log !== undefined) fs.closeSync(log); // the child has its own copy
    return child;
  }

  async dispose(): Promise<void> {
    if (this.keep) {
      process.stderr.write(`[n8n harness] kept ${this.userFolder}\n`);
      return;
    }
    fs.rmSync(this.userFolder, { recursive: true, force: true });
  }

  describeOutput(stdout: string, stderr: string): string {
    return `--- n8n stderr (tail) ---\n${tail(stderr)}\n--- n8n stdout (tail) ---\n${tail(stdout)}`;
  }

  private writeInput(name: string, value: unknown): string {
    const dir = path.join(this.userFolder, 'fixtures');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(value, null, 2));
    return file;
  }

  /** Runs one n8n CLI command to its end (e.g. `import:workflow`, `publish:workflow --id=…`). */
  async cli(args: string[], what: string): Promise<void> {
    const started = Date.now();
    const { code, stdout, stderr } = await run(
      this.install.nodeBinary,
      [this.install.n8nBin, ...args],
      {
        env: this.env,
        timeoutMs: 3 * 60_000,
        cwd: this.userFolder,
      },
    );
    this.timings.push({ command: what, ms: Date.now() - started });
    if (code !== 0) {
      throw new Error(
        `n8n ${this.install.version} ${what} failed (exit ${code})\n${this.describeOutput(stdout, stderr)}`,
      );
    }
  }
}
