// Every ```ts block of this package's README is a program a reader can copy, and this suite holds
// each one to it: type-checked (strict) against what npm ships (dist/index.d.ts), then run as an
// ES module in a fresh plain `node` (the machine's Node 20) against the sandbox, with the README's
// two environment variables set. A block that is followed by a ```text block must print exactly
// that text, ids such as `req_…` aside.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { DIST } from './host/run-child';
import { NODES } from './host/nodes';

const README = path.join(__dirname, '..', 'README.md');
const DIST_TYPES = DIST.replace(/\.js$/, '.d.ts');
// The sandbox depends on core, so core cannot depend on it: turbo builds it before this package's
// tests (turbo.json, `@classifaily/core#test`), and it is loaded from its folder.
const SANDBOX_PROCESS = path.join(__dirname, '../../sandbox/dist/process.js');

interface Block {
  line: number;
  code: string;
  prints?: string;
}

/** The README's ```ts blocks, each with the ```text block right after it, if any. */
function readmeBlocks(markdown: string): Block[] {
  const fences = [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)];
  const blocks: Block[] = [];
  fences.forEach((fence, i) => {
    if (fence[1] !== 'ts') return;
    const next = fences[i + 1];
    const between = next ? markdown.slice(fence.index! + fence[0].length, next.index) : '';
    blocks.push({
      line: markdown.slice(0, fence.index).split('\n').length,
      code: fence[2]!,
      prints: next?.[1] === 'text' && between.trim() === '' ? next[2] : undefined,
    });
  });
  return blocks;
}

/** Ids the sandbox makes anew on every run, as the README writes them. */
const normalize = (text: string) =>
  text.replace(/\b(req|cls|sch|bat)_[A-Za-z0-9]{6,}/g, '$1_…').trimEnd();

function run(node: string, file: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(node, [file], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const blocks = readmeBlocks(fs.readFileSync(README, 'utf8'));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'core-readme-'));
const files = blocks.map((block) => path.join(dir, `line-${block.line}.ts`));

beforeAll(() => {
  for (const file of [DIST, DIST_TYPES, SANDBOX_PROCESS])
    if (!fs.existsSync(file))
      throw new Error(
        `${file} is missing: build first (pnpm exec turbo run build --filter=@classifaily/sandbox).`,
      );
  blocks.forEach((block, i) => fs.writeFileSync(files[i]!, block.code));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('has examples, each with the output it prints', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(8);
  expect(blocks.filter((b) => b.prints === undefined).map((b) => b.line)).toEqual([]);
});

it("type-checks every block against core's published types", () => {
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    typeRoots: [path.join(__dirname, '../../../node_modules/@types')],
    paths: { '@classifaily/core': [DIST_TYPES] },
    moduleDetection: ts.ModuleDetectionKind.Force,
    noEmit: true,
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    const block = blocks[files.indexOf(d.file?.fileName ?? '')];
    const line = block && where ? `README.md:${block.line + 1 + where.line}` : d.file?.fileName;
    return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  expect(problems).toEqual([]);
});

describe('every block runs against the sandbox and prints what the README shows', () => {
  let sandbox: { url: string; apiKey: string; close(): Promise<void> };
  beforeAll(async () => {
    const { startSandboxProcess } = (await import(SANDBOX_PROCESS)) as {
      startSandboxProcess(): Promise<typeof sandbox>;
    };
    sandbox = await startSandboxProcess();
  });
  afterAll(() => sandbox?.close());

  const [, node] = NODES[0]!;
  it.each(blocks.map((block, i) => [block.line, i] as const))(
    'README.md line %i',
    async (_line, i) => {
      const block = blocks[i]!;
      const js = ts
        .transpileModule(block.code, {
          compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        })
        .outputText.replace(/from '@classifaily\/core'/g, `from '${pathToFileURL(DIST).href}'`);
      const file = files[i]!.replace(/\.ts$/, '.mjs');
      fs.writeFileSync(file, js);
      const result = await run(node, file, {
        CLASSIFAILY_API_KEY: sandbox.apiKey,
        CLASSIFAILY_BASE_URL: sandbox.url,
      });
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(normalize(result.stdout)).toBe(normalize(block.prints ?? ''));
      expect(result.stdout).not.toContain(sandbox.apiKey);
    },
    60_000,
  );
});
