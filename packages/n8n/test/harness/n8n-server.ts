/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error --
   The harness runs in Jest, never inside n8n: it needs processes, files and timers. */
// A started n8n (`n8n start`) driven through its own REST API, for what `n8n execute` cannot do:
// run a workflow in the background and stop it as a user does (the Stop button calls
// POST /rest/executions/:id/stop), and test a credential as the credential dialog does
// (POST /rest/credentials/test). An owner account is set up on the fresh database and its session
// cookie used for every call, with a fixed browser-id header (n8n binds the session to it).
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { N8nInstance } from './n8n';

const OWNER = {
  email: 'owner@classifaily.test',
  firstName: 'Harness',
  lastName: 'Owner',
  password: 'Harness-Owner-1',
};
const BROWSER_ID = 'classifaily-harness';

export interface CredentialTestResult {
  status: 'OK' | 'Error';
  message: string;
}

export class N8nServer {
  readonly url: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private cookie = '';

  private constructor(url: string, child: ChildProcess, logFile: string) {
    this.url = url;
    this.child = child;
    this.logFile = logFile;
  }

  /** Starts n8n on a free port, waits until it answers, and signs in as a fresh owner. */
  static async start(instance: N8nInstance, timeoutMs = 3 * 60_000): Promise<N8nServer> {
    const logFile = path.join(instance.userFolder, 'n8n-start.log');
    const { child, port } = await instance.startOnFreePort({ logFile });
    const server = new N8nServer(`http://127.0.0.1:${port}`, child, logFile);
    try {
      await server.waitUntilReady(timeoutMs);
      await server.signIn();
      return server;
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  /** A REST call as the owner; the `data` of n8n's answer. */
  async rest<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/rest${route}`, {
      method,
      headers: {
        'browser-id': BROWSER_ID,
        cookie: this.cookie,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`n8n ${method} /rest${route}: ${response.status} ${text}`);
    const parsed = JSON.parse(text) as { data?: T };
    return (parsed.data ?? parsed) as T;
  }

  /** Starts a manual run of an imported workflow from its Manual Trigger, as the editor's button does. */
  async runWorkflow(workflowId: string): Promise<string> {
    const workflowData = await this.rest<Record<string, unknown>>(
      'GET',
      `/workflows/${workflowId}`,
    );
    // 2.x takes the trigger to start from; 1.x takes the workflow itself (each ignores the other).
    const started = await this.rest<{ executionId?: string }>(
      'POST',
      `/workflows/${workflowId}/run`,
      { workflowData, triggerToStartFrom: { name: 'Manual Trigger' } },
    );
    if (!started.executionId)
      throw new Error(`n8n did not start ${workflowId}: ${JSON.stringify(started)}`);
    return started.executionId;
  }

  /** Stops a running execution, as the editor's Stop button does. */
  async stopExecution(executionId: string): Promise<unknown> {
    return this.rest('POST', `/executions/${executionId}/stop`);
  }

  /** The execution's status as n8n stored it (running, canceled, success, error…). */
  async executionStatus(executionId: string): Promise<string> {
    const execution = await this.rest<{ status?: string }>('GET', `/executions/${executionId}`);
    return execution.status ?? 'unknown';
  }

  /**
   * Tests credential data as the credential dialog does when it saves: the stored credential (an
   * imported one) with the data typed in the dialog.
   */
  async testCredential(
    stored: { id: string; name: string },
    type: string,
    data: Record<string, unknown>,
  ): Promise<CredentialTestResult> {
    return this.rest<CredentialTestResult>('POST', '/credentials/test', {
      credentials: { ...stored, type, data },
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`n8n start exited (${this.child.exitCode}); see ${this.logFile}`);
      try {
        // The settings route answers once the REST API is mounted (1.x reports /healthz ready earlier).
        const response = await fetch(`${this.url}/rest/settings`);
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `n8n did not answer on ${this.url} within ${timeoutMs} ms; see ${this.logFile}`,
    );
  }

  private async signIn(): Promise<void> {
    const response = await fetch(`${this.url}/rest/owner/setup`, {
      method: 'POST',
      headers: { 'browser-id': BROWSER_ID, 'content-type': 'application/json' },
      body: JSON.stringify(OWNER),
    });
    if (!response.ok)
      throw new Error(`n8n owner setup: ${response.status} ${await response.text()}`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
    if (!cookie) throw new Error('n8n owner setup set no n8n-auth cookie');
    this.cookie = cookie.split(';')[0]!;
  }
}
