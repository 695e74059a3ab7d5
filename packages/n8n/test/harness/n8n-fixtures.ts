// Credentials and workflows as n8n's CLI imports them (`import:credentials`, `import:workflow`).

export interface CredentialFixture {
  id: string;
  name: string;
  type: string;
  /** Plain values; `n8n import:credentials` encrypts them with the instance's key. */
  data: Record<string, unknown>;
}

/** The node's credential for the API at `api.url` with its key, as n8n's CLI imports it. */
export function classifailyCredential(
  ref: { id: string; name: string },
  api: { apiKey: string; url: string },
): CredentialFixture {
  return { ...ref, type: 'classifailyApi', data: { apiKey: api.apiKey, baseUrl: api.url } };
}

export interface WorkflowFixture {
  id: string;
  name: string;
  nodes: Array<Record<string, unknown> & { name: string; type: string }>;
  connections: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

/** The workflows with n8n's defaults for what a fixture leaves out (inactive, no pinned data). */
export function forImport(workflows: WorkflowFixture[]) {
  return workflows.map((wf) => ({
    active: false,
    settings: { executionOrder: 'v1' },
    pinData: {},
    ...wf,
  }));
}
