// The compiled sandbox CLI in its own process, as the hostile-client benches (crash, pipelining,
// retention, soak) load it from outside: a free port, `--json` to read its URL, and a rate limit no
// bench reaches (what is measured is the server, not the limiter). Further CLI arguments go last.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
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

/**
 * A well-behaved client beside the load: GET /v1/me every `everyMs` until stopped. `stop()` resolves
 * with the count, the failures, the slowest answer and the slowest after `settleMs` (an opening burst
 * behind), in ms.
 */
export function startProbe(url, { everyMs = 250, settleMs = 10_000 } = {}) {
  const started0 = Date.now();
  const stats = { probes: 0, failed: 0, slowest: 0, slowestLater: 0, times: [] };
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const r = await fetch(`${url}/v1/me`, {
          headers: { authorization: `Bearer ${KEY}` },
          signal: AbortSignal.timeout(10_000),
        });
        await r.text();
        if (r.status !== 200) stats.failed += 1;
      } catch {
        stats.failed += 1;
      }
      const took = performance.now() - started;
      stats.times.push(took);
      stats.slowest = Math.max(stats.slowest, took);
      if (Date.now() - started0 > settleMs) stats.slowestLater = Math.max(stats.slowestLater, took);
      stats.probes += 1;
      await sleep(everyMs);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      const sorted = [...stats.times].sort((a, b) => a - b);
      stats.p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN;
      stats.median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
      return stats;
    },
  };
}
