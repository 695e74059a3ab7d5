/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error --
   The harness runs in Jest, never inside n8n: it needs processes, files and timers. */
// A started n8n (`n8n start`, through the editor suite's startEditor) driven through its own REST
// API, for what `n8n execute` cannot do: run a workflow in the background and stop it as a user
// does (the Stop button calls POST /rest/executions/:id/stop), and test a credential as the
// credential dialog does (POST /rest/credentials/test). An owner account is set up on the fresh
// database and its session cookie used for every call, with a fixed browser-id header (n8n binds
// the session to it).
import { startEditor, type Editor } from './editor';
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
  private readonly editor: Editor;
  private cookie = '';

  private constructor(editor: Editor) {
    this.editor = editor;
  }

  get url(): string {
    return this.editor.url;
  }

  /** Starts n8n on a free port, waits until its REST API answers, and signs in as a fresh owner. */
  static async start(instance: N8nInstance, timeoutMs = 3 * 60_000): Promise<N8nServer> {
    const server = new N8nServer(await startEditor(instance, timeoutMs));
    try {
      await server.waitForRestApi(timeoutMs);
      await server.signIn();
      return server;
    } catch (error) {
      await server.stop();
      throw new Error(
        `${(error as Error).message}\n--- n8n start (tail) ---\n${server.editor.logTail()}`,
      );
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

  /**
   * Starts a manual run of an imported workflow from a trigger (its Manual Trigger by default), as
   * the editor's button does.
   */
  async runWorkflow(workflowId: string, trigger = 'Manual Trigger'): Promise<string> {
    const workflowData = await this.rest<Record<string, unknown>>(
      'GET',
      `/workflows/${workflowId}`,
    );
    // 2.x takes the trigger to start from; 1.x takes the workflow itself (each ignores the other).
    const started = await this.rest<{ executionId?: string }>(
      'POST',
      `/workflows/${workflowId}/run`,
      { workflowData, triggerToStartFrom: { name: trigger } },
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

  stop(): Promise<void> {
    return this.editor.stop();
  }

  /** 1.x reports /healthz/readiness before its REST routes are mounted: wait for one of them. */
  private async waitForRestApi(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const response = await fetch(`${this.url}/rest/settings`).catch(() => undefined);
      if (response?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`n8n's REST API did not answer on ${this.url} within ${timeoutMs} ms`);
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
