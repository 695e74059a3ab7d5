// Deploys the app folder to Make through Make's API (@makehq/sdk), in the order the Make Apps Editor
// deploys in (vscode-apps-sdk `component-types-order.ts`): the app's general codes, then the
// connection, RPCs and modules, and the groups last, once the modules they name exist.
// A plan is a list of steps; `--dry-run` prints it, `deploy` runs it. The token is never printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Make } from '@makehq/sdk';
import { isAllowedBaseUrl } from '@classifaily/core';
import { checkFolder, loadMakeSchemas } from './check';
import { MAKECOMAPP } from './layout';
import type { MakecomappJson, ModuleType } from './make-format';

export const ZONES = ['eu1', 'eu2', 'us1', 'us2'] as const;
/** Make's app name rule (vscode-apps-sdk `validate-id.ts`). */
export const APP_NAME = /^[a-z][0-9a-z-]{1,28}[0-9a-z]$/;

/** Make's module type ids (vscode-apps-sdk `module-types-naming.ts`). */
const MODULE_TYPE_ID: Record<ModuleType, number> = { action: 4, search: 9, universal: 12 };

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

function remoteConnection(ctx: DeployContext, localId: string): string {
  const name = ctx.connections.get(localId);
  if (!name) throw new Error(`Connection ${localId} has not been deployed yet`);
  return name;
}

/** The steps that deploy the app folder `dir` (already checked), in Make's component order. */
export function deployPlan(dir: string): DeployStep[] {
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const manifest = JSON.parse(read(MAKECOMAPP)) as MakecomappJson;
  const { base, common, readme, groups } = manifest.generalCodeFiles;
  const steps: DeployStep[] = [];
  const step = (describe: string, run: DeployStep['run']) => steps.push({ describe, run });
  if (base)
    step(`PUT app base (${base})`, (c) =>
      c.make.sdk.apps.setSection(c.app, c.version, 'base', read(base)),
    );
  if (common)
    step(`PUT app common (${common})`, (c) =>
      c.make.sdk.apps.setCommon(c.app, c.version, JSON.parse(read(common))),
    );
  if (readme)
    step(`PUT app readme (${readme})`, (c) =>
      c.make.sdk.apps.setDocs(c.app, c.version, read(readme)),
    );

  for (const type of ['connection', 'rpc', 'module'] as const) {
    for (const [id, meta] of Object.entries(manifest.components[type] ?? {})) {
      const link = (c: DeployContext) =>
        meta.connection ? { connection: remoteConnection(c, meta.connection) } : {};
      if (type === 'connection') {
        step(
          `ENSURE connection ${id} "${meta.label}" (found by label, else created)`,
          async (c) => {
            const found = (await c.make.sdk.connections.list(c.app)).find(
              (r) => r.label === meta.label,
            );
            const remote =
              found ??
              (await c.make.sdk.connections.create(c.app, { type: 'basic', label: meta.label! }));
            c.connections.set(id, remote.name);
          },
        );
      } else if (type === 'rpc') {
        step(
          `ENSURE rpc ${id} "${meta.label}" (created if missing), connection ${meta.connection}`,
          async (c) => {
            if (!(await c.make.sdk.rpcs.list(c.app, c.version)).some((r) => r.name === id))
              await c.make.sdk.rpcs.create(c.app, c.version, { name: id, label: meta.label! });
            await c.make.sdk.rpcs.update(c.app, c.version, id, { label: meta.label, ...link(c) });
          },
        );
      } else {
        const moduleType = meta.moduleType!;
        const what = `${moduleType}${meta.actionCrud ? `, ${meta.actionCrud}` : ''}`;
        step(
          `ENSURE module ${id} "${meta.label}" (${what}; created if missing), connection ${meta.connection}`,
          async (c) => {
            const description = meta.description ?? '';
            if (!(await c.make.sdk.modules.list(c.app, c.version)).some((m) => m.name === id))
              await c.make.sdk.modules.create(c.app, c.version, {
                name: id,
                typeId: MODULE_TYPE_ID[moduleType],
                label: meta.label!,
                description,
                moduleInitMode: 'blank',
                // Fields Make's API takes beyond the SDK's types (as the Apps Editor sends them).
                ...(moduleType === 'universal' ? { subtype: 'Universal' } : {}),
                ...(meta.actionCrud ? { crud: meta.actionCrud } : {}),
              } as Parameters<Make['sdk']['modules']['create']>[2]);
            await c.make.sdk.modules.update(c.app, c.version, id, {
              label: meta.label,
              description,
              ...link(c),
            });
          },
        );
      }
      for (const [key, file] of Object.entries(meta.codeFiles)) {
        const section = API_SECTION[key];
        if (!file || !section) continue;
        step(`PUT ${type} ${id} ${section} (${file})`, (c) =>
          type === 'connection'
            ? c.make.sdk.connections.setSection(
                remoteConnection(c, id),
                section as 'api',
                read(file),
              )
            : c.make.sdk[type === 'rpc' ? 'rpcs' : 'modules'].setSection(
                c.app,
                c.version,
                id,
                section as 'api',
                read(file),
              ),
        );
      }
    }
  }
  if (groups)
    step(`PUT app groups (${groups})`, (c) =>
      c.make.sdk.apps.setSection(c.app, c.version, 'groups', read(groups)),
    );
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
  const problems: string[] = [];
  if (!APP_NAME.test(app)) problems.push(`"${app}" is not a Make app name (${APP_NAME}).`);
  const origin = URL.canParse(apiOrigin) ? new URL(apiOrigin) : undefined;
  if (!origin || !isAllowedBaseUrl(origin, { allowLocalHttp: false }) || origin.pathname !== '/')
    problems.push(`The API origin must be https://host only, not "${apiOrigin}".`);
  return [...problems, ...checkFolder(dir, { schemas: loadMakeSchemas() })];
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
