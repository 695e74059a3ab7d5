/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// Drives a real n8n headless: a throwaway user folder with our built package in it, credentials and
// workflows imported with n8n's own CLI, and `n8n execute --id <id> --rawOutput`, whose JSON output
// is parsed into run data per node and output. See docs/decisions/0201-n8n-runtime-harness.md.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Under Jest this file is CommonJS; run directly by Node's type stripping (scripts) it is an ES
// module without __dirname, and pnpm runs package scripts from the package folder.
export const PACKAGE_ROOT =
  typeof __dirname === 'string' ? path.resolve(__dirname, '..', '..') : process.cwd();
const INSTALL_SCRIPT = path.join(PACKAGE_ROOT, 'scripts', 'install-n8n.mjs');
const RUNTIMES = JSON.parse(
  fs.readFileSync(path.join(PACKAGE_ROOT, 'scripts', 'n8n-versions.json'), 'utf8'),
) as { pinned: string[]; lines: Record<string, { node: string }> };

/** The n8n versions the runtime suite covers; `CLASSIFAILY_N8N_VERSIONS=2.40.7` narrows it. */
export function n8nVersionsUnderTest(): string[] {
  const only = process.env.CLASSIFAILY_N8N_VERSIONS?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return only?.length ? only : RUNTIMES.pinned;
}

export interface InstalledN8n {
  version: string;
  nodeBinary: string;
  nodeVersion: string;
  n8nBin: string;
  installSeconds: number;
}

/**
 * Returns the cached install of this n8n version, installing it first if missing (minutes, and
 * progress on stderr: the installer's output goes straight to the terminal, past Jest's buffering).
 */
export async function ensureN8n(version: string): Promise<InstalledN8n> {
  const { code, output } = await run(process.execPath, [INSTALL_SCRIPT, version], {
    env: process.env,
    timeoutMs: 40 * 60_000,
    echo: true,
  });
  const manifestLine = output.match(/^\[install-n8n\] .*$/gm)?.slice(-1)[0] ?? '';
  if (code !== 0)
    throw new Error(`installing n8n ${version} failed (exit ${code}):\n${tail(output)}`);
  const manifest = JSON.parse(
    fs.readFileSync(path.join(n8nCacheRoot(), version, 'install.json'), 'utf8'),
  ) as InstalledN8n;
  if (!manifestLine) throw new Error('install-n8n printed nothing');
  // The cache is shared by every checkout on the machine: run it with this checkout's Node.
  return { ...manifest, nodeBinary: nodeBinaryFor(version) };
}

/** The Node that runs this n8n line: bin/node of the `node` npm package aliased in package.json. */
function nodeBinaryFor(version: string): string {
  const line = RUNTIMES.lines[version.split('.')[0] ?? ''];
  if (!line)
    throw new Error(`n8n ${version}: no entry for its major line in scripts/n8n-versions.json`);
  const fromPackage = createRequire(path.join(PACKAGE_ROOT, 'package.json'));
  return path.join(path.dirname(fromPackage.resolve(`${line.node}/package.json`)), 'bin', 'node');
}

export function n8nCacheRoot(): string {
  if (process.env.CLASSIFAILY_N8N_CACHE) return path.resolve(process.env.CLASSIFAILY_N8N_CACHE);
  const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(xdg, 'classifaily', 'n8n');
}

export interface CredentialFixture {
  id: string;
  name: string;
  type: string;
  /** Plain values; `n8n import:credentials` encrypts them with the instance's key. */
  data: Record<string, unknown>;
}

export interface WorkflowFixture {
  id: string;
  name: string;
  nodes: Array<Record<string, unknown> & { name: string; type: string }>;
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

export interface ItemJson {
  [key: string]: unknown;
}

interface NodeRun {
  /** Items per output: `outputs[0]` is the first (main) output. */
  outputs: Array<Array<{ json: ItemJson; pairedItem?: unknown }>>;
  /** The node's error as n8n recorded it: its class and, for a NodeApiError, the HTTP code. */
  error?: { message: string; description?: string; name?: string; httpCode?: string };
  executionTimeMs?: number;
}

export interface ExecutionResult {
  /** n8n finished the workflow without a workflow-level error. */
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  runData: Record<string, NodeRun[]>;
  error?: { message: string; description?: string; node?: string };
  lastNodeExecuted?: string;
  stdout: string;
  stderr: string;
}

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

