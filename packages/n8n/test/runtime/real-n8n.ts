// What the real-n8n suites share: their time limits, and one n8n with this package and one sandbox
// for a describe block, started before its tests and closed after them.
import type { SandboxProcessOptions } from '@classifaily/sandbox/process';

import { N8nInstance, PACKAGE_ROOT, type WorkflowFixture } from '../harness/n8n';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

/** A cold install of one n8n version takes minutes; a warm set-up is an n8n start per command. */
export const SETUP_TIMEOUT_MS = 40 * 60_000;
export const EXECUTE_TIMEOUT_MS = 5 * 60_000;

export interface N8nWithSandbox {
  n8n: N8nInstance;
  sandbox: SandboxProcess;
}

/**
 * Starts a sandbox and n8n `version` with this package before the block's tests, imports the
 * credential (pointed at that sandbox) and the workflows, and closes both after the tests. The
 * returned object is filled in once they have started.
 */
export function useN8nWithSandbox(
  version: string,
  setup: {
    credential: { id: string; name: string };
    workflows: WorkflowFixture[];
    sandbox?: SandboxProcessOptions;
  },
): N8nWithSandbox {
  const started = {} as N8nWithSandbox;
  beforeAll(async () => {
    started.sandbox = await startSandboxProcess(setup.sandbox);
    started.n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT] });
    await started.n8n.importSandboxCredential(setup.credential, started.sandbox);
    await started.n8n.importWorkflows(setup.workflows);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await started.n8n?.dispose();
    await started.sandbox?.close();
  });
  return started;
}
