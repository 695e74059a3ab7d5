// The Node versions a user runs core on. The machine's own `node` is the first one on PATH outside
// node_modules (pnpm may put a packaged `node` first for this package's scripts).
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

export const NODES: ReadonlyArray<readonly [label: string, binary: string]> = [
  ["the machine's Node", machineNode()],
];