  async importWorkflows(workflows: WorkflowFixture[]): Promise<void> {
    for (const wf of workflows) {
      const first = wf.nodes[0]?.type;
      if (first !== 'n8n-nodes-base.manualTrigger') {
        throw new Error(
          `workflow ${wf.id}: its first node must be a Manual Trigger (n8n execute starts there), not ${first}`,
        );
      }
    }
    const file = this.writeInput(
      'workflows.json',
      workflows.map((wf) => ({
        active: false,
        settings: { executionOrder: 'v1' },
        pinData: {},
        ...wf,
      })),
    );
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

/**
 * Installs a built node package the way n8n finds community packages: as
 * `<user folder>/.n8n/nodes/node_modules/<name>`, with only what `npm publish` would ship.
 * Its peer dependency n8n-workflow resolves to the instance's own copy, as after `npm install`.
 */
function installCommunityPackage(install: InstalledN8n, userFolder: string, pkgDir: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
    name: string;
    files?: string[];
    n8n?: { nodes?: string[]; credentials?: string[] };
  };
  for (const entry of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
    if (!fs.existsSync(path.join(pkgDir, entry))) {
      throw new Error(`${pkg.name}: ${entry} is missing; build the package first (pnpm build)`);
    }
  }
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  const target = path.join(nodesDir, 'node_modules', pkg.name);
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(path.join(pkgDir, 'package.json'), path.join(target, 'package.json'));
  for (const entry of pkg.files ?? ['dist']) {
    fs.cpSync(path.join(pkgDir, entry), path.join(target, entry), { recursive: true });
  }
  const fromN8n = createRequire(path.join(path.dirname(install.n8nBin), '..', 'package.json'));
  const workflowPkg = path.dirname(fromN8n.resolve('n8n-workflow/package.json'));
  fs.symlinkSync(workflowPkg, path.join(nodesDir, 'node_modules', 'n8n-workflow'), 'dir');
  fs.writeFileSync(
    path.join(nodesDir, 'package.json'),
    JSON.stringify(
      { name: 'installed-nodes', private: true, dependencies: { [pkg.name]: 'file:' } },
      null,
      2,
    ),
  );
}

/** Settings that keep a CLI n8n offline, quiet and isolated from any other n8n on the machine. */
async function headlessEnv(
  install: InstalledN8n,
  userFolder: string,
  extra: Record<string, string>,
): Promise<NodeJS.ProcessEnv> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(N8N_|DB_|NODE_OPTIONS$|NODE_ENV$|EXECUTIONS_)/.test(key),
    ),
  );
  return {
    ...inherited,
    PATH: `${path.dirname(install.nodeBinary)}${path.delimiter}${process.env.PATH ?? ''}`,
    N8N_USER_FOLDER: userFolder,
    // Fixed, so that imported credentials decrypt in every later command (and no config is written).
    N8N_ENCRYPTION_KEY: 'classifaily-harness-not-a-secret',
    DB_TYPE: 'sqlite',
    // Nothing leaves the machine: no telemetry, version checks, templates or banners.
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_DYNAMIC_BANNERS_ENABLED: 'false',
    N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
    N8N_REINSTALL_MISSING_PACKAGES: 'false',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    // Task runners (the Code node) in a child process; 1.x needs them switched on, 2.x always has
    // them. Their broker gets a free port so that parallel instances do not collide on 5679.
    N8N_RUNNERS_ENABLED: 'true',
    N8N_RUNNERS_MODE: 'internal',
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    // `execute` logs the failed run's JSON at info level; keep it so failures can be parsed.
    N8N_LOG_LEVEL: 'info',
    N8N_LOG_OUTPUT: 'console',
    N8N_NO_COLOR: 'true',
    GENERIC_TIMEZONE: 'UTC',
    TZ: 'UTC',
    ...extra,
  };
}

/**
 * What only `n8n start` needs to stay offline (both seen failing in its log): the node creator asks
 * n8n's API for its list of verified community nodes, and 2.x's MCP registry module fetches a server
 * list at start-up (a module 1.x does not have, where naming it is an error).
 */
function editorOfflineEnv(install: InstalledN8n): Record<string, string> {
  const modules = path.join(path.dirname(install.n8nBin), '..', 'dist', 'modules');
  return {
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    ...(fs.existsSync(path.join(modules, 'mcp-registry'))
      ? { N8N_DISABLED_MODULES: 'mcp-registry' }
      : {}),
  };
}

/** The last pretty-printed top-level JSON object in n8n's stdout that looks like an execution. */
function lastExecutionJson(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split('\n');
  for (let start = lines.length - 1; start >= 0; start--) {
    if (lines[start] !== '{') continue;
    const end = lines.indexOf('}', start);
    if (end < 0) continue;
    try {
      const value = JSON.parse(lines.slice(start, end + 1).join('\n')) as Record<string, unknown>;
      if (value && typeof value === 'object' && 'data' in value) return value;
    } catch {
      // Not a complete object (e.g. a nested line that is exactly "{"): keep looking further up.
    }
  }
  return undefined;
}

