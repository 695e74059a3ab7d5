/* eslint-disable @n8n/community-nodes/no-restricted-imports --
   test code: a local HTTP server, never part of the node. */
// A scripted, OpenAI-compatible chat model on 127.0.0.1 (random port), for n8n's AI Agent with the
// OpenAI Chat Model pointed at it. `POST /v1/chat/completions`, no streaming:
//   1. a conversation without a tool result: it calls the first tool offered, filling every
//      argument of its schema with the text after "Ticket:" in the last user message;
//   2. a conversation with a tool result: it answers "Label: <label>", the `label` it finds in the
//      tool's result (a JSON text), or "Label: none" if there is none.
// Every request body is recorded, so that a test can see which tools were offered and what came back.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface ChatRequest {
  model?: string;
  messages: Array<{ role: string; content?: unknown; tool_call_id?: string }>;
  tools?: Array<{
    type: string;
    function: { name: string; description?: string; parameters?: { properties?: object } };
  }>;
  stream?: boolean;
}

export interface OpenAiStandIn {
  /** The base URL to give the OpenAI credential (ends in /v1). */
  baseUrl: string;
  requests: ChatRequest[];
  close(): Promise<void>;
}

export async function startOpenAiStandIn(): Promise<OpenAiStandIn> {
  const requests: ChatRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions'))
        return send(404, { error: { message: `no route ${req.method} ${req.url}` } });
      const request = JSON.parse(body) as ChatRequest;
      requests.push(request);
      if (request.stream) return send(400, { error: { message: 'the stand-in does not stream' } });
      send(200, completion(request, requests.length));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function completion(request: ChatRequest, n: number) {
  const toolResult = [...request.messages].reverse().find((m) => m.role === 'tool');
  const tool = request.tools?.[0]?.function;
  const message =
    toolResult || !tool
      ? { role: 'assistant', content: `Label: ${labelIn(toolResult?.content) ?? 'none'}` }
      : {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: `call_${n}`,
              type: 'function',
              function: { name: tool.name, arguments: JSON.stringify(argumentsFor(request, tool)) },
            },
          ],
        };
  return {
    id: `chatcmpl-${n}`,
    object: 'chat.completion',
    created: 1_767_225_600,
    model: request.model ?? 'stand-in',
    choices: [
      { index: 0, message, finish_reason: 'tool_calls' in message ? 'tool_calls' : 'stop' },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

function argumentsFor(
  request: ChatRequest,
  tool: NonNullable<ChatRequest['tools']>[number]['function'],
): Record<string, string> {
  const lastUser = [...request.messages].reverse().find((m) => m.role === 'user');
  const text = String(textOf(lastUser?.content)).split('Ticket:').pop()!.trim();
  return Object.fromEntries(Object.keys(tool.parameters?.properties ?? {}).map((k) => [k, text]));
}

/** A message's text: a string, or the text parts of a content array. */
function textOf(content: unknown): string {
  if (Array.isArray(content))
    return content.map((part: { text?: string }) => part.text ?? '').join('');
  return typeof content === 'string' ? content : '';
}

/** The first `"label": "…"` in a tool result. */
function labelIn(content: unknown): string | undefined {
  return /"label"\s*:\s*"([^"]+)"/.exec(textOf(content))?.[1];
}
