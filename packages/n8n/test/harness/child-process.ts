/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// Child processes for the harness: run one to its end (output kept, a time limit), and free ports.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

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

export function run(
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

export function tail(text: string, lines = 40): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
