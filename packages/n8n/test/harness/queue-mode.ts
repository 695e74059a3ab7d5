/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// n8n in queue mode, for real: Redis and Postgres (services.ts), one `n8n start` (the main: webhooks,
// the queue's producer) and `n8n worker` processes, each with its own user folder, as on separate
// machines, and our package installed in its custom-nodes folder by `npm install` of the packed
// tarball, as a user does; one N8N_ENCRYPTION_KEY for all, as n8n requires.
// Everything on free loopback ports, in temporary folders, stopped by stop() even after a failure.
// See docs/decisions/0210-n8n-queue-mode-suite.md.
import fs from 'node:fs';
import path from 'node:path';

import { freePort, N8nInstance, type CredentialFixture, type WorkflowFixture } from './n8n.ts';
import {
  makeRunFolder,
  startDaemon,
  startPostgres,
  startRedis,
  waitFor,
  type Daemon,
  type Postgres,
  type Redis,
} from './services.ts';
import { forImport } from './n8n-fixtures.ts';
import { npmPack, withPackages } from './packed-package.ts';
import { queueModeEnv, whoRuns } from './queue-mode-env.ts';
import { answers200, isWebhookRegistered, postJson } from './n8n-http.ts';

export interface QueueModeOptions {
  version: string;
  /** Built node packages (folders) to pack and install in every instance's custom-nodes folder. */
  packages: string[];
  /** `regular` runs the executions in the main process: the single-process figure of the bench. */
  executionsMode?: 'queue' | 'regular';
  /** Extra environment for every n8n process. */
  env?: Record<string, string>;
}

export interface N8nProcess {
  name: string;
  instance: N8nInstance;
  daemon: Daemon;
  /** The main's HTTP port, or a worker's health-check port. */
  port: number;
}

export interface WorkerOptions {
  /** Jobs this worker runs at once (`n8n worker --concurrency`, n8n's default 10). */
  concurrency?: number;
  /** Extra environment, e.g. another N8N_ENCRYPTION_KEY. */
  env?: Record<string, string>;
}

/** How long one n8n process may take to boot on a loaded 2-core machine (first boot migrates). */
const BOOT_TIMEOUT_MS = 5 * 60_000;

export class QueueModeCluster {
  readonly folder: string;
  readonly redis: Redis;
  readonly postgres: Postgres;
  readonly main: N8nInstance;
  readonly workers = new Map<string, N8nProcess>();
  mainProcess?: N8nProcess;
  private readonly options: QueueModeOptions;
  private readonly env: Record<string, string>;
  private readonly tarballs: string[];

  private constructor(
    options: QueueModeOptions,
    folder: string,
    redis: Redis,
    postgres: Postgres,
    env: Record<string, string>,
    main: N8nInstance,
    tarballs: string[],
  ) {
    this.options = options;
    this.tarballs = tarballs;
    this.folder = folder;
    this.redis = redis;
    this.postgres = postgres;
    this.env = env;
    this.main = main;
  }