type RawRun = {
  data?: {
    main?: Array<Array<{ json: ItemJson; pairedItem?: unknown }> | null>;
  };
  error?: { message: string; description?: string; name?: string; httpCode?: string };
  executionTime?: number;
};

function toResult(
  raw: Record<string, unknown>,
): Omit<ExecutionResult, 'exitCode' | 'wallMs' | 'stdout' | 'stderr'> {
  const resultData = ((raw.data as Record<string, unknown>)?.resultData ?? {}) as {
    runData?: Record<string, RawRun[]>;
    error?: { message: string; description?: string; node?: { name?: string } };
    lastNodeExecuted?: string;
  };
  const runData: Record<string, NodeRun[]> = {};
  for (const [nodeName, runs] of Object.entries(resultData.runData ?? {})) {
    runData[nodeName] = runs.map((r) => ({
      outputs: (r.data?.main ?? []).map((items) => items ?? []),
      error: r.error
        ? {
            message: r.error.message,
            description: r.error.description,
            name: r.error.name,
            httpCode: r.error.httpCode,
          }
        : undefined,
      executionTimeMs: r.executionTime,
    }));
  }
  const error = resultData.error
    ? {
        message: resultData.error.message,
        description: resultData.error.description,
        node: resultData.error.node?.name,
      }
    : undefined;
  return { ok: !error, runData, error, lastNodeExecuted: resultData.lastNodeExecuted };
}

/** The JSON of the items a node put on one output (first run by default). */
export function outputJson(
  result: ExecutionResult,
  nodeName: string,
  output = 0,
  runIndex = 0,
): ItemJson[] {
  const runs = result.runData[nodeName];
  if (!runs) {
    throw new Error(
      `node "${nodeName}" did not run; ran: ${Object.keys(result.runData).join(', ') || 'nothing'}${result.error ? `; workflow error: ${result.error.message}` : ''}`,
    );
  }
  return (runs[runIndex]?.outputs[output] ?? []).map((item) => item.json);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(
  command: string,
  args: string[],
  options: {
    env: NodeJS.ProcessEnv;
    timeoutMs: number;
    cwd?: string;
    echo?: boolean;
    onSpawn?: (pid: number) => void;
    /** Send stdout to this file (written synchronously by the child) and read it after the exit. */
    stdoutFile?: string;
  },
): Promise<{
  code: number | null;
  stdout: string;
  stderr: string;
  output: string;
  timedOut: boolean;
}> {
  return new Promise((resolve, reject) => {
    const stdoutFd = options.stdoutFile ? fs.openSync(options.stdoutFile, 'w') : undefined;
    const child = spawn(command, args, {
      env: options.env,
      cwd: options.cwd,
      stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
    });
    if (stdoutFd !== undefined) fs.closeSync(stdoutFd); // the child has its own copy
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    let output = '';
    let timedOut = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      output += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk;
      output += chunk;
      if (options.echo) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (options.stdoutFile) {
        stdout = fs.readFileSync(options.stdoutFile, 'utf8');
        fs.rmSync(options.stdoutFile, { force: true });
        output = stdout + output;
      }
      resolve({ code, stdout, stderr, output, timedOut });
    });
  });
}

function tail(text: string, lines = 40): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

/** The example routing workflow of docs/examples: what `pnpm dev`, the README demo and the editor suite share. */
export const EXAMPLE_WORKFLOW = path.join(
  PACKAGE_ROOT,
  '..',
  '..',
  'docs',
  'examples',
  'n8n-support-routing.workflow.json',
);

type ExampleNode = WorkflowFixture['nodes'][number] & {
  credentials?: { classifailyApi?: { id: string; name: string } };
};

/**
 * Imports the example into an n8n instance with a credential for its Classifaily node pointed at
 * a Classifaily API; returns the workflow and that node.
 */
export async function importExample(
  n8n: N8nInstance,
  api: { url: string; apiKey: string },
): Promise<{ workflow: WorkflowFixture; classify: ExampleNode }> {
  const workflow = JSON.parse(fs.readFileSync(EXAMPLE_WORKFLOW, 'utf8')) as WorkflowFixture;
  const classify = (workflow.nodes as ExampleNode[]).find((n) => n.credentials?.classifailyApi);
  if (!classify) throw new Error(`${EXAMPLE_WORKFLOW} has no node with a Classifaily credential`);
  const ref = classify.credentials!.classifailyApi!;
  await n8n.importCredentials([
    { ...ref, type: 'classifailyApi', data: { apiKey: api.apiKey, baseUrl: api.url } },
  ]);
  await n8n.importWorkflows([workflow]);
  return { workflow, classify };
}
