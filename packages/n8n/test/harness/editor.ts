/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error --
   The harness runs in Jest, never inside n8n: it starts processes, reads files and throws plain errors. */
// n8n's editor (`n8n start`) on a free port of 127.0.0.1 for the browser suite, with its output in a
// log file of its user folder, and the owner account set up the way n8n's own setup page does it.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { APIRequestContext } from 'playwright-core';

import { freePort, type N8nInstance } from './n8n';

export interface Editor {
  url: string;
  /** The last lines of n8n's output, for failure messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** The owner the suite signs up as; a throwaway instance, so the password is no secret. */
const OWNER = {
  email: 'owner@example.com',
  firstName: 'Ada',
  lastName: 'Lovelace',
  password: 'Editor-suite-1',
};

/** Starts the editor and resolves once n8n says it is ready (its DB migrated, its HTTP up). */
export async function startEditor(n8n: N8nInstance, timeoutMs = 5 * 60_000): Promise<Editor> {
  const port = await freePort();
  const logFile = path.join(n8n.userFolder, 'n8n-start.log');
  const child = n8n.start(port, { logFile });
  const url = `http://127.0.0.1:${port}`;
  const logTail = (lines = 40) =>
    fs.existsSync(logFile)
      ? fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-lines).join('\n')
      : '';
  const stop = () => stopProcess(child);
  try {
    await waitUntilReady(child, `${url}/healthz/readiness`, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- n8n start (tail) ---\n${logTail()}`);
  }
  return { url, logTail, stop };
}

/**
 * Signs up the owner with the request n8n's setup page sends (`POST /rest/owner/setup`), from the
 * browser's own context, so that the session cookie it answers with is the page's.
 */
export async function setUpOwner(request: APIRequestContext): Promise<void> {
  const response = await request.post('/rest/owner/setup', { data: OWNER });
  if (!response.ok()) {
    throw new Error(`owner setup answered ${response.status()}: ${await response.text()}`);
  }
}

async function waitUntilReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `n8n start exited (${child.exitCode ?? child.signalCode}) before it was ready`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`n8n start was not ready after ${timeoutMs} ms (${url})`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
