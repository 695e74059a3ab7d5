// Generation: deterministic, checked in, the development build differing only where it must, and a
// writer that touches only the app's own files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { differences } from '../src/check';
import { DEFAULT_APP_DIR, generatedFiles, listedFiles, origin, writeApp } from '../src/generate';
import { ICON, json } from '../src/layout';
import { tempDir } from './helpers/apps';

describe('generation', () => {
  it('is deterministic: two runs give the same bytes', () => {
    expect([...generatedFiles()]).toEqual([...generatedFiles()]);
  });

  it('the checked-in app (packages/make/app) is up to date', () => {
    expect(differences(DEFAULT_APP_DIR, generatedFiles())).toEqual([]);
  });

  it('has the Apps Editor layout, with an origin to deploy to', () => {
    const files = generatedFiles();
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'makecomapp.json',
        'general/base.iml.json',
        'general/common.json',
        'README.md',
        'modules/groups.json',
        'connections/classifaily/classifaily.communication.iml.json',
        'connections/classifaily/classifaily.params.iml.json',
        'rpcs/schema-options/schema-options.communication.iml.json',
        'modules/classify-text/classify-text.communication.iml.json',
        'modules/classify-text/classify-text.static-params.iml.json',
        'modules/classify-text/classify-text.mappable-params.iml.json',
        'modules/classify-text/classify-text.interface.iml.json',
        'modules/classify-text/classify-text.samples.iml.json',
      ]),
    );
    expect(JSON.parse(String(files.get('makecomapp.json'))).origins).toEqual([
      {
        label: 'Make eu1',
        baseUrl: 'https://eu1.make.com/api',
        appId: 'classifaily',
        appVersion: 1,
        apikeyFile: '../.secrets/make-api-token',
      },
    ]);
  });

  it('has the icon Make asks for: a 512×512 PNG, the same bytes every time', () => {
    const png = generatedFiles().get(ICON) as Buffer;
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(png.equals(readFileSync(path.join(DEFAULT_APP_DIR, ICON)))).toBe(true);
    // Small enough for Make's upload, and more than one colour.
    expect(png.length).toBeLessThan(64_000);
    expect(png.length).toBeGreaterThan(1_000);
  });

  it('the development build differs from the production build only in the connection fields', () => {
    const prod = generatedFiles();
    const dev = generatedFiles({ dev: true });
    expect([...dev.keys()]).toEqual([...prod.keys()]);
    const differing = [...prod.keys()].filter(
      (file) => !Buffer.from(prod.get(file)!).equals(Buffer.from(dev.get(file)!)),
    );
    expect(differing).toEqual(['connections/classifaily/classifaily.params.iml.json']);
    expect(prod.get(differing[0]!)).not.toMatch(/localhost|http:/);
    expect(dev.get(differing[0]!)).toMatch(/localhost/);
  });
});

describe('writeApp: only the app’s own files', () => {
  let dir: string;
  let remove: () => void;
  beforeEach(() => ({ dir, remove } = tempDir()));
  afterEach(() => remove());

  it('writes the same bytes twice into a new folder', () => {
    const target = path.join(dir, 'new', 'app');
    writeApp(target, generatedFiles());
    writeApp(target, generatedFiles());
    expect(differences(target, generatedFiles())).toEqual([]);
  });

  it('refuses a folder that holds anything else, and leaves it as it was', () => {
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    expect(() => writeApp(dir, generatedFiles())).toThrow(
      /is not empty and is not a Classifaily Make app/,
    );
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(dir, 'makecomapp.json'))).toBe(false);
  });

  it('over an app: keeps files it does not own, removes the files the old app listed and the new one does not', () => {
    writeApp(dir, generatedFiles());
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    // An older version of the app with one more module.
    const manifest = JSON.parse(readFileSync(path.join(dir, 'makecomapp.json'), 'utf8'));
    const old = 'modules/old-module/old-module.communication.iml.json';
    manifest.components.module.oldModule = { label: 'Old', codeFiles: { communication: old } };
    manifest.generalCodeFiles.readme = 'README.md';
    mkdirSync(path.join(dir, 'modules/old-module'));
    writeFileSync(path.join(dir, old), '{}');
    writeFileSync(path.join(dir, 'makecomapp.json'), json(manifest));

    writeApp(dir, generatedFiles());
    expect(existsSync(path.join(dir, old))).toBe(false);
    expect(existsSync(path.join(dir, 'modules/old-module'))).toBe(false);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(differences(dir, generatedFiles())).toEqual(['extra: notes.txt']);
  });

  it('never removes a file outside the folder, whatever the old makecomapp.json lists', () => {
    const app = path.join(dir, 'app');
    writeApp(app, generatedFiles());
    writeFileSync(path.join(dir, 'outside.txt'), 'keep');
    const manifest = JSON.parse(readFileSync(path.join(app, 'makecomapp.json'), 'utf8'));
    manifest.components.module.classifyText.codeFiles.samples = '../outside.txt';
    writeFileSync(path.join(app, 'makecomapp.json'), json(manifest));
    writeApp(app, generatedFiles());
    expect(readFileSync(path.join(dir, 'outside.txt'), 'utf8')).toBe('keep');
  });

  it('keeps the origins it is given (the developer’s, e.g. with the Apps Editor’s idMapping)', () => {
    const mine = { ...origin('us2', 'classifaily-x1b2'), idMapping: { module: [] } };
    writeApp(dir, generatedFiles({ origins: [mine] }));
    expect(differences(dir, generatedFiles({ origins: [mine] }))).toEqual([]);
    // Another app id: its origin, and the example scenarios naming its modules.
    expect(differences(dir, generatedFiles()).sort()).toEqual([
      'changed: blueprints/make-classify-long-list.blueprint.json',
      'changed: blueprints/make-schemas-and-api-call.blueprint.json',
      'changed: blueprints/make-triage-review-lane.blueprint.json',
      'changed: makecomapp.json',
    ]);
    writeFileSync(path.join(dir, 'general/base.iml.json'), '{}\n');
    writeFileSync(path.join(dir, 'general/more.json'), '{}\n');
    expect(differences(dir, generatedFiles({ origins: [mine] }))).toEqual([
      'changed: general/base.iml.json',
      'extra: general/more.json',
    ]);
  });

  it('every component names the app’s one connection, and the manifest lists every file', () => {
    const files = generatedFiles();
    const manifest = JSON.parse(String(files.get('makecomapp.json')));
    const [connection, ...others] = Object.keys(manifest.components.connection);
    expect(others).toEqual([]);
    for (const type of ['rpc', 'module'])
      for (const meta of Object.values<{ connection: string }>(manifest.components[type]))
        expect(meta.connection).toBe(connection);
    expect(listedFiles(manifest).sort()).toEqual([...files.keys()].sort());
  });
});