  /** Starts Redis and Postgres and prepares the main's user folder (n8n itself is not started). */
  static async create(options: QueueModeOptions): Promise<QueueModeCluster> {
    const folder = makeRunFolder(`classifaily-queue-${options.version}-`);
    let redis: Redis | undefined;
    let postgres: Postgres | undefined;
    try {
      redis = await startRedis(path.join(folder, 'redis'));
      postgres = await startPostgres(path.join(folder, 'postgres'));
      const env = queueModeEnv(redis, postgres, options);
      const tarballs = await Promise.all(options.packages.map((dir) => npmPack(dir, folder)));
      const main = await withPackages(
        await N8nInstance.create({ version: options.version, env }),
        tarballs,
      );
      return new QueueModeCluster(options, folder, redis, postgres, env, main, tarballs);
    } catch (error) {
      await postgres?.stop();
      await redis?.stop();
      fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }

  async importCredentials(credentials: CredentialFixture[]): Promise<void> {
    await this.main.importCredentials(credentials);
  }

  /**
   * Imports workflows and publishes each (2.x's activation), so that `n8n start` registers their
   * webhooks. (`import:workflow --activeState=fromJson` would need an owner account to activate.)
   */
  async importAndPublish(workflows: WorkflowFixture[]): Promise<void> {
    const file = path.join(this.folder, 'workflows.json');
    fs.writeFileSync(file, JSON.stringify(forImport(workflows)));
    await this.main.cli(['import:workflow', `--input=${file}`], 'import:workflow');
    for (const wf of workflows)
      await this.main.cli(['publish:workflow', `--id=${wf.id}`], 'publish:workflow');
  }

  /** `n8n start`: returns once its readiness endpoint (database and Redis connected) answers 200. */
  async startMain(): Promise<N8nProcess> {
    const port = await freePort();
    const daemon = startDaemon(
      'n8n main',
      this.main.install.nodeBinary,
      [this.main.install.n8nBin, 'start'],
      {
        env: {
          ...this.main.env,
          N8N_PORT: String(port),
          N8N_LISTEN_ADDRESS: '127.0.0.1',
          N8N_SECURE_COOKIE: 'false',
          // In regular mode the main runs the executions itself (the bench's single process).
          ...whoRuns('main'),
        },
        cwd: this.main.userFolder,
        logFile: path.join(this.folder, 'main.log'),
      },
    );
    this.mainProcess = { name: 'main', instance: this.main, daemon, port };
    await waitFor('the n8n main is ready', () => answers200(`${this.url}/healthz/readiness`), {
      timeoutMs: BOOT_TIMEOUT_MS,
      daemon,
    });
    return this.mainProcess;
  }

  /** `n8n worker` with its own user folder: returns once it takes jobs (its readiness endpoint). */
  async startWorker(name: string, options: WorkerOptions = {}): Promise<N8nProcess> {
    const instance = await withPackages(
      await N8nInstance.create({
        version: this.options.version,
        env: { ...this.env, ...options.env },
      }),
      this.tarballs,
    );
    const port = await freePort();
    const daemon = startDaemon(
      `n8n worker ${name}`,
      instance.install.nodeBinary,
      [instance.install.n8nBin, 'worker', `--concurrency=${options.concurrency ?? 10}`],
      {
        env: {
          ...instance.env,
          QUEUE_HEALTH_CHECK_ACTIVE: 'true',
          QUEUE_HEALTH_CHECK_PORT: String(port),
          N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
          ...whoRuns(name),
        },
        cwd: instance.userFolder,
        logFile: path.join(this.folder, `worker-${name}.log`),
      },
    );
    const worker = { name, instance, daemon, port };
    this.workers.set(name, worker);
    await waitFor(
      `n8n worker ${name} is ready`,
      () => answers200(`http://127.0.0.1:${port}/healthz/readiness`),
      { timeoutMs: BOOT_TIMEOUT_MS, daemon },
    );
    return worker;
  }

  /** Stops one worker: SIGTERM lets it finish its jobs; SIGKILL is a crash (its group goes too). */
  async stopWorker(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const worker = this.workers.get(name);
    if (!worker) return;
    await worker.daemon.stop(signal, 30_000);
    await worker.instance.dispose();
    this.workers.delete(name);
  }

  get url(): string {
    if (!this.mainProcess) throw new Error('the n8n main is not started');
    return `http://127.0.0.1:${this.mainProcess.port}`;
  }

  /** Waits until the main serves a published workflow's webhook (a probe that starts nothing). */
  async untilWebhookRegistered(webhookPath: string): Promise<void> {
    await waitFor(
      `the webhook ${webhookPath} is registered`,
      () => isWebhookRegistered(`${this.url}/webhook/${webhookPath}`),
      { timeoutMs: BOOT_TIMEOUT_MS, daemon: this.mainProcess?.daemon },
    );
  }

  /** POSTs JSON to a production webhook and waits for n8n's answer (n8n-http.ts). */
  callWebhook(webhookPath: string, body: unknown, timeoutMs?: number) {
    return postJson(`${this.url}/webhook/${webhookPath}`, body, timeoutMs);
  }

  /** Stops everything (workers, main, Postgres, Redis) and removes the folders, failures or not. */
  async stop(): Promise<void> {
    const keep = process.env.CLASSIFAILY_N8N_KEEP === '1';
    const errors: unknown[] = [];
    const attempt = async (step: () => Promise<void>) => {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    };
    for (const name of [...this.workers.keys()]) await attempt(() => this.stopWorker(name));
    await attempt(async () => this.mainProcess?.daemon.stop('SIGTERM', 20_000));
    await attempt(() => this.main.dispose());
    await attempt(() => this.postgres.stop());
    await attempt(() => this.redis.stop());
    if (keep) process.stderr.write(`[queue mode] kept ${this.folder}\n`);
    else fs.rmSync(this.folder, { recursive: true, force: true });
    if (errors.length) throw errors[0];
  }
}
