import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_APP_DIR, generatedFiles, isStale, staleness, writeApp } from '../src/generate';
import { main } from '../src/cli';

const quiet = () => {
  const lines: string[] = [];
  return {
    lines,
    io: { out: (s: string) => lines.push(s), err: (s: string) => lines.push(s), env: {} },
  };
};

describe('generation', () => {
  it('is deterministic: two runs give the same bytes', () => {
    const a = generatedFiles();
    const b = generatedFiles();
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [file, content] of a) expect(b.get(file)).toBe(content);
  });

  it('writes the same files twice, byte for byte', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'make-app-'));
    try {
      writeApp(dir);
      const first = new Map(
        [...generatedFiles().keys()].map((f) => [f, readFileSync(path.join(dir, f))]),
      );
      writeApp(dir);
      for (const [f, bytes] of first)
        expect(readFileSync(path.join(dir, f)).equals(bytes)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the checked-in app (packages/make/app) is up to date', () => {
    const s = staleness(DEFAULT_APP_DIR);
    expect(s).toEqual({ missing: [], changed: [], extra: [] });
  });

  it('has the Apps Editor layout', () => {
    const files = [...generatedFiles().keys()];
    expect(files).toEqual(
      expect.arrayContaining([
        'makecomapp.json',
        'general/base.iml.json',
        'general/common.json',
        'README.md',
        'modules/groups.json',
        'connections/classifaily/classifaily.communication.iml.json',
        'connections/classifaily/classifaily.params.iml.json',
        'rpcs/schema-options/schema-options.communication.iml.json',
        'rpcs/schema-options/schema-options.params.iml.json',
        'modules/classify-text/classify-text.communication.iml.json',
        'modules/classify-text/classify-text.static-params.iml.json',
        'modules/classify-text/classify-text.mappable-params.iml.json',
        'modules/classify-text/classify-text.interface.iml.json',
        'modules/classify-text/classify-text.samples.iml.json',
      ]),
    );
  });
});

describe('classifaily-make generate / check', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'make-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generate --out then check --dir passes', async () => {
    const { io, lines } = quiet();
    expect(await main(['generate', '--out', dir], io)).toBe(0);
    expect(await main(['check', '--dir', dir], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/up to date/);
  });

  it('check fails on a changed, a missing and an extra file', async () => {
    const { io, lines } = quiet();
    await main(['generate', '--out', dir], io);
    writeFileSync(path.join(dir, 'general/base.iml.json'), '{}\n');
    rmSync(path.join(dir, 'README.md'));
    writeFileSync(path.join(dir, 'stray.json'), '{}');
    expect(await main(['check', '--dir', dir], io)).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'changed: general/base.iml.json',
        'missing: README.md',
        'extra: stray.json',
      ]),
    );
    expect(isStale(staleness(dir))).toBe(true);
  });

  it('an unknown command prints the usage and fails', async () => {
    const { io, lines } = quiet();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(lines.join('\n')).toMatch(/Usage/);
  });
});
