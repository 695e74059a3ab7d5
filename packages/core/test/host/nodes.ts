// The Node versions a user runs core on: the machine's own (20) and 22 and 24 from the `node` npm
// package (devDependencies node22 / node24). The machine's `node` is the first one on PATH outside
// node_modules, because pnpm puts a packaged `node` first for this package's scripts.
import fs from 'node:fs';
import path from 'node:path';

function machineNode(): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir.split(path.sep).includes('node_modules')) continue;
    const candidate = path.join(dir, 'node');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(
    'No `node` on PATH outside node_modules: install Node 20 (apt-get install -y nodejs).',
  );
}

function packagedNode(alias: string): string {
  try {
    return path.join(path.dirname(require.resolve(`${alias}/package.json`)), 'bin', 'node');
  } catch {
    throw new Error(
      `${alias} is missing: run pnpm install (it is a devDependency of @classifaily/core).`,
    );
  }
}

export const NODES: ReadonlyArray<readonly [label: string, binary: string]> = [
  ['Node 20 (the machine’s)', machineNode()],
  ['Node 22', packagedNode('node22')],
  ['Node 24', packagedNode('node24')],
];
