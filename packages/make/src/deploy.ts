// Deploys the app folder to Make through Make's API (@makehq/sdk), in the order the Make Apps Editor
// deploys in (vscode-apps-sdk `component-types-order.ts`): the app's general codes, then the
// connection, RPCs and modules, and the groups last, once the modules they name exist.
// A plan is a list of steps; `--dry-run` prints it, `deploy` runs it. The token is never printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Make } from '@makehq/sdk';
import { isAllowedBaseUrl } from '@classifaily/core';
import { checkFolder } from './check';
import { appNameProblem } from './generate';
import { ICON, MAKECOMAPP, type Manifest } from './layout';

export const ZONES = ['eu1', 'eu2', 'us1', 'us2'] as const;

/** Make's module type ids (vscode-apps-sdk `module-types-naming.ts`). */
const MODULE_TYPE_ID = { action: 4, search: 9, universal: 12 };

/** Local code file key → the section name in Make's API. */
const API_SECTION: Record<string, 'api' | 'parameters' | 'expect' | 'interface' | 'samples'> = {
  communication: 'api',
  params: 'parameters',
  staticParams: 'parameters',
  mappableParams: 'expect',
  interface: 'interface',
  samples: 'samples',
};

interface DeployContext {
  make: Make;
  app: string;
  version: number;
  /** Remote name of each local connection, learnt while deploying. */
  connections: Map<string, string>;
}

export interface DeployStep {
  /** One line for the plan, e.g. `PUT module classifyText api (modules/…communication.iml.json)`. */
  describe: string;
  run(ctx: DeployContext): Promise<unknown>;
}

/** The steps that deploy the app folder `dir` (already checked), in Make's component order. */
export function deployPlan(dir: string): DeployStep[] {
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const { generalCodeFiles, components } = JSON.parse(read(MAKECOMAPP)) as Manifest;
  const steps: DeployStep[] = [];
  const step = (describe: string, run: DeployStep['run']) => steps.push({ describe, run });
  const general = (
    name: keyof Manifest['generalCodeFiles'],
    put: (c: DeployContext, text: string) => Promise<unknown>,
  ) => {
    const file = generalCodeFiles[name];
    if (file) step(`PUT app ${name} (${file})`, (c) => put(c, read(file)));
  };
  // The connection's remote name, learnt by its step, which comes first (Make's order).
  const remote = (c: DeployContext, id: string) => c.connections.get(id)!;
  const sdkFor = (c: DeployContext, type: 'rpc' | 'module') =>
    c.make.sdk[type === 'rpc' ? 'rpcs' : 'modules'] as Make['sdk']['modules'];

  general('base', (c, text) => c.make.sdk.apps.setSection(c.app, c.version, 'base', text));
  general('common', (c, text) => c.make.sdk.apps.setCommon(c.app, c.version, JSON.parse(text)));
  general('readme', (c, text) => c.make.sdk.apps.setDocs(c.app, c.version, text));
  step(`PUT app icon (${ICON})`, (c) =>
    c.make.sdk.apps.setIcon(c.app, c.version, readFileSync(path.join(dir, ICON))),
  );
  for (const type of ['connection', 'rpc', 'module'] as const) {
    for (const [id, meta] of Object.entries(components[type] ?? {})) {
      const { label = id, description = '', moduleType, actionCrud, connection } = meta;
      if (type === 'connection') {
        step(`ENSURE connection ${id} "${label}" (found by label, else created)`, async (c) => {
          const found = (await c.make.sdk.connections.list(c.app)).find((r) => r.label === label);
          const made =
            found ?? (await c.make.sdk.connections.create(c.app, { type: 'basic', label }));
          c.connections.set(id, made.name);
        });
      } else {
        // RPCs and modules: created if missing (modules with Make's type id), then labelled and linked.
        const kind = type === 'rpc' ? 'rpc' : `${moduleType}${actionCrud ? `, ${actionCrud}` : ''}`;
        const create =
          type === 'rpc'
            ? {}
            : {
                typeId: MODULE_TYPE_ID[moduleType as keyof typeof MODULE_TYPE_ID],
                description,
                moduleInitMode: 'blank',
              };
        // Fields Make's API takes beyond the SDK's types (as the Apps Editor sends them).
        const extra = {
          ...(moduleType === 'universal' ? { subtype: 'Universal' } : {}),
          ...(actionCrud ? { crud: actionCrud } : {}),
        };
        step(
          `ENSURE ${type} ${id} "${label}" (${kind}; created if missing), connection ${connection}`,
          async (c) => {
            const sdk = sdkFor(c, type);
            if (!(await sdk.list(c.app, c.version)).some((r) => r.name === id))
              await sdk.create(c.app, c.version, { name: id, label, ...create, ...extra } as never);
            const link = connection ? { connection: remote(c, connection) } : {};
            await sdk.update(c.app, c.version, id, {
              label,
              ...(type === 'module' ? { description } : {}),
              ...link,
            });
          },
        );
      }
      for (const [key, file] of Object.entries(meta.codeFiles)) {
        const section = API_SECTION[key];
        if (file && section)
          step(`PUT ${type} ${id} ${section} (${file})`, (c) =>
            type === 'connection'
              ? c.make.sdk.connections.setSection(remote(c, id), section as 'api', read(file))
              : sdkFor(c, type).setSection(c.app, c.version, id, section as 'api', read(file)),
          );
      }
    }
  }
  general('groups', (c, text) => c.make.sdk.apps.setSection(c.app, c.version, 'groups', text));
  return steps;
}

export interface DeployOptions {
  dir: string;
  app: string;
  token: string;
  /** Make's API, `https://<zone>.make.com` (or a private instance's https origin). */
  apiOrigin: string;
  log?: (line: string) => void;
}

/** Why the folder cannot be deployed to that app: the name, the origin (https only), the folder. */
export function deployProblems({ dir, app, apiOrigin }: Omit<DeployOptions, 'token'>): string[] {
  const problems = [appNameProblem(app)].filter((p) => p !== undefined);
  const origin = URL.canParse(apiOrigin) ? new URL(apiOrigin) : undefined;
  if (!origin || !isAllowedBaseUrl(origin, { allowLocalHttp: false }) || origin.pathname !== '/')
    problems.push(`The API origin must be https://host only, not "${apiOrigin}".`);
  return [...problems, ...checkFolder(dir)];
}

/** Checks everything first (`deployProblems`), then runs the plan: a broken folder makes no call. */
export async function deploy(options: DeployOptions): Promise<number> {
  const problems = deployProblems(options);
  if (problems.length) throw new Error(`Nothing deployed:\n${problems.join('\n')}`);
  const make = new Make(options.token, new URL(options.apiOrigin).host, {
    retry: { onRateLimit: true },
  });
  const ctx: DeployContext = { make, app: options.app, version: 1, connections: new Map() };
  const steps = deployPlan(options.dir);
  for (const step of steps) {
    options.log?.(step.describe);
    try {
      await step.run(ctx);
    } catch (e) {
      const message = String((e as Error).message ?? e)
        .split(options.token)
        .join('***');
      throw new Error(`Deploy failed at "${step.describe}": ${message}`);
    }
  }
  return steps.length;
}
