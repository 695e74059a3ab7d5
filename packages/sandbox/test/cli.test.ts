// The CLI as a user runs it: the built bin, a free port, the URL and key it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const bin = path.join(__dirname, '../dist/cli.js');

function start(
  args: string[],
): Promise<{ child: ChildProcess; url: string; key: string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const key = /test API key:\s+(\S+)/.exec(output)?.[1];
      if (url && key) resolve({ child, url, key, output });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

describe('classifaily-sandbox CLI', () => {
  // Its memory is measured by the soak benchmark (bench/soak.mjs), not asserted here: RSS depends
  // on the machine.
  it('prints the URL and test key, and answers', async () => {
    const { child, url, key } = await start(['--port', '0', '--faults']);
    try {
      const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
      const me = await fetch(`${url}/v1/me`, { headers });
      expect(me.status).toBe(200);
      const body = JSON.stringify({
        items: Array.from({ length: 25 }, (_, i) => ({ input: `I cannot log in, attempt ${i}` })),
        categories: ['billing', 'technical_bug', 'account_access', 'feature_request'],
      });
      for (let i = 0; i < 100; i++) {
        const r = await fetch(`${url}/v1/classify/batch`, { method: 'POST', headers, body });
        expect(r.status).toBe(200);
        await r.text();
      }
      const stats = await (await fetch(`${url}/__sandbox/stats`)).json();
      expect(stats.byOperation.classifyBatch).toBe(100);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('--help explains the options', async () => {
    const child = spawn(process.execPath, [bin, '--help']);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    await new Promise((r) => child.on('exit', r));
    expect(out).toMatch(/--db FILE/);
    expect(out).toMatch(/--faults/);
  });

  it('warns loudly when faults are on and the host is not loopback', async () => {
    const child = spawn(process.execPath, [bin, '--port', '0', '--host', '0.0.0.0', '--faults'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const warning = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (c: Buffer) => {
          err += c.toString();
          if (err.includes('\n\n')) resolve(err);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
      });
      expect(warning).toMatch(/WARNING: --faults on --host 0\.0\.0\.0/);
      expect(warning).toMatch(/control endpoints answer only requests from this machine/);
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('rejects a bad option value', async () => {
    await expect(start(['--port', 'abc'])).rejects.toThrow(/--port must be a whole number/);
  });
});
