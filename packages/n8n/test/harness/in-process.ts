/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports --
   The harness runs in Jest, never inside n8n: it loads the built package with require(), as n8n does. */
// Runs a workflow-JSON fixture through n8n's own execution engine in this process: n8n-core's
// WorkflowExecute over n8n-workflow's Workflow (the versions n8n 2.40 ships), with the built node
// and credential loaded from dist/ as n8n loads a community package. What is not n8n's engine is
// the small host around it: the node types on offer (ours, and a Manual Trigger whose items the
// fixture pins), the decrypted credential, and n8n's CredentialsHelper.authenticate, which for a
// credential with an `authenticate` function calls it. Seconds per workflow instead of an n8n start
// (decision 0251); real n8n keeps what only it can show (the CLI, the task runner, the editor).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type {
  ICredentialDataDecryptedObject,
  ICredentialType,
  IConnections,
  IDataObject,
  IHttpRequestOptions,
  INode,
  INodeExecutionData,
  INodeType,
  INodeTypes,
  IRun,
  IVersionedNodeType,
  IWorkflowExecuteAdditionalData,
  IPinData,
} from 'n8n-workflow';

import { PACKAGE_ROOT } from './n8n';

/** A workflow as n8n exports it, with the items its trigger gives pinned. */
export interface InProcessFixture {
  name?: string;
  nodes: INode[];
  connections: IConnections;
  pinData?: IPinData;
}

export interface InProcessRun {
  /** The run as n8n's engine left it. */
  run: IRun;
  /** The error that stopped the run, if one did. */
  error?: { message: string; description?: string | null; itemIndex?: number };
  /** The JSON of each output of a node's last run ([] for an output that got nothing). */
  outputs(node: string): IDataObject[][];
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

// n8n-core keeps its settings (an encryption key) in the user folder: a throwaway one, set before
// n8n-core is loaded.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cfy-n8n-in-process-'));
// n8n's logger writes failed runs to stdout; the tests read the run instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
const core = require('n8n-core') as typeof import('n8n-core');
const workflowLib = require('n8n-workflow') as typeof import('n8n-workflow');

const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  n8n: { nodes: string[]; credentials: string[] };
};

/** The built package's node and credential, loaded the way n8n loads a community package. */
function loadPackage() {
  const { Classifaily } = require(path.join(PACKAGE_ROOT, pkg.n8n.nodes[0]!)) as {
    Classifaily: new () => IVersionedNodeType;
  };
  const { ClassifailyApi } = require(path.join(PACKAGE_ROOT, pkg.n8n.credentials[0]!)) as {
    ClassifailyApi: new () => ICredentialType;
  };
  return { node: new Classifaily(), credential: new ClassifailyApi() };
}

/** A Manual Trigger: it has no parameters, and the fixture pins what it gives. */
const manualTrigger: INodeType = {
  description: {
    displayName: 'Manual Trigger',
    name: 'manualTrigger',
    group: ['trigger'],
    version: 1,
    description: 'Pinned items',
    defaults: { name: 'Manual Trigger' },
    inputs: [],
    outputs: ['main'],
    properties: [],
  },
  async execute() {
    return [[{ json: {} }]];
  },
};

function nodeTypes(ours: IVersionedNodeType): INodeTypes {
  const ourType = `${pkg.name}.classifaily`;
  const byName = (name: string): IVersionedNodeType | INodeType => {
    if (name === ourType) return ours;
    if (name === MANUAL_TRIGGER) return manualTrigger;
    throw new Error(`The in-process harness has no node type ${name}`);
  };
  return {
    getByName: byName,
    getByNameAndVersion: (name, version) =>
      workflowLib.NodeHelpers.getVersionedNodeType(byName(name), version),
    getKnownTypes: () => ({}),
  };
}

/**
 * Runs the fixture in n8n's engine against the API at `baseUrl` with `apiKey`, and resolves once
 * n8n's `workflowExecuteAfter` hook has the run.
 */
