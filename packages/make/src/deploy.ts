// Deploys the app folder to Make through Make's API (@makehq/sdk), in the order the Make Apps Editor
// deploys in (vscode-apps-sdk `component-types-order.ts`): the app's general codes, then the
// connection, RPCs and modules, and the groups last, once the modules they name exist.
// A plan is a list of steps; `--dry-run` prints it, `deploy` runs it. The token is never printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Make } from '@makehq/sdk';
import { MAKECOMAPP } from './layout';
import type { ComponentMetadata, MakecomappJson, ModuleType } from './make-format';
import { MAKE_ID_PATTERNS } from './make-format';

export const ZONES = ['eu1', 'eu2', 'us1', 'us2'] as const;
export type Zone = (typeof ZONES)[number];

/** Make's module type ids (vscode-apps-sdk `module-types-naming.ts`). */
const MODULE_TYPE_ID: Record<ModuleType, number> = { action: 4, search: 9, universal: 12 };

/** Local code file key → the section name in Make's API. */
const API_SECTION: Record<string, string> = {
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
  run(ctx: DeployContext): Promise<void>;
}

const APP_VERSION = 1;

function sectionSteps(
  dir: string,
  type: 'connection' | 'rpc' | 'module',
  id: string,
  meta: ComponentMetadata,
): DeployStep[] {
  return Object.entries(meta.codeFiles)
    .filter(
      (entry): entry is [string, string] =>
        entry[1] !== null && API_SECTION[entry[0]] !== undefined,
    )
    .map(([key, file]) => {
      const section = API_SECTION[key]!;
      return {
        describe: `PUT ${type} ${id} ${section} (${file})`,
        async run(ctx) {
          const content = readFileSync(path.join(dir, file), 'utf8');
          if (type === 'connection') {
            await ctx.make.sdk.connections.setSection(
              remoteConnection(ctx, id),
              section as 'api',
              content,
            );
          } else if (type === 'rpc') {
            await ctx.make.sdk.rpcs.setSection(ctx.app, ctx.version, id, section as 'api', content);
          } else {
            await ctx.make.sdk.modules.setSection(
              ctx.app,
              ctx.version,
              id,
              section as 'api',
              content,
            );
          }
        },
      };
    });
}

function remoteConnection(ctx: DeployContext, localId: string): string {
  const name = ctx.connections.get(localId);
  if (!name) throw new Error(`Connection ${localId} has not been deployed yet`);
  return name;
}

/** The steps that deploy the app folder `dir`, in Make's component order. */
export function deployPlan(dir: string): DeployStep[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, MAKECOMAPP), 'utf8')) as MakecomappJson;
  const general = manifest.generalCodeFiles;
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const steps: DeployStep[] = [
    {
      describe: `PUT app base (${general.base})`,
      run: (ctx) => ctx.make.sdk.apps.setSection(ctx.app, ctx.version, 'base', read(general.base)),
    },
  ];
  if (general.common) {
    const file = general.common;
    steps.push({
      describe: `PUT app common (${file})`,
      run: async (ctx) =>
        void (await ctx.make.sdk.apps.setCommon(ctx.app, ctx.version, JSON.parse(read(file)))),
    });
  }
  steps.push({
    describe: `PUT app readme (${general.readme})`,
    run: async (ctx) =>
      void (await ctx.make.sdk.apps.setDocs(ctx.app, ctx.version, read(general.readme))),
  });

  for (const [id, meta] of Object.entries(manifest.components.connection)) {
    steps.push({
      describe: `ENSURE connection ${id} "${meta.label}" (found by label, else created as ${meta.connectionType})`,
      async run(ctx) {
        const existing = (await ctx.make.sdk.connections.list(ctx.app)).find(
          (c) => c.label === meta.label,
        );
        const remote =
          existing ??
          (await ctx.make.sdk.connections.create(ctx.app, {
            type: meta.connectionType ?? 'basic',
            label: meta.label,
          }));
        ctx.connections.set(id, remote.name);
      },
    });
    steps.push(...sectionSteps(dir, 'connection', id, meta));
  }

  for (const [id, meta] of Object.entries(manifest.components.rpc)) {
    steps.push({
      describe: `ENSURE rpc ${id} "${meta.label}" (created if missing), connection ${meta.connection}`,
      async run(ctx) {
        const exists = (await ctx.make.sdk.rpcs.list(ctx.app, ctx.version)).some(
          (r) => r.name === id,
        );
        if (!exists)
          await ctx.make.sdk.rpcs.create(ctx.app, ctx.version, { name: id, label: meta.label });
        await ctx.make.sdk.rpcs.update(ctx.app, ctx.version, id, {
          label: meta.label,
          ...(meta.connection ? { connection: remoteConnection(ctx, meta.connection) } : {}),
        });
      },
    });
    steps.push(...sectionSteps(dir, 'rpc', id, meta));
  }

  for (const [id, meta] of Object.entries(manifest.components.module)) {
    const moduleType = meta.moduleType!;
    steps.push({
      describe: `ENSURE module ${id} "${meta.label}" (${moduleType}${meta.actionCrud ? `, ${meta.actionCrud}` : ''}; created if missing), connection ${meta.connection}`,
      async run(ctx) {
        const exists = (await ctx.make.sdk.modules.list(ctx.app, ctx.version)).some(
          (m) => m.name === id,
        );
        if (!exists) {
          await ctx.make.sdk.modules.create(ctx.app, ctx.version, {
            name: id,
            typeId: MODULE_TYPE_ID[moduleType],
            label: meta.label,
            description: meta.description ?? '',
            moduleInitMode: 'blank',
            // Fields Make's API takes beyond the SDK's types (as the Apps Editor sends them).
            ...(moduleType === 'universal' ? { subtype: 'Universal' } : {}),
            ...(meta.actionCrud ? { crud: meta.actionCrud } : {}),
          } as Parameters<Make['sdk']['modules']['create']>[2]);
        }
        await ctx.make.sdk.modules.update(ctx.app, ctx.version, id, {
          label: meta.label,
          description: meta.description ?? '',
          ...(meta.connection ? { connection: remoteConnection(ctx, meta.connection) } : {}),
        });
      },
    });
    steps.push(...sectionSteps(dir, 'module', id, meta));
  }

  steps.push({
    describe: `PUT app groups (${general.groups})`,
    run: (ctx) =>
      ctx.make.sdk.apps.setSection(ctx.app, ctx.version, 'groups', read(general.groups)),
  });
  return steps;
}

export interface DeployOptions {
  dir: string;
  zone: Zone;
  app: string;
  token: string;
  /** Only for tests: an http://127.0.0.1:port stand-in instead of https://<zone>.make.com. */
  apiOrigin?: string;
  log?: (line: string) => void;
}

export async function deploy(options: DeployOptions): Promise<number> {
  if (!(ZONES as readonly string[]).includes(options.zone))
    throw new Error(`Unknown zone ${options.zone}`);
  if (!MAKE_ID_PATTERNS.app.test(options.app))
    throw new Error(`"${options.app}" is not a Make app name`);
  const origin = options.apiOrigin ? new URL(options.apiOrigin) : undefined;
  const make = new Make(options.token, origin?.host ?? `${options.zone}.make.com`, {
    retry: { onRateLimit: true },
  });
  if (origin) make.protocol = origin.protocol.replace(':', '');
  const ctx: DeployContext = {
    make,
    app: options.app,
    version: APP_VERSION,
    connections: new Map(),
  };
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
