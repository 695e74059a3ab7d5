// The real sandbox (@classifaily/sandbox/process: in a child process, as this package runs on Node 22) over HTTP
// on 127.0.0.1, and ways to run the app on it the way Zapier does: createAppTester for performs,
// the Lambda handler for what needs more of Zapier (log lines, z.cursor's RPC).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import zapier from 'zapier-platform-core';

import { startSandboxProcess, type SandboxProcess } from '@classifaily/sandbox/process';
import { BASE_URL_VARIABLE } from '../src/client';
import RealApp from '../src/index';

// The tests reach into the definition by key and read outputs field by field; the app's inferred
// types (records of every create/search/trigger) are too wide for that, so the tests see it loosely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type Fn = (...args: never[]) => unknown;
interface LooseOperation {
  key: string;
  display: { label?: string; description?: string; hidden?: boolean };
  operation: {
    perform: Fn;
    canPaginate?: boolean;
    outputFields: unknown[];
    inputFields?: unknown[];
  };
}
export const App = RealApp as unknown as {
  authentication: { test: Fn; connectionLabel: Fn };
  creates: Record<'classify' | 'classifyBatch' | 'createSchema', LooseOperation>;
  searches: Record<'findSchema', LooseOperation>;
  triggers: Record<'listSchemas', LooseOperation>;
};
export const appTester = zapier.createAppTester(RealApp) as unknown as (
  method: Fn,
  bundle?: Record<string, unknown>,
) => Promise<Loose>;

// Zapier's Lambda entry point; exported at runtime, missing from the package's types.
const { createAppHandler } = zapier as unknown as {
  createAppHandler(app: object): (event: Record<string, unknown>) => Promise<{ results: unknown }>;
};
const handler = createAppHandler(RealApp);

export type Sandbox = SandboxProcess;

/** A sandbox, and the app pointed at it the way a developer does: CLASSIFAILY_BASE_URL. */
export async function start(): Promise<Sandbox> {
  const sandbox = await startSandboxProcess();
  process.env[BASE_URL_VARIABLE] = sandbox.url;
  return sandbox;
}

/** The connection's data: just the key (the base URL is not a connection field). */
export const authDataFor = (sandbox: Sandbox, apiKey = sandbox.apiKey) => ({ api_key: apiKey });

const TEXTS = [
  'I was charged twice for my subscription this month.',
  'The app crashes when I click export.',
  'My account is locked and the reset link expired.',
  'Please add a dark mode.',
];
/** `count` lines of Classify Batch input, as a Line Itemizer gives them: a text and an id each. */
export const lines = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ input: TEXTS[i % TEXTS.length], id: `T-${i + 1}` }));

/** The rejection of a promise, for asserting on error class, message and fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** An AppError / ThrottledError's JSON message with its class name. */
export const details = (error: Error) => {
  try {
    return { name: error.name, ...JSON.parse(error.message) };
  } catch {
    return { name: error.name, message: error.message };
  }
};

export interface LogEntry {
  message: string;
  data: Record<string, unknown>;
}

/** Runs one app method through Zapier's handler, collecting the (censored) log lines. */
export async function runLogged(
  method: string,
  bundle: Record<string, unknown>,
): Promise<{ results?: unknown; error?: Error; logs: LogEntry[] }> {
  const logs: LogEntry[] = [];
  try {
    const response = await handler({
      command: 'execute',
      method,
      bundle,
      customLogger: (message: string, data: Record<string, unknown>) =>
        logs.push({ message, data }),
    });
    return { results: response.results, logs };
  } catch (error) {
    return { error: error as Error, logs };
  }
}

/**
 * A stand-in for Zapier's RPC service, which keeps z.cursor's value per store key between the
 * page requests of a dropdown (on Zapier this is its own backend; here, memory on 127.0.0.1).
 * An invocation reaches it with the event's `rpc_base`, authenticated by ZAPIER_DEPLOY_KEY when the
 * event has no `token` (a token would also make Zapier's logger post the log lines to Zapier).
 */
export async function startRpcStandIn() {
  const cursors = new Map<string, string>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const call = JSON.parse(body) as {
        id: string;
        storeKey: string;
        method: string;
        params: string[];
      };
      let result: string | null = null;
      if (call.method === 'set_cursor') cursors.set(call.storeKey, call.params[0] ?? '');
      else if (call.method === 'get_cursor') result = cursors.get(call.storeKey) ?? null;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: call.id, result }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cursors,
    deployKey: 'local-rpc-stand-in',
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs pages of a paginated trigger through the in-process handler, with the RPC stand-in. */
export async function startCursorStore() {
  const rpc = await startRpcStandIn();
  return {
    ...rpc,
    runPage: async (method: string, bundle: Record<string, unknown>, storeKey: string) => {
      const previous = process.env.ZAPIER_DEPLOY_KEY;
      process.env.ZAPIER_DEPLOY_KEY = rpc.deployKey;
      try {
        return (await handler({ command: 'execute', method, bundle, storeKey, rpc_base: rpc.url }))
          .results;
      } finally {
        if (previous === undefined) delete process.env.ZAPIER_DEPLOY_KEY;
        else process.env.ZAPIER_DEPLOY_KEY = previous;
      }
    },
  };
}
