// The compiled sandbox CLI in its own process, as the hostile-client benches (crash, pipelining,
// retention, soak) load it from outside: a free port, `--json` to read its URL, and a rate limit no
// bench reaches (what is measured is the server, not the limiter). Further CLI arguments go last.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');
export const KEY = 'cai_test_sandbox0000000000000000';

/** Resolves with the child and its URL once the sandbox listens; rejects if it exits before. */
export function startSandboxChild(args = []) {
  const argv = [CLI, '--port', '0', '--json', '--rate-limit', '1000000000', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l, i, lines) => l.startsWith('{') && i < lines.length - 1);
      if (line) resolve({ child, url: JSON.parse(line).url });
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`sandbox exited ${code ?? signal}: ${out}`)),
    );
  });
}

/** A process's resident memory in MB, from /proc (Linux). */
export const rssMb = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
