/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// A throwaway n8n user folder: our built package in its community-nodes folder, and the
// environment that keeps every n8n command offline, quiet and isolated (decision 0201).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { freePort } from './child-process.ts';
import type { InstalledN8n } from './n8n-install.ts';

/**
 * Installs a built node package the way n8n finds community packages: as
 * `<user folder>/.n8n/nodes/node_modules/<name>`, with only what `npm publish` would ship.
 * Its peer dependency n8n-workflow resolves to the instance's own copy, as after `npm install`.
 */
export function installCommunityPackage(
  install: InstalledN8n,
  userFolder: string,
  pkgDir: string,
): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as {
    name: string;
    files?: string[];
    n8n?: { nodes?: string[]; credentials?: string[] };
  };
  for (const entry of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
    if (!fs.existsSync(path.join(pkgDir, entry))) {
      throw new Error(`${pkg.name}: ${entry} is missing; build the package first (pnpm build)`);
    }
  }
  const nodesDir = path.join(userFolder, '.n8n', 'nodes');
  const target = path.join(nodesDir, 'node_modules', pkg.name);
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(path.join(pkgDir, 'package.json'), path.join(target, 'package.json'));
  for (const entry of pkg.files ?? ['dist']) {
    fs.cpSync(path.join(pkgDir, entry), path.join(target, entry), { recursive: true });
  }
  const fromN8n = createRequire(path.join(path.dirname(install.n8nBin), '..', 'package.json'));
  const workflowPkg = path.dirname(fromN8n.resolve('n8n-workflow/package.json'));
  fs.symlinkSync(workflowPkg, path.join(nodesDir, 'node_modules', 'n8n-workflow'), 'dir');
  fs.writeFileSync(
    path.join(nodesDir, 'package.json'),
    JSON.stringify(
      { name: 'installed-nodes', private: true, dependencies: { [pkg.name]: 'file:' } },
      null,
      2,
    ),
  );
}

/** Settings that keep a CLI n8n offline, quiet and isolated from any other n8n on the machine. */
export async function headlessEnv(
  install: InstalledN8n,
  userFolder: string,
  extra: Record<string, string>,
): Promise<NodeJS.ProcessEnv> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(N8N_|DB_|NODE_OPTIONS$|NODE_ENV$|EXECUTIONS_)/.test(key),
    ),
  );
  return {
    ...inherited,
    PATH: `${path.dirname(install.nodeBinary)}${path.delimiter}${process.env.PATH ?? ''}`,
    N8N_USER_FOLDER: userFolder,
    // Fixed, so that imported credentials decrypt in every later command (and no config is written).
    N8N_ENCRYPTION_KEY: 'classifaily-harness-not-a-secret',
    DB_TYPE: 'sqlite',
    // Nothing leaves the machine: no telemetry, version checks, templates or banners.
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_HIRING_BANNER_ENABLED: 'false',
    N8N_DYNAMIC_BANNERS_ENABLED: 'false',
    N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
    N8N_REINSTALL_MISSING_PACKAGES: 'false',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    // Task runners (the Code node) in a child process; 1.x needs them switched on, 2.x always has
    // them. Their broker gets a free port so that parallel instances do not collide on 5679.
    N8N_RUNNERS_ENABLED: 'true',
    N8N_RUNNERS_MODE: 'internal',
    N8N_RUNNERS_BROKER_PORT: String(await freePort()),
    // `execute` logs the failed run's JSON at info level; keep it so failures can be parsed.
    N8N_LOG_LEVEL: 'info',
    N8N_LOG_OUTPUT: 'console',
    N8N_NO_COLOR: 'true',
    GENERIC_TIMEZONE: 'UTC',
    TZ: 'UTC',
    ...extra,
  };
}

/**
 * What only `n8n start` needs to stay offline (both seen failing in its log): the node creator asks
 * n8n's API for its list of verified community nodes, and 2.x's MCP registry module fetches a server
 * list at start-up (a module 1.x does not have, where naming it is an error).
 */
export function editorOfflineEnv(install: InstalledN8n): Record<string, string> {
  const modules = path.join(path.dirname(install.n8nBin), '..', 'dist', 'modules');
  return {
    N8N_VERIFIED_PACKAGES_ENABLED: 'false',
    ...(fs.existsSync(path.join(modules, 'mcp-registry'))
      ? { N8N_DISABLED_MODULES: 'mcp-registry' }
      : {}),
  };
}