export async function runInProcess(
  fixture: InProcessFixture,
  credentials: { baseUrl: string; apiKey: string },
): Promise<InProcessRun> {
  const { node, credential } = loadPackage();
  const workflow = new workflowLib.Workflow({
    id: 'cfyInProcess',
    name: fixture.name ?? 'in-process',
    nodes: fixture.nodes,
    connections: fixture.connections,
    active: false,
    nodeTypes: nodeTypes(node),
    settings: { executionOrder: 'v1' },
    pinData: fixture.pinData,
  });
  const decrypted: ICredentialDataDecryptedObject = { ...credentials };
  const hooks = new core.ExecutionLifecycleHooks('manual', 'cfy-1', {
    id: workflow.id,
    name: workflow.name,
    nodes: fixture.nodes,
    connections: fixture.connections,
    active: false,
    isArchived: false,
    activeVersionId: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  } as never);
  const done = new Promise<IRun>((resolve) =>
    hooks.addHandler('workflowExecuteAfter', (run: IRun) => resolve(run)),
  );
  const additionalData = {
    credentialsHelper: credentialsHelper(credential, decrypted),
    hooks,
    executionId: 'cfy-1',
    currentNodeExecutionIndex: 0,
    restApiUrl: 'http://127.0.0.1:5678/rest',
    instanceBaseUrl: 'http://127.0.0.1:5678/',
    // n8n's defaults for an instance on this machine (expressions may read $resumeWebhookUrl).
    formBaseUrl: 'http://127.0.0.1:5678/form',
    formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
    formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
    webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
    webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
    webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
    mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
    mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
    variables: {},
    logAiEvent: () => {},
    getRunExecutionData: async () => undefined,
    getRuntimeCredential: async () => undefined,
    executeWorkflow: async () => {
      throw new Error('The in-process harness runs no sub-workflow');
    },
  } as unknown as IWorkflowExecuteAdditionalData;

  const trigger = fixture.nodes.find((n) => n.type === MANUAL_TRIGGER);
  const execution = new core.WorkflowExecute(additionalData, 'manual');
  await execution.run({ workflow, startNode: trigger, pinData: fixture.pinData });
  const run = await done;
  const error = run.data.resultData.error as InProcessRun['error'] & { context?: IDataObject };
  return {
    run,
    error: error && {
      message: error.message,
      description: error.description,
      itemIndex: (error.context?.itemIndex as number | undefined) ?? undefined,
    },
    outputs(name) {
      const tasks = run.data.resultData.runData[name];
      const main = tasks?.[tasks.length - 1]?.data?.main ?? [];
      return main.map((items) => (items ?? []).map((item: INodeExecutionData) => item.json));
    },
  };
}

/**
 * n8n's credentials helper, reduced to what a run of our node asks of it: the decrypted credential,
 * and `authenticate`, which (as n8n's own does for a credential type with an `authenticate`
 * function) hands the request to the credential.
 */
function credentialsHelper(type: ICredentialType, decrypted: ICredentialDataDecryptedObject) {
  const authenticate = type.authenticate as (
    credentials: ICredentialDataDecryptedObject,
    request: IHttpRequestOptions,
  ) => Promise<IHttpRequestOptions>;
  return {
    getParentTypes: () => [],
    // n8n's own asks whether the node type declares the credential; ours declares this one.
    isCredentialUsableByNode: (credentialType: string, nodeType: string) =>
      credentialType === type.name && nodeType === `${pkg.name}.classifaily`,
    authenticate: async (
      credentials: ICredentialDataDecryptedObject,
      _type: string,
      request: IHttpRequestOptions,
    ) => authenticate.call(type, credentials, request),
    preAuthentication: async () => undefined,
    runPreAuthentication: async () => undefined,
    getCredentials: async () => {
      throw new Error('not used');
    },
    getDecrypted: async () => decrypted,
    updateCredentials: async () => {},
    updateCredentialsOauthTokenData: async () => {},
    getCredentialsProperties: () => type.properties,
  };
}
