// The node as an AI agent's tool, in real n8n (every pinned line): Manual Trigger → AI Agent, with
// n8n's OpenAI Chat Model pointed at a scripted OpenAI-compatible stand-in on 127.0.0.1 and the
// Classifaily node connected as a tool. The stand-in calls the tool with the ticket, then answers
// with the label it finds in the tool's result.
import { classify as sandboxClassify } from '@classifaily/sandbox';

import {
  N8nInstance,
  PACKAGE_ROOT,
  classifailyCredential,
  n8nVersionsUnderTest,
  outputJson,
} from '../harness/n8n';
import { startOpenAiStandIn, type OpenAiStandIn } from '../harness/openai-stand-in';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';
import { CATEGORIES, CREDENTIALS, NODE_TYPE } from './workflows';
import { EXECUTE_TIMEOUT_MS, SETUP_TIMEOUT_MS } from './real-n8n';

const TICKET = 'I cannot log in - the password reset email never arrives.';
const OPENAI_CREDENTIAL = { id: 'cfyCredOpenAi001', name: 'OpenAI stand-in' };
const AGENT_WORKFLOW = 'cfyAgentUsesTool';

/** The AI Agent's newest version on each n8n line (its `defaultVersion`). */
const AGENT_VERSION: Record<string, number> = { '1': 3, '2': 3.1 };

describe.each(n8nVersionsUnderTest())('real n8n %s: the node as an AI agent’s tool', (version) => {
  let sandbox: SandboxProcess;
  let model: OpenAiStandIn;
  let n8n: N8nInstance;
  let run: Awaited<ReturnType<N8nInstance['execute']>>;

  beforeAll(async () => {
    [sandbox, model] = await Promise.all([startSandboxProcess(), startOpenAiStandIn()]);
    n8n = await N8nInstance.create({ version, packages: [PACKAGE_ROOT] });
    await n8n.importCredentials([
      classifailyCredential(CREDENTIALS.main, sandbox),
      {
        ...OPENAI_CREDENTIAL,
        type: 'openAiApi',
        data: { apiKey: 'sk-stand-in', url: model.baseUrl },
      },
    ]);
    await n8n.importWorkflows([agentWorkflow(AGENT_VERSION[version.split('.')[0]!]!)]);
    run = await n8n.execute(AGENT_WORKFLOW, EXECUTE_TIMEOUT_MS);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await n8n?.dispose();
    await Promise.all([sandbox?.close(), model?.close()]);
  });

  it('loads n8n’s LangChain nodes and runs the agent to the end', () => {
    if (!run.ok)
      throw new Error(
        `workflow failed: ${run.error?.message}\n${n8n.describeOutput(run.stdout, run.stderr)}`,
      );
  });

  it('offers the model the Classifaily tool with the catalog’s tool description', () => {
    const offered = model.requests[0]?.tools?.map((t) => t.function) ?? [];
    expect(offered.map((t) => t.name)).toEqual(['Classify_ticket']);
    expect(offered[0]?.description).toMatch(/label.*confidence.*needs_review/s);
  });

  it('calls the tool, and the sandbox classifies the ticket', async () => {
    expect(model.requests).toHaveLength(2);
    const stats = await sandbox.stats();
    expect(stats.itemsClassified).toBe(1);
    expect(stats.byStatus).toEqual({ '200': 1 });
  });

  it('answers with the label the tool returned', () => {
    const label = sandboxClassify(
      TICKET,
      CATEGORIES.map((name) => ({ name })),
      false,
    ).label;
    expect(label).toBe('account_access');
    const toolResult = model.requests[1]?.messages.find((m) => m.role === 'tool');
    expect(JSON.stringify(toolResult?.content)).toContain(label);
    const [answer] = outputJson(run, 'AI Agent');
    expect(answer?.output).toBe(`Label: ${label}`);
  });
});

function agentWorkflow(agentVersion: number) {
  const node = (
    n: number,
    name: string,
    type: string,
    typeVersion: number,
    parameters: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => ({
    id: `00000000-0000-4000-8000-0000000000a${n}`,
    name,
    type,
    typeVersion,
    position: [n * 220, n % 2 ? 0 : 200] as [number, number],
    parameters,
    ...extra,
  });
  return {
    id: AGENT_WORKFLOW,
    name: 'Classifaily as an AI agent’s tool',
    nodes: [
      node(1, 'Manual Trigger', 'n8n-nodes-base.manualTrigger', 1, {}),
      node(2, 'AI Agent', '@n8n/n8n-nodes-langchain.agent', agentVersion, {
        promptType: 'define',
        text: `Classify this support ticket and tell me its label. Ticket: ${TICKET}`,
        options: {},
      }),
      node(
        3,
        'OpenAI Chat Model',
        '@n8n/n8n-nodes-langchain.lmChatOpenAi',
        1.3,
        {
          model: { __rl: true, mode: 'id', value: 'gpt-stand-in' },
          responsesApiEnabled: false,
          options: {},
        },
        { credentials: { openAiApi: OPENAI_CREDENTIAL } },
      ),
      node(
        4,
        'Classify ticket',
        `${NODE_TYPE}Tool`,
        2,
        {
          resource: 'classification',
          operation: 'classify',
          // What the editor writes when the model is to fill the field ("Let the model decide").
          input:
            "={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('Text_to_Classify', ``, 'string') }}",
          categorySource: 'list',
          categories: CATEGORIES,
          options: {},
        },
        { credentials: { classifailyApi: CREDENTIALS.main } },
      ),
    ],
    connections: {
      'Manual Trigger': { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
      'OpenAI Chat Model': {
        ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
      },
      'Classify ticket': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
    },
  };
}
