/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions --
   The harness runs in Jest and in scripts, never inside n8n: it needs processes, files and timers. */
// Our package as a user installs it: `npm pack`, then `npm install` of the tarball in an n8n user
// folder's custom-nodes folder (the queue-mode suite and bench, decision 0210).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import type { N8nInstance } from './n8n.ts';

/** `npm pack` of a built package (what `npm publish` would ship) into `folder`; its file path. */
export async function npmPack(packageDir: string, folder: string): Promise<string> {
  if (!fs.existsSync(path.join(packageDir, 'dist')))
    throw new Error(`${packageDir}: no dist/ to pack; build the package first (pnpm build)`);
  const { stdout } = await npm(['pack', '--silent', '--pack-destination', folder], packageDir);
  return path.join(folder, stdout.trim().split('\n').pop()!);
}

/**
 * Installs packed packages as n8n's manual installation does: `npm install` in the user folder's
 * `.n8n/nodes`, without peer dependencies (n8n gives community nodes its own n8n-workflow).
 * The same command as docs/examples/n8n-queue-mode/docker-compose.yml; offline from the tarball.
 */
export async function withPackages(
  instance: N8nInstance,
  tarballs: string[],
): Promise<N8nInstance> {
  const nodes = path.join(instance.userFolder, '.n8n', 'nodes');
  fs.mkdirSync(nodes, { recursive: true });
  if (tarballs.length)
    await npm(
      ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--offline', ...tarballs],
      nodes,
    );
  return instance;
}

function npm(args: string[], cwd: string): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    execFile('npm', args, { cwd }, (error, stdout, stderr) => {
      if (error)
        reject(new Error(`npm ${args.join(' ')} (in ${cwd}) failed:\n${stderr || error.message}`));
      else resolve({ stdout });
    });
  });
}
