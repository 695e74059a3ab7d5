// Start-up time of the CLI (spawn to "listening", Node's own start included), median of 5 runs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');
export async function measureStartup(runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, '--port', '0'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      child.stdout.on('data', (chunk) => {
        if (String(chunk).includes('listening on')) {
          times.push(Number(process.hrtime.bigint() - started) / 1e6);
          child.kill();
          resolve();
        }
      });
      child.on('error', reject);
    });
  }
  times.sort((a, b) => a - b);
  return `median ${Math.round(times[Math.floor(runs / 2)])} ms (min ${Math.round(times[0])}, max ${Math.round(times[runs - 1])}, ${runs} runs)`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`sandbox start-up, spawn to listening: ${await measureStartup()}`);
}
